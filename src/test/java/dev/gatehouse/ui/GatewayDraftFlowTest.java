package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.drafts.GatewayForm;
import dev.gatehouse.ui.common.YamlArea;
import dev.gatehouse.ui.route.RouteRow;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTPRoute draft in a real window on the demo cluster: Edit as draft on HTTPRoutes, a broken backend shows its
 * diagnostic in the draft editor, a weight change clears it, apply, and the HTTPRoutes screen shows the new split.
 */
class GatewayDraftFlowTest {
    @TempDir
    Path home;
    private final GuiTestSupport gui = new GuiTestSupport();

    @AfterEach
    void stop() throws Exception {
        gui.stop();
    }

    private String problemsText() {
        VBox box = gui.node("draft-problems", VBox.class);
        return String.join("\n", box.getChildren().stream().filter(Labeled.class::isInstance)
                .map(n -> ((Labeled) n).getText() + " " + (((Labeled) n).getTooltip() == null ? ""
                        : ((Labeled) n).getTooltip().getText())).toList());
    }

    private void setYaml(String from, String to) {
        gui.robot().interact(() -> {
            YamlArea yaml = gui.node("draft-yaml", YamlArea.class);
            yaml.getContent().replaceText(yaml.getText().replace(from, to));
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void editTheDemoRouteAsADraftSeeItsDiagnosticsApplyAndSeeTheRouteChange() throws Exception {
        gui.startOnDemo(home);
        gui.robot().clickOn("#nav-httproutes");
        TableView<RouteRow> table = gui.node("route-table", TableView.class);
        GuiTestSupport.await(20, () -> table.getItems().stream().anyMatch(r -> r.name().equals("search")));
        gui.robot().interact(() -> gui.node("route-filter", TextField.class).setText("search.gw.demo"));
        GuiTestSupport.await(10, () -> table.getItems().size() == 1);
        gui.robot().interact(() -> table.getSelectionModel().select(0));
        gui.robot().clickOn("#route-edit-draft");

        GuiTestSupport.await(10, () -> gui.showing("draft-title"));
        assertThat(gui.node("draft-title", Labeled.class).getText()).isEqualTo("HTTPRoute web/search");
        assertThat(gui.exists("route-draft-form")).isTrue();
        TableView<?> backends = gui.node("route-draft-backends", TableView.class);
        GuiTestSupport.await(5, () -> backends.getItems().size() == 2);

        // A backend that does not exist: the engine judges the overlay and the editor shows GH712.
        gui.robot().clickOn("YAML");
        setYaml("search-v2", "search-v3");
        GuiTestSupport.await(20, () -> problemsText().contains("GH712"));
        GuiTestSupport.await(5, () -> backends.getItems().toString().contains("search-v3"));
        gui.robot().clickOn("Form");
        screenshot("gateway-draft.png");
        gui.robot().clickOn("YAML");

        // Back to the real backend with another split: the diagnostic goes away.
        setYaml("search-v3", "search-v2");
        setYaml("weight: 90", "weight: 60");
        setYaml("weight: 10", "weight: 40");
        GuiTestSupport.await(20, () -> !problemsText().contains("GH712"));
        GuiTestSupport.await(5, () -> backends.getItems().toString().contains("weight=60"));

        gui.robot().clickOn("#draft-apply");
        GuiTestSupport.await(20, () -> gui.exists("apply-dialog"));
        gui.robot().clickOn("Apply");
        GuiTestSupport.await(20, () -> gui.node("draft-message", Labeled.class).getText()
                .startsWith("Updated HTTPRoute web/search"));
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(home.resolve("data/demo/kubeconfig")))).build()) {
            HTTPRoute live = client.resources(HTTPRoute.class).inNamespace("web").withName("search").get();
            assertThat(live.getSpec().getRules().get(0).getBackendRefs()).extracting(b -> b.getWeight()).containsExactly(60, 40);
        }
        assertThat(Files.list(home.resolve("data/backups")).count()).isEqualTo(1);

        gui.robot().clickOn("#nav-httproutes");
        GuiTestSupport.await(20, () -> table.getItems().stream().filter(r -> r.name().equals("search"))
                .anyMatch(r -> r.backends().contains("60") && r.backends().contains("40")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGatewayDraftIsEditedInItsFormAndTheEngineJudgesTheNewListener() throws Exception {
        gui.startOnDemo(home);
        gui.robot().clickOn("#nav-gateways");
        TableView<Object> gateways = gui.node("gateway-table", TableView.class);
        GuiTestSupport.await(20, () -> !gateways.getItems().isEmpty());
        gui.robot().interact(() -> gateways.getSelectionModel().select(gateways.getItems().stream()
                .filter(r -> r.toString().contains("main")).findFirst().orElse(gateways.getItems().get(0))));
        gui.robot().clickOn("#gateway-edit-draft");

        GuiTestSupport.await(10, () -> gui.showing("draft-title"));
        assertThat(gui.node("draft-title", Labeled.class).getText()).startsWith("Gateway ");
        assertThat(gui.exists("gateway-draft-form")).isTrue();
        TableView<GatewayForm.ListenerRow> listeners = gui.node("gateway-draft-listeners", TableView.class);
        GuiTestSupport.await(5, () -> !listeners.getItems().isEmpty());
        int before = listeners.getItems().size();
        assertThat(gui.node("gateway-draft-class", TextField.class).getText()).isNotBlank();

        // The form writes the YAML: a new HTTPS listener names a Secret that does not exist yet (GH704).
        gui.robot().clickOn("#gateway-draft-add-listener");
        GuiTestSupport.await(5, () -> listeners.getItems().size() == before + 1);
        String added = listeners.getItems().get(before).name();
        try {
            GuiTestSupport.await(5, () -> gui.node("draft-yaml", YamlArea.class).getText().matches("(?s).*name: \"?" + added + "\"?\n.*"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("form problem: " + gui.node("gateway-draft-form-problem", Labeled.class).getText()
                    + "\nYAML:\n" + gui.node("draft-yaml", YamlArea.class).getText(), e);
        }
        GuiTestSupport.await(20, () -> problemsText().contains("GH704"));

        // And the YAML the form: a hostname typed there shows in the listener's row.
        gui.robot().clickOn("YAML");
        gui.robot().interact(() -> {
            YamlArea yaml = gui.node("draft-yaml", YamlArea.class);
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("(?m)^( *)(- )?name: \"?" + added + "\"?$")
                    .matcher(yaml.getText());
            assertThat(line.find()).as("the new listener in the YAML").isTrue();
            String indent = line.group(1) + (line.group(2) == null ? "" : "  ");
            yaml.getContent().replaceText(yaml.getText().replace(line.group(), line.group() + "\n" + indent
                    + "hostname: admin.gw.demo.gatehouse.test"));
        });
        GuiTestSupport.await(5, () -> listeners.getItems().get(before).hostname().equals("admin.gw.demo.gatehouse.test"));
        gui.robot().clickOn("Form");
        screenshot("gateway-draft-form.png");
    }

    private static void screenshot(String name) throws Exception {
        String dir = System.getProperty("gatehouse.screenshots");
        if (dir != null) {
            new ProcessBuilder("import", "-window", "root", Path.of(dir).resolve(name).toString()).inheritIO().start()
                    .waitFor();
        }
    }
}
