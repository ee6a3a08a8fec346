package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ui.common.YamlArea;
import dev.gatehouse.ui.ingress.IngressRow;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drafts workflow in a real window on the demo cluster: open as draft, edit in the form, apply, see it live. */
class DraftFlowTest {
    @TempDir
    Path home;
    private final GuiTestSupport gui = new GuiTestSupport();

    @AfterEach
    void stop() throws Exception {
        gui.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void openAsDraftAddAPathApplyAndSeeItLive() throws Exception {
        gui.startOnDemo(home);
        // The proxy will serve the draft: let it pick free ports.
        gui.useFreeProxyPorts();
        gui.robot().clickOn("#nav-ingresses");
        TableView<IngressRow> table = gui.node("ingress-table", TableView.class);
        GuiTestSupport.await(20, () -> table.getItems().stream().anyMatch(r -> r.name().equals("storefront")));
        gui.robot().interact(() -> gui.node("ingress-filter", javafx.scene.control.TextField.class).setText("storefront"));
        GuiTestSupport.await(10, () -> table.getItems().size() == 1);
        gui.robot().interact(() -> table.getSelectionModel().select(0));
        gui.robot().clickOn("#ingress-open-draft");

        GuiTestSupport.await(10, () -> gui.showing("draft-title"));
        assertThat(gui.node("draft-title", Label.class).getText()).isEqualTo("shop/storefront");
        ListView<?> drafts = gui.node("drafts-list", ListView.class);
        assertThat(drafts.getItems()).hasSize(1);

        TableView<?> paths = gui.node("draft-paths", TableView.class);
        int before = paths.getItems().size();
        gui.robot().clickOn("#draft-add-path");
        GuiTestSupport.await(5, () -> paths.getItems().size() == before + 1);
        gui.robot().clickOn("YAML");
        GuiTestSupport.await(5, () -> gui.node("draft-yaml", YamlArea.class).getText().contains("path: \"/new\""));

        // The draft is saved on disk as it is edited.
        GuiTestSupport.await(10, () -> {
            try (var dirs = Files.list(home.resolve("data/drafts"))) {
                return dirs.anyMatch(d -> {
                    try {
                        return Files.readString(d.resolve("draft.yaml")).contains("/new");
                    } catch (Exception e) {
                        return false;
                    }
                });
            } catch (Exception e) {
                return false;
            }
        });

        // Serve the draft through the local proxy and get the new route from the request tester.
        gui.robot().clickOn("#draft-serve");
        GuiTestSupport.await(30, () -> gui.showing("proxy-listening")
                && gui.node("proxy-listening", Label.class).getText().startsWith("Listening on https://127.0.0.1:"));
        GuiTestSupport.await(10, () -> gui.node("proxy-source", Label.class).getText().contains("draft shop/storefront"));
        gui.robot().interact(() -> gui.node("proxy-tabs", javafx.scene.control.TabPane.class).getSelectionModel().select(1));
        gui.robot().interact(() -> gui.node("tester-url", javafx.scene.control.TextField.class)
                .setText("https://www.shop.demo.gatehouse.test/new"));
        gui.robot().clickOn("#tester-send");
        GuiTestSupport.await(30, () -> gui.node("tester-status", Label.class).getText().startsWith("200"));
        assertThat(gui.node("tester-decision", javafx.scene.control.TextArea.class).getText()).contains("path /new (Prefix)");

        gui.robot().clickOn("#nav-drafts");
        GuiTestSupport.await(10, () -> gui.showing("draft-apply"));
        gui.robot().clickOn("#draft-apply");
        GuiTestSupport.await(20, () -> gui.exists("apply-dialog"));
        gui.robot().clickOn("Apply");
        GuiTestSupport.await(20, () -> gui.node("draft-message", Label.class).getText().startsWith("Updated Ingress shop/storefront"));

        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(home.resolve("data/demo/kubeconfig")))).build()) {
            Ingress live = client.network().v1().ingresses().inNamespace("shop").withName("storefront").get();
            assertThat(live.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream())
                    .map(p -> p.getPath())).contains("/new");
        }
        gui.robot().clickOn("#nav-ingresses");
        GuiTestSupport.await(20, () -> table.getItems().stream().filter(r -> r.name().equals("storefront"))
                .anyMatch(r -> r.ingress().getSpec().getRules().stream().flatMap(x -> x.getHttp().getPaths().stream())
                        .anyMatch(p -> "/new".equals(p.getPath()))));
        assertThat(Files.list(home.resolve("data/backups")).count()).isEqualTo(1);
    }
}
