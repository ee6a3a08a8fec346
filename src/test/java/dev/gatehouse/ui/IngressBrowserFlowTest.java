package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ui.ingress.IngressRow;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster browser's main flow against the demo cluster, in a real window. */
class IngressBrowserFlowTest {
    @TempDir
    Path home;
    private final GuiTestSupport gui = new GuiTestSupport();

    @AfterEach
    void stop() throws Exception {
        gui.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void browseFilterSwitchNamespaceAndSeeLiveChanges() throws Exception {
        gui.startOnDemo(home);
        ComboBox<String> context = gui.node("context-picker", ComboBox.class);
        assertThat(context.getItems()).contains("gatehouse-demo");
        assertThat(context.getValue()).isEqualTo("gatehouse-demo");

        gui.robot().clickOn("#nav-ingresses");
        TableView<IngressRow> table = gui.node("ingress-table", TableView.class);
        GuiTestSupport.await(20, () -> table.getItems().size() >= 13);
        assertThat(gui.node("ingress-count", Label.class).getText()).isEqualTo(table.getItems().size() + " Ingresses");

        // Filter on any column: a host name.
        gui.robot().clickOn("#ingress-filter").write("apps.demo");
        GuiTestSupport.await(15, () -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).name()).isEqualTo("tenant-sites");
        assertThat(gui.node("ingress-count", Label.class).getText()).startsWith("1 of ");

        // Select it: the details show its rules and YAML.
        gui.robot().clickOn("tenant-sites");
        GuiTestSupport.await(5, () -> gui.node("ingress-yaml", dev.gatehouse.ui.common.YamlArea.class).getText()
                .contains("name: \"tenant-sites\"") || gui.node("ingress-yaml", dev.gatehouse.ui.common.YamlArea.class)
                .getText().contains("name: tenant-sites"));
        assertThat(gui.node("ingress-yaml", dev.gatehouse.ui.common.YamlArea.class).getText()).doesNotContain("managedFields");
        assertThat(gui.node("ingress-rules", javafx.scene.control.TreeView.class).getRoot().getChildren()).isNotEmpty();
        // Its TLS entry accepts certificate files dropped on it (they go to the import dialog for that Secret).
        Label tlsEntry = gui.node("ingress-tls-platform-apps-wildcard-tls", Label.class);
        assertThat(tlsEntry.getText()).contains("Secret apps-wildcard-tls: present");
        assertThat(tlsEntry.getOnDragDropped()).isNotNull();
        gui.robot().clickOn("#ingress-filter").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A)
                .release(KeyCode.CONTROL).type(KeyCode.BACK_SPACE);

        // Switch namespace: only that namespace's Ingresses remain.
        ComboBox<String> ns = gui.node("namespace-picker", ComboBox.class);
        GuiTestSupport.await(20, () -> ns.getItems().contains("shop"));
        gui.robot().interact(() -> ns.setValue("shop"));
        GuiTestSupport.await(30, () -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(r -> r.namespace().equals("shop")));

        // An Ingress created through the API shows up by itself.
        Path kubeconfig = home.resolve("data/demo/kubeconfig");
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
            client.network().v1().ingresses().inNamespace("shop").resource(new IngressBuilder()
                    .withNewMetadata().withName("added-by-test").withNamespace("shop").endMetadata()
                    .withNewSpec().withIngressClassName("nginx").addNewRule().withHost("new.demo.gatehouse.test")
                    .withNewHttp().addNewPath().withPath("/").withPathType("Prefix").withNewBackend().withNewService()
                    .withName("storefront").withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                    .endHttp().endRule().endSpec().build()).create();
        }
        GuiTestSupport.await(20, () -> table.getItems().stream().anyMatch(r -> r.name().equals("added-by-test")));
    }
}
