package dev.gatehouse.ui.common;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The pieces every master–detail table screen shares, so all tables look and behave alike. */
public final class TableSupport {
    private TableSupport() {
    }

    public static <R> TableColumn<R, String> text(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Status column from the diagnostics: icon + colour + "2 problems" / "OK" (colour is never alone). */
    public static <R> TableColumn<R, Status> status(String title, Function<R, Status> status,
                                                    java.util.function.ToIntFunction<R> problems) {
        TableColumn<R, Status> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(status.apply(cd.getValue())));
        c.setPrefWidth(125);
        c.setMinWidth(110);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Status s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll(Status.allStyleClasses());
                if (empty || s == null || getTableRow() == null || getTableRow().getItem() == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                int n = problems.applyAsInt(getTableRow().getItem());
                getStyleClass().add(s.styleClass());
                setGraphic(new FontIcon(s.iconLiteral()));
                setText(n == 0 ? "OK" : n == 1 ? "1 problem" : n + " problems");
            }
        });
        c.setComparator(Comparator.comparingInt(TableSupport::worstFirst));
        return c;
    }

    /**
     * A text column coloured by a status (text and icon, no fill: colour is never alone): a certificate band, a
     * verdict. The full text is in the tooltip.
     */
    public static <R> TableColumn<R, R> coloured(String title, Function<R, String> text, Function<R, Status> status,
                                                 double width) {
        TableColumn<R, R> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setComparator(Comparator.comparing(r -> text.apply(r)));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(R row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(textStyleClasses());
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                Status s = status.apply(row);
                String t = text.apply(row);
                getStyleClass().add(s.styleClass() + "-text");
                setGraphic(t.isEmpty() ? null : new FontIcon(s.iconLiteral()));
                setText(t);
                setTooltip(t.isEmpty() ? null : new Tooltip(t));
            }
        });
        return c;
    }

    private static List<String> textStyleClasses() {
        return java.util.Arrays.stream(Status.allStyleClasses()).map(c -> c + "-text").toList();
    }

    /** Sort rank: errors first, then warnings, unknown, OK. */
    static int worstFirst(Status s) {
        return switch (s) {
            case ERROR -> 0;
            case WARNING -> 1;
            case UNKNOWN -> 2;
            case OK -> 3;
        };
    }

    /** Age column: "5d" before {@code clock}'s now, absolute time in the tooltip, sorted by time. */
    public static <R> TableColumn<R, Instant> age(String title, Function<R, Instant> value, Clock clock) {
        TableColumn<R, Instant> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setComparator(Comparator.nullsLast(Comparator.reverseOrder()));
        c.setPrefWidth(70);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty ? null : RelativeTime.age(t, clock.instant()));
                setTooltip(empty || t == null ? null : new Tooltip(RelativeTime.absolute(t)));
            }
        });
        return c;
    }

    /** Keeps a table's selection and a view-model property in step (by identity). */
    public static <R> void bindSelection(TableView<R> table, ObjectProperty<R> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null || !table.getItems().contains(selected.get())) {
                selected.set(row);
            }
        });
        selected.addListener((o, a, row) -> {
            if (row != table.getSelectionModel().getSelectedItem()) {
                if (row == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(row);
                }
            }
        });
    }

    public static TextField filterField(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    /** An amber banner that shows a problem text and hides when there is none. */
    public static Label problemBanner(String id, ReadOnlyStringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().addAll("banner", Status.WARNING.styleClass());
        l.setGraphic(new FontIcon(Status.WARNING.iconLiteral()));
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    public static Node placeholder(ReadOnlyStringProperty text, String icon) {
        FontIcon i = new FontIcon(icon);
        i.getStyleClass().add("empty-state-icon");
        Label l = new Label();
        l.textProperty().bind(text);
        VBox box = new VBox(8, i, l);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    public static ScrollPane padded(Node content) {
        VBox box = new VBox(content);
        box.setPadding(new Insets(10));
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    /** Ctrl+F focuses the filter while this screen is showing. */
    public static void focusOnShortcutF(Node screen, TextField filter) {
        KeyCombination ctrlF = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
        screen.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                    if (ctrlF.match(e) && screen.isVisible() && screen.getScene() != null && screen.getParent() != null) {
                        filter.requestFocus();
                        filter.selectAll();
                        e.consume();
                    }
                });
            }
        });
    }
}
