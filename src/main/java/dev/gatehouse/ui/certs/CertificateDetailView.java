package dev.gatehouse.ui.certs;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.tls.CertificateExtensions;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.ChainAnalysis;
import dev.gatehouse.tls.MaterialAnalysis;
import dev.gatehouse.tls.MaterialProblem;
import dev.gatehouse.ui.common.RelativeTime;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.diagnostics.DiagnosticLabel;
import dev.gatehouse.ui.common.ExpiryBands;
import dev.gatehouse.ui.common.probe.ProbeLiveButton;
import dev.gatehouse.ui.common.probe.ProbeOpener;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The selected Secret's certificate in the spirit of KeyStore Explorer: warnings at the top, the chain as
 * a tree (root at the top, the server certificate at the bottom), the selected certificate's fields, its
 * names and its validity as a bar, with copy and export.
 */
final class CertificateDetailView extends VBox {

    /**
     * A certificate of the chain as a tree node ({@code certificate} is null for a root that tls.crt does
     * not include).
     */
    record ChainNode(int index, CertificateInfo info, X509Certificate certificate, String name, String role) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final Clock clock;
    private final Label title = new Label();
    private final VBox warnings = new VBox(4);
    private final Label usedBy = new Label();
    private final TreeView<ChainNode> chain = new TreeView<>();
    private final GridPane fields = new GridPane();
    private final ListView<String> sans = new ListView<>();
    private final ProgressBar validity = new ProgressBar();
    private final Label validityText = new Label();
    private final HBox actions;
    private final Button exportKey;
    private final Button renew;
    private final SplitPane body;
    private final Label empty = new Label("Select a certificate to see its chain, fields and problems.");
    private CertificateRow row;

    private final Label renewalSummary;
    private final TabPane tabs;

    private final ProbeLiveButton probe;

    CertificateDetailView(DetailActions handler, Clock clock, RenewalViewModel renewalVm, ProbeOpener probes) {
        this.clock = clock;
        this.renewalSummary = RenewalPane.summaryLine(renewalVm);
        setId("cert-detail");
        getStyleClass().add("cert-detail");
        setSpacing(8);
        setPadding(new Insets(8, 0, 0, 0));
        title.getStyleClass().add("detail-title");
        title.setId("cert-detail-title");
        warnings.setId("cert-warnings");
        usedBy.setId("cert-used-by");
        usedBy.setWrapText(true);
        usedBy.setGraphic(new FontIcon("fth-link"));
        chain.setId("cert-chain");
        chain.setShowRoot(true);
        chain.setPrefWidth(300);
        chain.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(ChainNode node, boolean empty) {
                super.updateItem(node, empty);
                setText(empty || node == null ? null : node.name());
                setGraphic(empty || getTreeItem() == null ? null : getTreeItem().getGraphic());
                setTooltip(empty || node == null ? null : new javafx.scene.control.Tooltip(node.role()));
            }
        });
        chain.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> showCertificate(item == null ? null
                : item.getValue()));
        fields.setId("cert-fields");
        fields.setHgap(12);
        fields.setVgap(4);
        sans.setId("cert-sans");
        sans.setPrefHeight(110);
        validity.setId("cert-validity");
        validity.setMaxWidth(Double.MAX_VALUE);
        validityText.setId("cert-validity-text");
        Button copy = button("Copy PEM", "cert-copy-pem", "fth-copy", () -> copyPem());
        Button export = button("Export…", "cert-export", "fth-download", () -> handler.exportCertificates(row));
        exportKey = button("Export key…", "cert-export-key", "fth-key", () -> handler.exportKey(row));
        renew = button("Renew…", "cert-renew", "fth-rotate-cw", handler::renew);
        probe = new ProbeLiveButton("cert-probe-live", () -> row == null ? List.of() : probeHosts(row), probes);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (Button b : List.of(copy, export, exportKey, renew, probe)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        copy.setTooltip(new javafx.scene.control.Tooltip("Copy the selected certificate as PEM"));
        export.setTooltip(new javafx.scene.control.Tooltip("Write the certificates of tls.crt to a file"));
        exportKey.setTooltip(new javafx.scene.control.Tooltip("Write the private key to a file only you can read"));
        title.setMinWidth(0);
        actions = new HBox(6, title, spacer, probe, copy, export, exportKey, renew);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox right = new VBox(8, fields, new Label("Valid"), validity, validityText, new Label("Subject alternative names"), sans);
        right.setPadding(new Insets(0, 8, 8, 8));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        body = new SplitPane(chain, scroll);
        body.setOrientation(Orientation.HORIZONTAL);
        body.setDividerPositions(0.32);
        Tab certificateTab = new Tab("Certificate", body);
        certificateTab.setId("cert-tab-certificate");
        Tab renewalTab = new Tab("cert-manager renewal", new RenewalPane(renewalVm));
        renewalTab.setId("cert-tab-renewal");
        renewalTab.setGraphic(new FontIcon("fth-refresh-cw"));
        renewalTab.disableProperty().bind(renewalVm.shownProperty().not());
        renewalTab.setTooltip(new javafx.scene.control.Tooltip("Why cert-manager has (not) renewed this Secret:"
                + " Certificate, Issuer, CertificateRequest, Order, Challenges"));
        tabs = new TabPane(certificateTab, renewalTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("cert-tabs");
        renewalVm.shownProperty().addListener((o, a, shown) -> {
            if (!shown) {
                tabs.getSelectionModel().select(certificateTab);
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        empty.getStyleClass().add("text-muted");
        show(null);
    }

    private static Button button(String text, String id, String icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    void show(CertificateRow r) {
        row = r;
        warnings.getChildren().clear();
        if (r == null) {
            getChildren().setAll(empty);
            chain.setRoot(null);
            return;
        }
        getChildren().setAll(actions, usedBy, warnings, renewalSummary, tabs);
        probe.refresh();
        usedBy.setText(usedByLine(r));
        exportKey.setDisable(r.secret().map(sc -> !sc.summary().dataKeys().contains("tls.key")).orElse(true));
        renew.setDisable(r.missing());
        title.setText(r.key());
        title.setTooltip(new javafx.scene.control.Tooltip(r.key() + (r.missing() ? " · missing" : " · " + r.type())
                + (r.unused() ? " · no Ingress or Gateway uses it" : " · used by " + r.usedByText())));
        warnings.getChildren().addAll(warningLines(r));
        Optional<MaterialAnalysis> analysis = r.secret().flatMap(SecretCertificate::analysis);
        chain.setRoot(analysis.map(CertificateDetailView::tree).orElse(null));
        if (chain.getRoot() == null) {
            showCertificate(null);
            return;
        }
        TreeItem<ChainNode> leaf = chain.getRoot();
        while (!leaf.getChildren().isEmpty() && leaf.getChildren().get(0).getValue().index() >= 0
                && !leaf.getChildren().get(0).getValue().role().startsWith("not part")) {
            leaf = leaf.getChildren().get(0);
        }
        chain.getSelectionModel().select(leaf);
    }

    /** The hosts served with this certificate that one can probe: the Ingresses' TLS hosts, exact listener hostnames. */
    static List<String> probeHosts(CertificateRow r) {
        List<String> all = new ArrayList<>(IngressUse.hostsOf(r.usedBy()));
        r.listeners().forEach(l -> all.add(l.hostname()));
        return ProbeLiveButton.exact(all);
    }

    /** "Used by Ingress shop/web (shop.example.com); used by Gateway edge/main, listener https (*.example.com)". */
    static String usedByLine(CertificateRow r) {
        if (r.unused()) {
            return "No Ingress and no Gateway listener uses it.";
        }
        List<String> parts = new ArrayList<>();
        r.usedBy().forEach(u -> parts.add("used by " + u.ingress() + (u.hosts().isEmpty() ? ""
                : " (" + String.join(", ", u.hosts()) + ")")));
        r.listeners().forEach(l -> parts.add("used by " + l.display() + (l.hostname().isEmpty() ? ""
                : " (" + l.hostname() + ")")));
        String line = String.join("; ", parts);
        return Character.toUpperCase(line.charAt(0)) + line.substring(1) + ".";
    }

    /** Diagnostics first; for Secrets no Ingress uses (no diagnostics), the analysis' own problems. */
    private static List<Node> warningLines(CertificateRow r) {
        List<Node> out = new ArrayList<>();
        if (r.missing()) {
            r.diagnostics().forEach(d -> out.add(DiagnosticLabel.of(d)));
            return out;
        }
        boolean secretDiagnostics = r.diagnostics().stream().anyMatch(d -> d.object().kind().equals("Secret"));
        r.diagnostics().stream().sorted(Diagnostic.ORDER).forEach(d -> out.add(DiagnosticLabel.of(d)));
        if (!secretDiagnostics) {
            r.secret().flatMap(SecretCertificate::analysis).ifPresent(a -> a.problems().stream()
                    .filter(p -> p.level() != MaterialProblem.Level.INFO)
                    .forEach(p -> out.add(FindingsBox.line(Finding.of(p)))));
        }
        r.secret().flatMap(SecretCertificate::unreadable).ifPresent(u -> out.add(FindingsBox.line(
                new Finding(Status.ERROR, u))));
        if (out.isEmpty()) {
            out.add(FindingsBox.line(new Finding(Status.OK, "No problems found")));
        }
        return out;
    }

    /** Root CA at the top, each issued certificate below its issuer, the server certificate last. */
    static TreeItem<ChainNode> tree(MaterialAnalysis a) {
        ChainAnalysis c = a.chain();
        List<X509Certificate> certs = a.certificates();
        if (certs.isEmpty()) {
            return null;
        }
        List<Integer> path = c.suggestedOrder();
        TreeItem<ChainNode> top = null;
        TreeItem<ChainNode> parent = null;
        for (int k = path.size() - 1; k >= 0; k--) {
            int i = path.get(k);
            String role = i == c.leafIndex() ? "server certificate" : c.certificates().get(i).selfSigned() ? "root CA"
                    : "intermediate CA";
            CertificateInfo info = c.certificates().get(i);
            TreeItem<ChainNode> item = new TreeItem<>(new ChainNode(i, info, certs.get(i), info.displayName(), role),
                    icon(info));
            item.setExpanded(true);
            if (parent == null) {
                top = item;
            } else {
                parent.getChildren().add(item);
            }
            parent = item;
        }
        if (c.completeness() != ChainAnalysis.Completeness.COMPLETE_WITH_ROOT) {
            CertificateInfo first = c.certificates().get(path.get(path.size() - 1));
            String issuerName = first.issuerCommonName().orElse(first.issuer());
            TreeItem<ChainNode> issuer = new TreeItem<>(new ChainNode(-1, first, null, issuerName, c.trustedBy()
                    .map(t -> "trusted root, not included in tls.crt (" + t.replaceFirst("^\".*?\" \\(", "")
                            .replaceFirst("\\)$", "") + ")")
                    .orElse("not included in tls.crt and not trusted here")),
                    new FontIcon(c.trustedBy().isPresent() ? "fth-award" : "fth-help-circle"));
            issuer.setExpanded(true);
            issuer.getChildren().add(top);
            top = issuer;
        }
        for (int i = 0; i < certs.size(); i++) {
            if (!path.contains(i)) {
                top.getChildren().add(new TreeItem<>(new ChainNode(i, c.certificates().get(i), certs.get(i),
                        c.certificates().get(i).displayName(), "not part of the chain"), new FontIcon("fth-alert-triangle")));
            }
        }
        return top;
    }

    private static Node icon(CertificateInfo info) {
        FontIcon icon = new FontIcon(info.ca() ? "fth-award" : "fth-file-text");
        icon.getStyleClass().add(ExpiryBands.status(info.expiry()).styleClass());
        return icon;
    }

    private void showCertificate(ChainNode node) {
        fields.getChildren().clear();
        sans.getItems().clear();
        if (node == null || node.certificate() == null) {
            validity.setProgress(0);
            validityText.setText(node == null ? "" : "Not included in tls.crt: "
                    + node.info().issuerCommonName().orElse(node.info().issuer()) + " (" + node.role() + ")");
            return;
        }
        CertificateInfo info = node.info();
        CertificateExtensions ext = CertificateExtensions.of(node.certificate());
        int r = 0;
        r = field(r, "Role", node.role());
        r = field(r, "Subject", info.subject());
        r = field(r, "Issuer", info.issuer());
        r = field(r, "Serial", info.serialHex());
        r = field(r, "Valid from", RelativeTime.absolute(info.notBefore()));
        r = field(r, "Valid until", RelativeTime.absolute(info.notAfter()));
        r = field(r, "Key", info.key().toString());
        r = field(r, "Signature", info.signatureAlgorithm());
        r = field(r, "SHA-256", info.sha256Fingerprint());
        r = field(r, "Constraints", ext.basicConstraints() + (info.selfSigned() ? " · self-signed" : ""));
        r = field(r, "Key usage", ext.keyUsage().isEmpty() ? "(any)" : String.join(", ", ext.keyUsage()));
        r = field(r, "Extended key usage", ext.extendedKeyUsage().isEmpty() ? "(any purpose)"
                : String.join(", ", ext.extendedKeyUsage()));
        ext.subjectKeyId().ifPresent(id -> field(fields.getRowCount(), "Subject key ID", id));
        List<String> names = new ArrayList<>(info.dnsNames());
        names.addAll(info.ipAddresses());
        sans.getItems().setAll(names.isEmpty() ? List.of("(none: clients ignore the common name)") : names);
        long total = Duration.between(info.notBefore(), info.notAfter()).toSeconds();
        long used = Duration.between(info.notBefore(), clock.instant()).toSeconds();
        validity.setProgress(total <= 0 ? 1 : Math.max(0, Math.min(1, used / (double) total)));
        Status band = ExpiryBands.status(info.expiry());
        validity.getStyleClass().removeAll(Status.allStyleClasses());
        validity.getStyleClass().add(band.styleClass());
        validityText.setText(ExpiryBands.text(info.daysLeft(), info.expiry()) + " · "
                + RelativeTime.absolute(info.notBefore()) + " → " + RelativeTime.absolute(info.notAfter()));
        validityText.setGraphic(new FontIcon(band.iconLiteral()));
        validityText.getStyleClass().removeAll(Status.allStyleClasses());
        validityText.getStyleClass().add(band.styleClass());
    }

    private int field(int r, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("kv-key");
        k.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        v.getStyleClass().add(key.equals("SHA-256") || key.equals("Serial") ? "mono" : "kv-value");
        fields.addRow(r, k, v);
        return r + 1;
    }

    private void copyPem() {
        TreeItem<ChainNode> item = chain.getSelectionModel().getSelectedItem();
        if (item == null || item.getValue().certificate() == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(CertificateExport.pem(List.of(item.getValue().certificate())));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** What the detail's buttons ask the screen to do. */
    interface DetailActions {
        void exportCertificates(CertificateRow row);

        void exportKey(CertificateRow row);

        void renew();
    }
}
