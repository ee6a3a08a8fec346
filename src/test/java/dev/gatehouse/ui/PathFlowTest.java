package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ui.path.PathTarget;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The path view on the demo cluster, in a real window: legs by protection, explain, live updates. */
class PathFlowTest {
    @TempDir
    Path home;
    private final GuiTestSupport gui = new GuiTestSupport();

    @AfterEach
    void stop() throws Exception {
        gui.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void reEncryptedBackendLegExplainedLaneAndLiveChange() throws Exception {
        gui.startOnDemo(home);
        gui.robot().clickOn("#nav-path");
        ComboBox<PathTarget> target = gui.node("path-target", ComboBox.class);
        GuiTestSupport.await(30, () -> target.getItems().stream().anyMatch(t -> t.key().equals("ingress:payments/checkout")));

        // The re-encryption Ingress: its backend leg is drawn as re-encrypted, not verified.
        PathTarget checkout = target.getItems().stream().filter(t -> t.key().equals("ingress:payments/checkout"))
                .findFirst().orElseThrow();
        gui.robot().interact(() -> target.setValue(checkout));
        GuiTestSupport.await(20, () -> gui.exists("path-leg-0-backend")
                && gui.node("path-title", Label.class).getText().equals("Ingress payments/checkout"));
        Node backend = gui.node("path-leg-0-backend", Node.class);
        assertThat(backend.getStyleClass()).contains("path-leg", "leg-reencrypted-unverified");
        assertThat(backend.getAccessibleText()).startsWith("Controller → Service: HTTPS · not verified.");
        assertThat(gui.node("path-leg-0-front", Node.class).getStyleClass()).contains("leg-tls");
        assertThat(gui.exists("path-node-0-service-badge")).as("GH601 on the Service box").isTrue();

        // Clicking the Service box opens its details with the diagnostic and its fix.
        gui.robot().clickOn("#path-node-0-service");
        GuiTestSupport.await(5, () -> gui.exists("path-details-diagnostic-0"));
        assertThat(gui.node("path-details-heading", Label.class).getText()).isEqualTo("Service");
        gui.robot().clickOn("#path-details-close");

        // Ctrl+L from another screen jumps to the explain box; the lane the request takes lights up.
        gui.robot().clickOn("#nav-ingresses");
        gui.robot().press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        TextField url = gui.node("path-explain-url", TextField.class);
        GuiTestSupport.await(5, () -> gui.showing("screen-path") && url.isFocused());
        gui.robot().write("https://shop.demo.gatehouse.test/api/cart").type(KeyCode.ENTER);
        GuiTestSupport.await(20, () -> gui.exists("path-lane-1")
                && gui.node("path-lane-1", Node.class).getStyleClass().contains("path-lane-highlighted"));
        assertThat(gui.node("path-title", Label.class).getText()).isEqualTo("Ingress shop/storefront");
        assertThat(gui.node("path-lane-0", Node.class).getStyleClass()).contains("path-lane-dimmed");
        assertThat(gui.node("path-lane-1-note", Label.class).getText())
                .startsWith("This request: 200 · Routed to Service shop/shop-api");
        assertThat(gui.node("path-explain-result", Label.class).getText()).isEqualTo("200");
        assertThat(gui.node("path-trace", Pane.class).getChildren()).extracting(n -> ((Label) n).getText())
                .anyMatch(t -> t.startsWith("lost · path · / (Prefix) in Ingress shop/storefront"));

        // A bad URL says what is wrong and keeps the last answer.
        gui.robot().interact(() -> url.setText("shop.demo.gatehouse.test/api"));
        gui.robot().clickOn("#path-explain-run");
        GuiTestSupport.await(5, () -> gui.node("path-explain-error", Label.class).getText().contains("has no scheme"));
        gui.robot().clickOn("#path-explain-clear");
        GuiTestSupport.await(10, () -> !gui.node("path-lane-1", Node.class).getStyleClass().contains("path-lane-highlighted"));

        // The diagram follows the cluster: drop backend-protocol from checkout and its leg turns plain HTTP.
        gui.robot().interact(() -> target.setValue(checkout));
        GuiTestSupport.await(20, () -> gui.node("path-title", Label.class).getText().equals("Ingress payments/checkout"));
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(home.resolve("data/demo/kubeconfig")))).build()) {
            client.network().v1().ingresses().inNamespace("payments").withName("checkout").edit(i -> {
                i.getMetadata().getAnnotations().remove("nginx.ingress.kubernetes.io/backend-protocol");
                return i;
            });
        }
        // the diagram is rebuilt when the cluster changes: the leg may be absent for a moment
        GuiTestSupport.await(20, () -> gui.exists("path-leg-0-backend")
                && gui.node("path-leg-0-backend", Node.class).getStyleClass().contains("leg-plain"));
        assertThat(gui.node("path-leg-0-backend", Node.class).getAccessibleText())
                .contains("HTTP · unencrypted");
    }
}
