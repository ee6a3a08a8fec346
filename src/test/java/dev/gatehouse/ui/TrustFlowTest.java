package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.proxy.TestBackend;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import dev.gatehouse.ui.certs.CertificateRow;
import dev.gatehouse.ui.certs.CertificatesView;
import dev.gatehouse.ui.certs.SecretCertificate;
import dev.gatehouse.ui.draft.DraftItem;
import dev.gatehouse.ui.ingress.IngressRow;
import dev.gatehouse.ui.path.PathTarget;
import dev.gatehouse.ui.proxy.BackendRow;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trust policy on every screen: the demo's chains are trusted everywhere while on the demo cluster, and a CA
 * added with "Trust a CA certificate…" makes a chain it issued trusted on Certificates, Path, Drafts and Overview
 * at once, while the proxy verifies an HTTPS backend it signed. The file dialog itself is not driven (a native
 * chooser): the test calls the command it ends in, {@link CertificatesView#trustCas}.
 */
class TrustFlowTest {
    private static final String HOST = "secure.company.test";
    @TempDir
    Path home;
    private final GuiTestSupport gui = new GuiTestSupport();
    /**
     * The proxy's TLS stack checks the backend's chain by the real time, the screens judge chains by the app's
     * clock (moved by GATEHOUSE_CLOCK_OFFSET in the second CI run): these certificates are valid by both.
     */
    private static final Instant FROM = earliest().minus(Duration.ofDays(1));
    private static final Instant UNTIL = latest().plus(Duration.ofDays(365));
    private final CertificateBundle ca = builder().subject("CN=Example Company Root CA").ca(true).build();
    private final CertificateBundle leaf = builder().sans(HOST).serverAuth().issuedBy(ca).build();
    private final CertificateBundle backendCert = builder().sans("backend.company.test").serverAuth()
            .issuedBy(ca).build();
    private TestBackend backend;

    @AfterEach
    void stop() throws Exception {
        gui.stop();
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void oneTrustPolicyOnEveryScreenAndInTheProxy() throws Exception {
        gui.startOnDemo(home);
        gui.useFreeProxyPorts();

        // The demo's own chain (payments/invoices) is trusted on every screen while connected to the demo.
        String invoicesSecret = secretOf("payments", "invoices");
        assertThat(certificateDiagnostics("payments/" + invoicesSecret)).doesNotContain(DiagnosticCode.GH112, DiagnosticCode.GH116);
        assertThat(trustedBy("payments/" + invoicesSecret)).hasValueSatisfying(t -> assertThat(t).contains("demo"));
        assertThat(pathControllerProblems("ingress:payments/invoices")).doesNotContain("not among the roots trusted", "incomplete");
        assertThat(draftProblems("invoices")).doesNotContain("not among the roots trusted", "incomplete");
        assertThat(overviewProblems()).doesNotContain("not among the roots trusted", "chain is incomplete");

        // A host whose chain a company CA issued: untrusted everywhere before the CA is trusted.
        backend = TestBackend.https("company-api", backendCert);
        create();
        String key = "shop/company-tls";
        GuiTestSupport.await(30, () -> certificateDiagnostics(key).contains(DiagnosticCode.GH112));
        assertThat(trustedBy(key)).isEmpty();
        assertThat(pathControllerProblems("ingress:shop/company")).contains("chain is incomplete");
        assertThat(draftProblems("company")).contains("chain is incomplete");
        assertThat(overviewProblems()).contains("Secret shop/company-tls: The chain is incomplete");

        Path caFile = Files.writeString(home.resolve("company-ca.pem"), ca.certificatePem());
        gui.robot().clickOn("#nav-certificates");
        gui.robot().interact(() -> gui.node("screen-certificates", CertificatesView.class).trustCas(caFile));
        GuiTestSupport.await(20, () -> gui.node("certs-message", Label.class).getText().startsWith("Gatehouse now trusts 1 more CA"));

        GuiTestSupport.await(20, () -> !certificateDiagnostics(key).contains(DiagnosticCode.GH112)
                && trustedBy(key).isPresent());
        assertThat(trustedBy(key).orElseThrow()).contains("Example Company Root CA", "a CA you added");
        pathControllerProblems("ingress:shop/company");
        GuiTestSupport.await(20, () -> !controllerBadge().contains("incomplete"));
        draftProblems("company");
        GuiTestSupport.await(20, () -> !labels(gui.node("draft-problems", Pane.class)).contains("incomplete"));
        assertThat(labels(gui.node("draft-problems", Pane.class))).doesNotContain("not among the roots trusted");
        GuiTestSupport.await(20, () -> !overviewProblems().contains("shop/company-tls"));

        // The proxy re-encrypts to the HTTPS backend and verifies it with proxy-ssl-secret's ca.crt.
        gui.robot().clickOn("#nav-proxy");
        gui.robot().clickOn("#proxy-start");
        GuiTestSupport.await(30, () -> gui.node("proxy-listening", Label.class).getText().startsWith("Listening on https://"));
        mapBackend("shop/company-api:443", "http://127.0.0.1:" + backend.port());
        gui.robot().interact(() -> gui.node("proxy-tabs", javafx.scene.control.TabPane.class).getSelectionModel().select(1));
        gui.robot().interact(() -> gui.node("tester-url", TextField.class).setText("https://" + HOST + "/"));
        gui.robot().clickOn("#tester-send");
        GuiTestSupport.await(30, () -> gui.node("tester-status", Label.class).getText().startsWith("200"));
        assertThat(gui.node("tester-decision", TextArea.class).getText()).contains("HTTPS · verified");
        assertThat(gui.node("tester-body", TextArea.class).getText()).startsWith("company-api");
        gui.robot().clickOn("#proxy-stop");
    }

    private static CertificateBuilder builder() {
        return CertificateBuilder.create().notBefore(FROM).notAfter(UNTIL);
    }

    private static Instant earliest() {
        Instant wall = Clock.systemUTC().instant();
        Instant app = AppClock.system().instant();
        return wall.isBefore(app) ? wall : app;
    }

    private static Instant latest() {
        Instant wall = Clock.systemUTC().instant();
        Instant app = AppClock.system().instant();
        return wall.isAfter(app) ? wall : app;
    }

    /** The TLS Secret of an Ingress, as the cluster has it. */
    private String secretOf(String namespace, String name) throws Exception {
        try (KubernetesClient client = client()) {
            return client.network().v1().ingresses().inNamespace(namespace).withName(name).get().getSpec().getTls()
                    .get(0).getSecretName();
        }
    }

    @SuppressWarnings("unchecked")
    private List<DiagnosticCode> certificateDiagnostics(String key) {
        return certificateRow(key).map(r -> r.diagnostics().stream().map(Diagnostic::code).toList()).orElse(List.of());
    }

    private Optional<String> trustedBy(String key) {
        return certificateRow(key).flatMap(CertificateRow::secret).flatMap(SecretCertificate::analysis)
                .flatMap(a -> a.chain().trustedBy());
    }

    @SuppressWarnings("unchecked")
    private Optional<CertificateRow> certificateRow(String key) {
        gui.robot().clickOn("#nav-certificates");
        TableView<CertificateRow> table = gui.node("certs-table", TableView.class);
        return table.getItems().stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /** The diagnostics the Path view puts on the controller box (TLS certificate problems go there). */
    @SuppressWarnings("unchecked")
    private String pathControllerProblems(String targetKey) throws Exception {
        gui.robot().clickOn("#nav-path");
        ComboBox<PathTarget> target = gui.node("path-target", ComboBox.class);
        GuiTestSupport.await(30, () -> target.getItems().stream().anyMatch(t -> t.key().equals(targetKey)));
        PathTarget wanted = target.getItems().stream().filter(t -> t.key().equals(targetKey)).findFirst().orElseThrow();
        gui.robot().interact(() -> target.setValue(wanted));
        GuiTestSupport.await(20, () -> gui.exists("path-node-0-controller")
                && gui.node("path-title", Label.class).getText().equals("Ingress " + targetKey.substring("ingress:".length())));
        return controllerBadge();
    }

    private String controllerBadge() {
        return gui.exists("path-node-0-controller-badge")
                ? gui.node("path-node-0-controller-badge", Label.class).getTooltip().getText() : "";
    }

    /** Opens the Ingress (namespace from the list) as a draft and reads the problems the Drafts screen lists. */
    @SuppressWarnings("unchecked")
    private String draftProblems(String ingress) throws Exception {
        gui.robot().clickOn("#nav-ingresses");
        TableView<IngressRow> table = gui.node("ingress-table", TableView.class);
        gui.robot().interact(() -> gui.node("ingress-filter", TextField.class).setText(ingress));
        GuiTestSupport.await(20, () -> table.getItems().stream().anyMatch(r -> r.name().equals(ingress)));
        gui.robot().interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.name().equals(ingress)).findFirst().orElseThrow()));
        gui.robot().clickOn("#ingress-open-draft");
        GuiTestSupport.await(10, () -> gui.showing("draft-title")
                && gui.node("draft-title", Label.class).getText().endsWith("/" + ingress));
        ListView<DraftItem> drafts = gui.node("drafts-list", ListView.class);
        GuiTestSupport.await(20, () -> drafts.getItems().stream().anyMatch(d -> d.draft().name().equals(ingress)
                && d.problems() != DraftItem.UNCHECKED));
        return labels(gui.node("draft-problems", Pane.class));
    }

    private String overviewProblems() {
        gui.robot().clickOn("#nav-overview");
        return labels(gui.node("overview-problems", Pane.class));
    }

    private static String labels(Pane pane) {
        return pane.getChildren().stream().filter(Label.class::isInstance).map(n -> ((Label) n).getText())
                .collect(Collectors.joining("\n"));
    }

    /** Types a URL into the backend table's "Your URL" cell of a Service port. */
    @SuppressWarnings("unchecked")
    private void mapBackend(String servicePort, String url) throws Exception {
        gui.robot().interact(() -> gui.node("proxy-tabs", javafx.scene.control.TabPane.class).getSelectionModel().select(2));
        TableView<BackendRow> table = gui.node("proxy-backend-table", TableView.class);
        GuiTestSupport.await(20, () -> table.getItems().stream().anyMatch(r -> r.key().display().equals(servicePort)));
        gui.robot().interact(() -> {
            int row = table.getItems().indexOf(table.getItems().stream()
                    .filter(r -> r.key().display().equals(servicePort)).findFirst().orElseThrow());
            TableColumn<BackendRow, String> column = (TableColumn<BackendRow, String>) table.getColumns().stream()
                    .filter(c -> c.getText().equals("Your URL")).findFirst().orElseThrow();
            column.getOnEditCommit().handle(new TableColumn.CellEditEvent<>(table,
                    new TablePosition<>(table, row, column), TableColumn.editCommitEvent(), url));
        });
        GuiTestSupport.await(10, () -> table.getItems().stream().anyMatch(r -> r.key().display().equals(servicePort)
                && r.mapped().contains(String.valueOf(backend.port()))));
    }

    /** The company host: TLS Secret (leaf only), backend CA Secret, Service with a ready endpoint, Ingress. */
    private void create() throws Exception {
        List<HasMetadata> objects = List.of(
                new SecretBuilder().withNewMetadata().withNamespace("shop").withName("company-tls").endMetadata()
                        .withType("kubernetes.io/tls").withData(Map.of("tls.crt", b64(leaf.certificatePem()),
                                "tls.key", b64(leaf.privateKeyPem()))).build(),
                new SecretBuilder().withNewMetadata().withNamespace("shop").withName("company-backend-ca").endMetadata()
                        .withData(Map.of("ca.crt", b64(ca.certificatePem()))).build(),
                new ServiceBuilder().withNewMetadata().withNamespace("shop").withName("company-api").endMetadata()
                        .withNewSpec().addNewPort().withName("https").withPort(443).withNewTargetPort(8443).endPort()
                        .endSpec().build(),
                new EndpointSliceBuilder().withNewMetadata().withNamespace("shop").withName("company-api-abc")
                        .withLabels(Map.of("kubernetes.io/service-name", "company-api")).endMetadata()
                        .withAddressType("IPv4").addNewPort().withName("https").withPort(8443).endPort()
                        .addNewEndpoint().withAddresses("10.0.0.9").withNewConditions().withReady(true).endConditions()
                        .endEndpoint().build(),
                new IngressBuilder().withNewMetadata().withNamespace("shop").withName("company")
                        .withAnnotations(Map.of("nginx.ingress.kubernetes.io/backend-protocol", "HTTPS",
                                "nginx.ingress.kubernetes.io/proxy-ssl-secret", "shop/company-backend-ca",
                                "nginx.ingress.kubernetes.io/proxy-ssl-verify", "on",
                                "nginx.ingress.kubernetes.io/proxy-ssl-name", "backend.company.test")).endMetadata()
                        .withNewSpec().withIngressClassName("nginx").addNewTl().withHosts(HOST).withSecretName("company-tls")
                        .endTl().addNewRule().withHost(HOST).withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                        .withNewBackend().withNewService().withName("company-api").withNewPort().withNumber(443).endPort()
                        .endService().endBackend().endPath().endHttp().endRule().endSpec().build());
        try (KubernetesClient client = client()) {
            for (HasMetadata o : objects) {
                client.resource(o).create();
            }
        }
    }

    private KubernetesClient client() throws Exception {
        return new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(home.resolve("data/demo/kubeconfig")))).build();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
