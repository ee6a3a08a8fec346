package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.migrate.ConversionNote;
import dev.gatehouse.migrate.Difference;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Migrate screen on the demo cluster: convert every Ingress, see the notes and the diff, open a difference. */
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
        String dir = System.getProperty("gatehouse.screenshots");
        if (dir != null) {
            new ProcessBuilder("import", "-window", "root", Path.of(dir).resolve("migrate.png").toString())
                    .inheritIO().start().waitFor();
        }
    }
}
