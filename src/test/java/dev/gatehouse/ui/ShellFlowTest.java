package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import dev.gatehouse.cli.GuiOptions;
import dev.gatehouse.ui.common.Theme;
import dev.gatehouse.ui.ingress.IngressRow;
import dev.gatehouse.ui.shell.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main user flows of the shell, in a real window. */
class ShellFlowTest {
    @TempDir
    Path home;
    private final GuiTestSupport gui = new GuiTestSupport();

    @AfterEach
    void stop() throws Exception {
        gui.stop();
    }

    @Test
    void firstRunWithoutKubeconfigOffersTheDemoCluster() throws Exception {
        gui.start(home, GuiOptions.defaults().withoutDemoFallback());
        Stage stage = (Stage) Window.getWindows().get(0);
        assertThat(stage.getTitle()).isEqualTo("Gatehouse");
        assertThat(stage.getIcons()).isNotEmpty();
        GuiTestSupport.await(10, () -> gui.showing("welcome"));
        assertThat(gui.node("welcome-title", Label.class).getText()).isEqualTo("No kubeconfig found");
        assertThat(gui.exists("welcome-open-demo")).isTrue();
        assertThat(gui.exists("welcome-open-kubeconfig")).isTrue();
        assertThat(gui.node("connection-badge", Label.class).getText()).isEqualTo("No kubeconfig");
    }

    @Test
    void firstRunWithoutKubeconfigOpensTheDemoClusterAndSaysWhy() throws Exception {
        gui.start(home, GuiOptions.defaults()); // what `java -jar gatehouse.jar` does on a machine without a kubeconfig
        gui.awaitConnected();
        @SuppressWarnings("unchecked")
        ComboBox<String> context = gui.node("context-picker", ComboBox.class);
        assertThat(context.getValue()).isEqualTo("gatehouse-demo");
        assertThat(gui.node("status-message", Label.class).getText())
                .startsWith("Connected to gatehouse-demo (").contains("No kubeconfig found (looked for ")
                .contains("Showing the built-in demo cluster; File → Open kubeconfig… opens yours.");
    }

    @Test
    void navigationReachesEveryScreen() throws Exception {
        gui.start(home, GuiOptions.defaults().withoutDemoFallback());
        for (Section s : Section.values()) {
            gui.robot().clickOn("#" + s.navId());
            GuiTestSupport.await(5, () -> gui.showing(s.screenId()));
        }
        gui.robot().clickOn("#" + Section.OVERVIEW.navId());
        GuiTestSupport.await(5, () -> gui.showing("welcome"));
    }

    @Test
    void themeSwitchFlipsBetweenLightAndDarkAndIsRemembered() throws Exception {
        gui.start(home, GuiOptions.defaults().withoutDemoFallback());
        Stage stage = (Stage) Window.getWindows().get(0);
        assertThat(stage.getScene().getRoot().getStyleClass()).doesNotContain(Theme.DARK_CLASS);
        gui.robot().clickOn("#theme-toggle");
        GuiTestSupport.await(5, () -> stage.getScene().getRoot().getStyleClass().contains(Theme.DARK_CLASS));
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(Files.readString(home.resolve("config/settings.properties"))).contains("theme=dark");
        gui.robot().clickOn("#theme-toggle");
        GuiTestSupport.await(5, () -> !stage.getScene().getRoot().getStyleClass().contains(Theme.DARK_CLASS));
    }

    @Test
    void demoClusterOpensAndConnects() throws Exception {
        gui.start(home, GuiOptions.defaults().withoutDemoFallback());
        GuiTestSupport.await(10, () -> gui.showing("welcome-open-demo"));
        gui.robot().clickOn("#welcome-open-demo");
        gui.awaitConnected();
        @SuppressWarnings("unchecked")
        ComboBox<String> context = gui.node("context-picker", ComboBox.class);
        assertThat(context.getValue()).isEqualTo("gatehouse-demo");
        GuiTestSupport.await(10, () -> gui.exists("demo-kubectl-command"));
        assertThat(gui.node("demo-kubectl-command", TextField.class).getText())
                .startsWith("kubectl --kubeconfig ").endsWith("get ingress -A");
        @SuppressWarnings("unchecked")
        ComboBox<String> ns = gui.node("namespace-picker", ComboBox.class);
        GuiTestSupport.await(20, () -> ns.getItems().size() >= 4);
        assertThat(ns.getItems()).startsWith("All namespaces");
    }

    /** The Ingresses the demo cluster is seeded with (src/main/resources/dev/gatehouse/demo/seed). */
    private static final List<String> DEMO_INGRESSES = List.of("shop/storefront", "shop/catalog", "shop/blog", "shop/tickets",
            "shop/gift-cards", "shop/promo", "payments/checkout", "payments/ledger", "payments/partner-api",
            "payments/refunds", "payments/invoices", "platform/tenant-sites", "platform/grafana",
            "platform/status-page");

    @Test
    @SuppressWarnings("unchecked")
    void demoFlagConnectsStraightAway() throws Exception {
        gui.startOnDemo(home); // --demo: no click, no welcome screen
        assertThat(gui.node("connection-badge", Label.class).getText()).isEqualTo("Connected · v1.32.0-gatehouse-demo");
        assertThat(gui.node("context-picker", ComboBox.class).getValue()).isEqualTo("gatehouse-demo");
        assertThat(gui.showing("welcome")).isFalse();
        GuiTestSupport.await(10, () -> gui.showing("demo-kubectl-command"));

        gui.robot().clickOn("#nav-ingresses");
        TableView<IngressRow> table = gui.node("ingress-table", TableView.class);
        // generous: on a loaded 2-core machine the demo's controller publishes every Ingress's status after start
        GuiTestSupport.await(60, () -> table.getItems().size() == DEMO_INGRESSES.size());
        assertThat(table.getItems()).extracting(r -> r.namespace() + "/" + r.name())
                .containsExactlyInAnyOrderElementsOf(DEMO_INGRESSES);
        assertThat(gui.node("ingress-count", Label.class).getText()).isEqualTo("14 Ingresses");
    }

    @Test
    void aboutShowsVersionsAndTlsProvider() throws Exception {
        gui.start(home, GuiOptions.defaults().withoutDemoFallback());
        gui.robot().clickOn("Help").clickOn("#menu-about");
        GuiTestSupport.await(5, () -> gui.exists("about-tls"));
        assertThat(gui.node("about-tls", Label.class).getText()).containsAnyOf("BoringSSL", "JDK");
        assertThat(gui.node("about-java", Label.class).getText()).startsWith("17");
        assertThat(gui.node("about-javafx", Label.class).getText()).startsWith("21");
        gui.robot().type(javafx.scene.input.KeyCode.ESCAPE);
    }
}
