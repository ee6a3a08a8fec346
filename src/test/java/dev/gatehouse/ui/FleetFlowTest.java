package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.cli.GuiOptions;
import dev.gatehouse.demo.DemoCluster;
import dev.gatehouse.fleet.FleetCertificate;
import dev.gatehouse.ui.certs.CertificatesView;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.fleet.FleetView;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fleet in a real window: a kubeconfig with the demo cluster and an unreachable one; scanning lists the demo's
 * certificates soonest first, names the unreachable context without stopping, draws the weeks, exports CSV, and
 * opening a row shows that certificate on the Certificates screen.
 */
class FleetFlowTest {
    @TempDir
    Path home;
    @TempDir
    Path files;
    private final GuiTestSupport gui = new GuiTestSupport();
    private DemoCluster demo;

    @BeforeEach
    void start() throws Exception {
        demo = DemoCluster.start(files.resolve("demo.kubeconfig"), AppClock.system());
        KubernetesSerialization yaml = new KubernetesSerialization();
        Config config = yaml.unmarshal(Files.readString(demo.kubeconfig()), Config.class);
        config.getContexts().add(new NamedContextBuilder().withName("gone").withNewContext().withCluster("gone")
                .withUser("gone").endContext().build());
        config.getClusters().add(new NamedClusterBuilder().withName("gone").withNewCluster()
                .withServer("https://127.0.0.1:1").endCluster().build());
        config.getUsers().add(new NamedAuthInfoBuilder().withName("gone").withNewUser().withToken("tkn-gone")
                .endUser().build());
        Path kubeconfig = Files.writeString(files.resolve("fleet.yaml"), yaml.asYaml(config));
        gui.start(home, new GuiOptions(false, Optional.of(kubeconfig), Optional.of(demo.contextName())));
        gui.awaitConnected();
    }

    @AfterEach
    void stop() throws Exception {
        gui.stop();
        demo.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void scanEveryContextThenOpenACertificate() throws Exception {
        gui.robot().clickOn("#nav-fleet");
        FleetView view = gui.node("screen-fleet", FleetView.class);
        gui.robot().clickOn("#fleet-scan");
        GuiTestSupport.await(90, () -> view.viewModel().reportProperty().get() != null);

        assertThat(gui.node("fleet-context-gone", Label.class).getStyleClass()).contains(Status.ERROR.styleClass());
        assertThat(gui.node("fleet-context-gone", Label.class).getText()).contains("127.0.0.1:1");
        assertThat(gui.node("fleet-context-gatehouse-demo", Label.class).getText()).endsWith("certificates");
        TableView<FleetCertificate> table = gui.node("fleet-table", TableView.class);
        assertThat(table.getItems().get(0).secret()).isEqualTo("catalog-tls"); // expired: the soonest first
        assertThat(gui.node("fleet-summary", Label.class).getText()).contains("1 context could not be read");
        assertThat(view.viewModel().weekly().stream().mapToInt(Integer::intValue).sum()).isPositive();

        Path csv = files.resolve("fleet.csv");
        gui.robot().interact(() -> view.viewModel().export(csv, false)); // the native save dialog is not driven
        GuiTestSupport.await(10, () -> view.viewModel().messageProperty().get().startsWith("Wrote"));
        assertThat(Files.readString(csv)).contains("gatehouse-demo,platform,docs-tls,");

        gui.robot().interact(() -> gui.node("fleet-filter", javafx.scene.control.TextField.class).setText("wiki"));
        GuiTestSupport.await(5, () -> table.getItems().size() == 1);
        gui.robot().interact(() -> view.viewModel().open(table.getItems().get(0)));
        GuiTestSupport.await(20, () -> gui.showing("screen-certificates")
                && gui.node("screen-certificates", CertificatesView.class).viewModel().selectedProperty().get() != null);
        assertThat(gui.node("screen-certificates", CertificatesView.class).viewModel().selectedProperty().get().key())
                .isEqualTo("platform/wiki-tls");
    }
}
