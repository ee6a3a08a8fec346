package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ui.gateway.ListenerRow;
import dev.gatehouse.ui.route.RouteRow;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrantBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gateway API in the window: Gateways, HTTPRoutes, who uses a certificate, and the Overview's counts, on the demo cluster. */
class GatewayScreensFlowTest {
    @TempDir
    Path home;
    private final GuiTestSupport gui = new GuiTestSupport();

    @AfterEach
    void stop() throws Exception {
        gui.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void gatewaysRoutesCertificatesAndOverviewShowTheGatewayApi() throws Exception {
        gui.startOnDemo(home);

        // Overview counts the Gateway API's problems by severity.
        GuiTestSupport.await(30, () -> text("overview-gateway-summary").matches("Gateway API: [1-9]\\d* errors? · .*"));

        // Gateways: edge/main's listeners with their certificates and verdicts; the controller's status differs once.
        gui.robot().clickOn("#nav-gateways");
        GuiTestSupport.await(10, () -> gui.showing("screen-gateways"));
        TableView<ListenerRow> table = gui.node("gateway-table", TableView.class);
        GuiTestSupport.await(30, () -> table.getItems().size() == 6);
        assertThat(table.getItems()).extracting(r -> r.gateway().path() + " " + r.listenerName())
                .contains("edge/main http", "edge/main https", "edge/main https-billing");
        ListenerRow https = listener(table, "https").orElseThrow();
        assertThat(https.certificate()).startsWith("gw-wildcard-tls · expires in ");
        assertThat(https.verdict()).isEqualTo("Programmed");
        ListenerRow billing = listener(table, "https-billing").orElseThrow();
        assertThat(billing.verdict()).isEqualTo("ResolvedRefs=False RefNotPermitted");
        assertThat(billing.controllerText()).isEqualTo("Programmed=True ≠ Gatehouse");

        gui.robot().clickOn("#gateway-filter").write("billing");
        GuiTestSupport.await(10, () -> table.getItems().size() == 1);
        assertThat(text("gateway-count")).isEqualTo("1 of 6 listeners");
        gui.robot().interact(() -> table.getSelectionModel().select(0));
        GuiTestSupport.await(10, () -> gui.showing("gateway-difference") && text("gateway-difference")
                .startsWith("Status differs: controller says Programmed=True"));
        assertThat(text("gateway-difference")).contains("Gatehouse: ResolvedRefs=False RefNotPermitted");
        GuiTestSupport.await(10, () -> labels("gateway-problems").stream().anyMatch(t -> t.contains("shared-certs/billing-tls")));

        // Live: a ReferenceGrant for billing-tls, created through the API, programs the listener.
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(home.resolve("data/demo/kubeconfig")))).build()) {
            client.resource(new ReferenceGrantBuilder().withNewMetadata().withName("edge-gateways-use-billing-tls")
                    .withNamespace("shared-certs").endMetadata().withNewSpec().addNewFrom()
                    .withGroup("gateway.networking.k8s.io").withKind("Gateway").withNamespace("edge").endFrom()
                    .addNewTo().withGroup("").withKind("Secret").withName("billing-tls").endTo().endSpec().build())
                    .create();
        }
        GuiTestSupport.await(30, () -> listener(table, "https-billing").map(r -> r.verdict().equals("Programmed"))
                .orElse(false));
        GuiTestSupport.await(10, () -> !gui.showing("gateway-difference"));
        clear("gateway-filter");
        GuiTestSupport.await(10, () -> table.getItems().size() == 6);

        // HTTPRoutes: the route attached nowhere, and why.
        gui.robot().clickOn("#nav-httproutes");
        TableView<RouteRow> routes = gui.node("route-table", TableView.class);
        GuiTestSupport.await(30, () -> routes.getItems().size() == 10);
        RouteRow apex = routes.getItems().stream().filter(r -> r.name().equals("apex")).findFirst().orElseThrow();
        assertThat(apex.verdict()).isEqualTo("Accepted=False NoMatchingListenerHostname");
        gui.robot().clickOn("#route-filter").write("apex");
        GuiTestSupport.await(10, () -> routes.getItems().size() == 1);
        gui.robot().interact(() -> routes.getSelectionModel().select(0));
        GuiTestSupport.await(10, () -> labels("route-parent-0").stream()
                .anyMatch(t -> t.startsWith("Accepted=False NoMatchingListenerHostname")));
        GuiTestSupport.await(10, () -> labels("route-parents").contains("attached to no listener"));

        // Certificates: the listener's Secret is used by the Gateway.
        gui.robot().clickOn("#nav-certificates");
        TableView<dev.gatehouse.ui.certs.CertificateRow> certs = gui.node("certs-table", TableView.class);
        GuiTestSupport.await(30, () -> certs.getItems().stream().anyMatch(r -> r.key().equals("edge/gw-wildcard-tls")
                && r.usedByText().equals("Gateway edge/main, listener https")));
        gui.robot().interact(() -> certs.getItems().stream().filter(r -> r.key().equals("edge/gw-wildcard-tls"))
                .findFirst().ifPresent(r -> certs.getSelectionModel().select(r)));
        GuiTestSupport.await(10, () -> text("cert-used-by")
                .equals("Used by Gateway edge/main, listener https (*.gw.demo.gatehouse.test)."));
    }

    private static Optional<ListenerRow> listener(TableView<ListenerRow> table, String name) {
        return table.getItems().stream().filter(r -> r.listenerName().equals(name)).findFirst();
    }

    private void clear(String id) {
        gui.robot().clickOn("#" + id).press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A)
                .release(KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
    }

    /** A label's text, "" while it is not there (a rebuilt pane). */
    private String text(String id) {
        return gui.robot().lookup("#" + id).tryQuery().filter(n -> n instanceof Label).map(n -> ((Label) n).getText())
                .orElse("");
    }

    /** The texts of every label under a node, none while it is not there. */
    private java.util.List<String> labels(String id) {
        java.util.List<String> out = new java.util.ArrayList<>();
        gui.robot().lookup("#" + id).tryQuery().ifPresent(n -> collect(n, out, x -> x instanceof Label));
        return out;
    }

    private static void collect(Node n, java.util.List<String> out, Predicate<Node> take) {
        if (take.test(n)) {
            out.add(((Label) n).getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out, take));
        }
    }
}
