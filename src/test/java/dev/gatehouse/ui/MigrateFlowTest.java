package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.migrate.ConversionNote;
import dev.gatehouse.migrate.Difference;
import dev.gatehouse.ui.common.YamlArea;
import dev.gatehouse.ui.draft.DraftItem;
import dev.gatehouse.ui.migrate.MigrateDrafts;
import dev.gatehouse.ui.migrate.MigrateEdits;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Migrate screen on the demo cluster: convert every Ingress, see the notes and the diff, open a difference; save
 * the generated objects as drafts, edit one on the Drafts screen and see the diff follow, undo, apply them all.
 */
class MigrateFlowTest {
    @TempDir
    Path home;
    private final GuiTestSupport gui = new GuiTestSupport();

    @AfterEach
    void stop() throws Exception {
        gui.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void migratingTheDemoShowsNotesTheDiffAndBothExplanations() throws Exception {
        gui.startOnDemo(home);
        gui.robot().clickOn("#nav-migrate");
        GuiTestSupport.await(10, () -> gui.showing("screen-migrate"));
        GuiTestSupport.await(30, () -> {
            gui.robot().interact(() -> gui.node("migrate-run", javafx.scene.control.Button.class).fire());
            return !gui.node("migrate-status", Label.class).getText().startsWith("Connect");
        });
        Label status = gui.node("migrate-status", Label.class);
        GuiTestSupport.await(60, () -> status.getText().contains("requests"));
        TableView<ConversionNote> notes = gui.node("migrate-notes", TableView.class);
        assertThat(notes.getItems()).isNotEmpty();
        assertThat(gui.node("migrate-replaced", Label.class).getText()).startsWith("The new routes replace ")
                .contains("stay untouched");
        TableView<Difference> diff = gui.node("migrate-diff", TableView.class);
        if (diff.getItems().isEmpty()) {
            assertThat(status.getText()).startsWith("identical");
        } else {
            assertThat(status.getText()).contains("differ (0 unexplained)");
            gui.robot().interact(() -> diff.getSelectionModel().select(0));
            TextArea both = gui.node("migrate-explanations", TextArea.class);
            GuiTestSupport.await(10, () -> both.getText().contains("ingress-nginx:"));
            assertThat(both.getText()).contains("Gateway:").contains("Why: ");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void serveBothReplaysTheRequestsThroughTwoLocalProxiesAndKeepsServingUntilStopped() throws Exception {
        gui.startOnDemo(home);
        migrate("shop/storefront");
        gui.robot().clickOn("Side by side");
        gui.robot().clickOn("#migrateServeBoth");
        Label status = gui.node("migrate-serve-status", Label.class);
        GuiTestSupport.await(120, () -> status.getText().contains("on real responses"));
        String ports = gui.node("migrate-serve-ports", TextField.class).getText();
        assertThat(ports).startsWith("old (Ingress) https=127.0.0.1:").contains("new (Gateway) https=127.0.0.1:");
        TableView<Difference> real = gui.node("migrate-real-diff", TableView.class);
        if (!real.getItems().isEmpty()) {
            gui.robot().interact(() -> real.getSelectionModel().select(0));
            GuiTestSupport.await(10, () -> gui.node("migrate-real-explanations", TextArea.class).getText()
                    .contains("ingress-nginx:"));
        }
        int oldHttps = Integer.parseInt(ports.replaceAll("^old \\(Ingress\\) https=127\\.0\\.0\\.1:(\\d+).*$", "$1"));
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", oldHttps)) {
            assertThat(s.isConnected()).as("the old rules are still served after the replay").isTrue();
        }
        screenshotIfAsked();
        gui.robot().clickOn("#migrateStopServing");
        GuiTestSupport.await(10, () -> gui.node("migrate-serve-ports", TextField.class).getText().isEmpty());
        assertThat(status.getText()).as("the last replay's result stays readable").contains("on real responses");
        GuiTestSupport.await(10, () -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", oldHttps)) {
                return false;
            } catch (java.io.IOException refused) {
                return true;
            }
        });
    }

    private static void screenshotIfAsked() throws Exception {
        String dir = System.getProperty("gatehouse.screenshots");
        if (dir != null) {
            new ProcessBuilder("import", "-window", "root", Path.of(dir).resolve("migrate-serve.png").toString())
                    .inheritIO().start().waitFor();
        }
    }

    private void migrate(String ingresses) throws Exception {
        gui.robot().clickOn("#nav-migrate");
        GuiTestSupport.await(10, () -> gui.showing("screen-migrate"));
        gui.robot().interact(() -> gui.node("migrate-ingresses", TextField.class).setText(ingresses));
        GuiTestSupport.await(30, () -> {
            gui.robot().interact(() -> gui.node("migrate-run", javafx.scene.control.Button.class).fire());
            return !gui.node("migrate-status", Label.class).getText().startsWith("Connect");
        });
        GuiTestSupport.await(60, () -> gui.node("migrate-status", Label.class).getText().contains("requests"));
    }

    private String versions() {
        return gui.node("migrate-draft-versions", Label.class).getText();
    }

    /** Selects the draft of that display name on the Drafts screen and edits its YAML text; returns the old text. */
    private String editDraft(String displayName, java.util.function.UnaryOperator<String> edit) throws Exception {
        gui.robot().clickOn("#nav-drafts");
        @SuppressWarnings("unchecked")
        ListView<DraftItem> list = gui.node("drafts-list", ListView.class);
        GuiTestSupport.await(10, () -> list.getItems().stream().anyMatch(i -> i.draft().displayName().equals(displayName)));
        gui.robot().interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(i -> i.draft().displayName().equals(displayName)).findFirst().orElseThrow()));
        GuiTestSupport.await(10, () -> gui.node("draft-title", Labeled.class).getText().equals(displayName));
        String[] old = new String[1];
        gui.robot().interact(() -> {
            YamlArea yaml = gui.node("draft-yaml", YamlArea.class);
            old[0] = yaml.getText();
            String edited = edit.apply(old[0]);
            assertThat(edited).isNotEqualTo(old[0]);
            yaml.getContent().replaceText(edited);
        });
        return old[0];
    }

    @Test
    @SuppressWarnings("unchecked")
    void savedDraftsAreWhatTheDiffComparesAndWhatIsApplied() throws Exception {
        gui.startOnDemo(home);
        migrate("shop/storefront");
        Label status = gui.node("migrate-status", Label.class);
        String generated = status.getText();
        TableView<Difference> diff = gui.node("migrate-diff", TableView.class);
        int generatedRows = diff.getItems().size();

        gui.robot().clickOn("#migrateSaveDrafts");
        GuiTestSupport.await(30, () -> versions().contains("all as generated"));
        TableView<MigrateDrafts.Row> drafts = gui.node("migrate-drafts", TableView.class);
        int objects = drafts.getItems().size();
        assertThat(objects).isGreaterThanOrEqualTo(2);
        assertThat(status.getText()).isEqualTo(generated);
        String route = drafts.getItems().stream().map(MigrateDrafts.Row::object)
                .filter(o -> o.startsWith("HTTPRoute shop/storefront") && !o.endsWith("-http")).findFirst().orElseThrow();

        // Saving again updates the same drafts.
        gui.robot().clickOn("#migrateSaveDrafts");
        GuiTestSupport.await(30, () -> versions().contains("all as generated"));
        assertThat(drafts.getItems()).hasSize(objects);

        // The drafts are on the Drafts screen, each with a note naming its Ingress; send /api to another Service.
        String original = editDraft(route, t -> t.replaceAll("shop-api(\"?)(\\s+)port: 8080", "storefront$1$2port: 80"));
        assertThat(gui.node("draft-note", Label.class).getText()).startsWith("Migrated from Ingress shop/storefront")
                .contains("untouched");
        ListView<DraftItem> list = gui.node("drafts-list", ListView.class);
        assertThat(list.getItems()).hasSize(objects);

        gui.robot().clickOn("#nav-migrate");
        GuiTestSupport.await(60, () -> versions().contains(route + " edited")
                && diff.getItems().stream().anyMatch(d -> d.probe().request().path().startsWith("/api")
                && d.summary().contains("shop/storefront")));
        assertThat(status.getText()).contains("requests differ");
        gui.robot().interact(() -> diff.getSelectionModel().select(diff.getItems().stream()
                .filter(d -> d.probe().request().path().equals("/api")).findFirst().orElseThrow()));
        GuiTestSupport.await(10, () -> gui.node("migrate-explanations", TextArea.class).getText().contains("shop/storefront"));
        screenshot("migrate.png");

        // Undo the edit: the diff is the generated one again; Re-run diff gives the same.
        gui.robot().interact(() -> {
            selectTab("Drafts");
            drafts.getSelectionModel().select(drafts.getItems().stream().filter(r -> r.object().equals(route))
                    .findFirst().orElseThrow());
        });
        gui.robot().clickOn("#migrate-open-draft");
        GuiTestSupport.await(10, () -> gui.showing("draft-title")
                && gui.node("draft-title", Labeled.class).getText().equals(route));
        editDraft(route, t -> original);
        gui.robot().clickOn("#nav-migrate");
        GuiTestSupport.await(60, () -> versions().contains("all as generated") && status.getText().equals(generated));
        assertThat(diff.getItems()).hasSize(generatedRows);
        gui.robot().clickOn("#migrateRerun");
        GuiTestSupport.await(60, () -> versions().contains("all as generated") && status.getText().equals(generated));

        // Apply… goes through the Drafts screen's safe apply, one draft after the other, Gateway first.
        for (int i = 0; i < objects; i++) {
            gui.robot().clickOn("#nav-migrate");
            gui.robot().clickOn("#migrateApply");
            GuiTestSupport.await(20, () -> gui.exists("apply-dialog"));
            gui.robot().clickOn("Apply");
            try {
                GuiTestSupport.await(20, () -> gui.node("draft-message", Labeled.class).getText().startsWith("Created"));
            } finally {
                assertThat(gui.node("draft-message", Labeled.class).getText()).startsWith("Created")
                        .contains("Migrated from Ingress");
            }
        }
        gui.robot().clickOn("#nav-migrate");
        Label reminder = gui.node("migrate-reminder", Label.class);
        GuiTestSupport.await(20, () -> reminder.getText().startsWith("All " + objects + " drafts are applied"));
        assertThat(reminder.getText()).contains("Ingress shop/storefront").contains("untouched");
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(home.resolve("data/demo/kubeconfig")))).build()) {
            assertThat(client.network().v1().ingresses().inNamespace("shop").withName("storefront").get()).isNotNull();
            assertThat(client.resources(HTTPRoute.class).inNamespace("shop").withName(route.substring(route.indexOf('/') + 1))
                    .get().getSpec().getRules().toString()).contains("shop-api");
        }
    }

    private void selectTab(String title) {
        javafx.scene.control.TabPane tabs = gui.node("migrate-tabs", javafx.scene.control.TabPane.class);
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .orElseThrow());
    }

    @Test
    @SuppressWarnings("unchecked")
    void generatedObjectsAreEditedInPlaceTheDiffFollowsAndApplyAllWritesThemInOneStep() throws Exception {
        gui.startOnDemo(home);
        migrate("shop/storefront");
        Label status = gui.node("migrate-status", Label.class);
        String generated = status.getText();
        TableView<Difference> diff = gui.node("migrate-diff", TableView.class);
        gui.robot().interact(() -> selectTab("Edit objects"));
        javafx.scene.control.ListView<MigrateEdits.Row> objects = gui.node("migrate-edit-objects",
                javafx.scene.control.ListView.class);
        GuiTestSupport.await(10, () -> objects.getItems().size() >= 2);
        assertThat(objects.getItems()).noneMatch(MigrateEdits.Row::edited);
        MigrateEdits.Row route = objects.getItems().stream().filter(r -> r.object().startsWith("HTTPRoute shop/storefront")
                && !r.object().endsWith("-http")).findFirst().orElseThrow();
        gui.robot().interact(() -> objects.getSelectionModel().select(route));
        GuiTestSupport.await(10, () -> gui.showing("migrate-edit-yaml"));

        // Send /api to another Service in the YAML here: the row is marked edited and the diff shows /api.
        gui.robot().interact(() -> {
            YamlArea yaml = gui.node("migrate-edit-yaml", YamlArea.class);
            String edited = yaml.getText().replaceAll("shop-api(\"?)(\\s+)port: 8080", "storefront$1$2port: 80");
            assertThat(edited).isNotEqualTo(yaml.getText());
            yaml.getContent().replaceText(edited);
        });
        GuiTestSupport.await(60, () -> versions().contains(route.object() + " edited")
                && diff.getItems().stream().anyMatch(d -> d.probe().request().path().startsWith("/api")
                && d.summary().contains("shop/storefront")));
        assertThat(objects.getItems()).filteredOn(MigrateEdits.Row::edited).extracting(MigrateEdits.Row::object)
                .containsExactly(route.object());
        int editedRows = diff.getItems().size();
        screenshot("migrate-edit.png");

        // YAML that does not parse: named at once, the last good diff stays.
        gui.robot().interact(() -> gui.node("migrate-edit-yaml", YamlArea.class).getContent().replaceText("kind: [\n"));
        GuiTestSupport.await(10, () -> !gui.node("migrate-edit-problem", Label.class).getText().isEmpty());
        assertThat(gui.node("migrate-edit-problem", Label.class).getText()).contains(route.object());
        assertThat(diff.getItems()).hasSize(editedRows);

        // Revert to generated: the generated diff again.
        gui.robot().clickOn("#migrate-edit-revert");
        GuiTestSupport.await(60, () -> status.getText().equals(generated)
                && objects.getItems().stream().noneMatch(MigrateEdits.Row::edited));
        assertThat(gui.node("migrate-edit-problem", Label.class).getText()).isEmpty();

        // Apply all: one confirmation naming what is created and the Ingress left untouched, then every object written.
        java.util.List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        gui.robot().interact(() -> gui.node("migrate-draft-versions", Label.class).textProperty()
                .addListener((o, a, b) -> said.add(b)));
        gui.robot().clickOn("#migrateApplyAll");
        GuiTestSupport.await(60, () -> gui.exists("confirm-dialog"));
        assertThat(gui.node("confirm-dialog", javafx.scene.control.DialogPane.class).getContentText())
                .contains("Will create (").contains("Ingress shop/storefront").contains("stay untouched");
        gui.robot().interact(() -> {
            javafx.scene.control.DialogPane pane = gui.node("confirm-dialog", javafx.scene.control.DialogPane.class);
            ((javafx.scene.control.Button) pane.lookupButton(pane.getButtonTypes().stream()
                    .filter(t -> t.getText().equals("Apply all")).findFirst().orElseThrow())).fire();
        });
        try {
            GuiTestSupport.await(60, () -> said.stream().anyMatch(m -> m.startsWith("Apply all: ") && m.endsWith(" objects applied.")));
        } finally {
            assertThat(said).as(String.join(" | ", said)).anyMatch(m -> m.startsWith("Apply all: ") && m.endsWith(" objects applied."));
        }
        Label reminder = gui.node("migrate-reminder", Label.class);
        GuiTestSupport.await(20, () -> reminder.getText().matches("All \\d+ drafts are applied.*"));
        assertThat(reminder.getText()).contains("Ingress shop/storefront").contains("untouched");
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(home.resolve("data/demo/kubeconfig")))).build()) {
            assertThat(client.network().v1().ingresses().inNamespace("shop").withName("storefront").get()).isNotNull();
            String name = route.object().substring(route.object().indexOf('/') + 1);
            assertThat(client.resources(HTTPRoute.class).inNamespace("shop").withName(name).get()).isNotNull();
        }
    }

    private static void screenshot(String name) throws Exception {
        String dir = System.getProperty("gatehouse.screenshots");
        if (dir != null) {
            new ProcessBuilder("import", "-window", "root", Path.of(dir).resolve(name).toString()).inheritIO().start()
                    .waitFor();
        }
    }
}
