package dev.gatehouse.ui.certs;

import dev.gatehouse.ui.common.RelativeTime;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.TableSupport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Certificates table: status from the diagnostics, namespace, name, subject CN, SANs, issuer, expiry
 * date, days left in UI.md's colour bands (icon + text), the Ingresses using it, and cert-manager.
 */
final class CertificateTable {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    private CertificateTable() {
    }

    static TableView<CertificateRow> create(CertificatesViewModel vm, Consumer<TableRow<CertificateRow>> rowSetup) {
        TableView<CertificateRow> table = new TableView<>();
        table.setId("certs-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(TableSupport.placeholder(vm.placeholderProperty(), "fth-shield"));
        table.getColumns().add(TableSupport.status("Status", CertificateRow::status, CertificateRow::problemCount));
        table.getColumns().add(width(TableSupport.text("Namespace", CertificateRow::namespace, 100), 98));
        table.getColumns().add(name());
        table.getColumns().add(width(TableSupport.text("Subject", CertificateRow::subject, 180), 90));
        table.getColumns().add(width(TableSupport.text("SANs", CertificateRow::sans, 200), 90));
        table.getColumns().add(width(TableSupport.text("Issuer", CertificateRow::issuer, 150), 80));
        table.getColumns().add(notAfter());
        table.getColumns().add(daysLeft());
        table.getColumns().add(width(TableSupport.text("Used by", CertificateRow::usedByText, 110), 70));
        SortedList<CertificateRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> {
            TableRow<CertificateRow> row = new TableRow<>();
            rowSetup.accept(row);
            return row;
        });
        TableSupport.bindSelection(table, vm.selectedProperty());
        return table;
    }

    private static TableColumn<CertificateRow, Instant> notAfter() {
        TableColumn<CertificateRow, Instant> c = new TableColumn<>("Not after");
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().notAfter()));
        c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        c.setPrefWidth(95);
        c.setMinWidth(88);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : DATE.format(t));
                setTooltip(empty || t == null ? null : new Tooltip(RelativeTime.absolute(t)));
            }
        });
        return c;
    }

    /** "expires in 5 days" with the band's colour and icon, sorted by days left. */
    private static TableColumn<CertificateRow, CertificateRow> daysLeft() {
        TableColumn<CertificateRow, CertificateRow> c = new TableColumn<>("Expiry");
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setComparator(Comparator.comparingLong(CertificateRow::daysLeft));
        c.setPrefWidth(195);
        c.setMinWidth(190);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(CertificateRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Status s = r.expiryStatus();
                Label badge = new Label(r.expiryText(), new FontIcon(s.iconLiteral()));
                badge.getStyleClass().addAll("status-badge", "expiry-badge", s.styleClass());
                badge.setId("expiry-" + r.namespace() + "-" + r.name());
                setGraphic(badge);
                setText(null);
                setTooltip(r.leaf().map(l -> new Tooltip("Valid until " + RelativeTime.absolute(l.notAfter())))
                        .orElse(null));
            }
        });
        return c;
    }

    private static <T> TableColumn<CertificateRow, T> width(TableColumn<CertificateRow, T> c, double min) {
        c.setMinWidth(min);
        return c;
    }

    /** The Secret's name, with a cert-manager badge when cert-manager owns it. */
    private static TableColumn<CertificateRow, CertificateRow> name() {
        TableColumn<CertificateRow, CertificateRow> c = new TableColumn<>("Name");
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setComparator(Comparator.comparing(CertificateRow::name));
        c.setPrefWidth(190);
        c.setMinWidth(110);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(CertificateRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                setText(r.name());
                if (r.certManager().isEmpty()) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                Label badge = new Label("cert-manager", new FontIcon("fth-refresh-cw"));
                badge.getStyleClass().add("cert-manager-badge");
                badge.setId("cert-manager-" + r.namespace() + "-" + r.name());
                setGraphic(badge);
                setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
                setGraphicTextGap(8);
                setTooltip(new Tooltip("cert-manager's Certificate " + r.certManager().get() + " owns this Secret"
                        + " and renews it; Gatehouse renews it through cert-manager"));
            }
        });
        return c;
    }
}
