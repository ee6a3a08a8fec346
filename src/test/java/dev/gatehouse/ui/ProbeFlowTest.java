package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.RefusedPort;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.probe.ProbeBatchViewModel.HostRow;
import dev.gatehouse.ui.common.probe.ProbePanelViewModel;
import dev.gatehouse.ui.ingress.IngressRow;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Probe live" in a real window on the demo cluster, whose own controller (the local proxy on loopback) is published
 * in every Ingress's status.loadBalancer: the renewed-but-not-reloaded Secret of shop/tickets is a disagreement with
 * its plain explanation, a healthy host agrees, an address nothing listens on is a clear failure within the
 * timeout, and "Probe every host" completes with a summary that matches the hosts' results.
 */
class ProbeFlowTest {
    @TempDir
    Path home;

    private final GuiTestSupport gui = new GuiTestSupport();

    @AfterEach
    void stop() throws Exception {
        gui.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void probeLiveFromTheIngressesScreenThenAHealthyHostAnUnreachableAddressAndEveryHost() throws Exception {
        gui.startOnDemo(home);
        gui.robot().clickOn("#nav-ingresses");
        TableView<IngressRow> table = gui.node("ingress-table", TableView.class);
        GuiTestSupport.await(20, () -> table.getItems().stream().anyMatch(r -> r.name().equals("tickets")));
        gui.robot().interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.key().equals("shop/tickets")).findFirst().orElseThrow()));
        gui.robot().clickOn("#ingress-probe-live");

        GuiTestSupport.await(30, () -> gui.showing("probePanel")
                && text("probeStatus").equals("1 disagreement with the objects"));
        assertThat(text("probeHost")).isEqualTo("tickets.demo.gatehouse.test");
        assertThat(text("probe-verdict-certificate")).startsWith("certificate: Secret shop/tickets-tls was renewed 3"
                + " days ago").contains("but the controller still serves the old certificate");
        assertThat(text("probeAgo")).startsWith("probed just now at 127.0.0.1:");
        assertThat(gui.node("probeComparison", TableView.class).getItems()).hasSizeGreaterThan(8);

        ListView<HostRow> hosts = gui.node("probeHosts", ListView.class);
        assertThat(row(hosts, "tickets.demo.gatehouse.test").status()).as("the list shows the result too")
                .isEqualTo(Status.ERROR);
        gui.robot().interact(() -> hosts.getSelectionModel().select(row(hosts, "shop.demo.gatehouse.test")));
        assertThat(text("probeStatus")).isEqualTo("not probed yet");
        gui.robot().clickOn("#probeLive");
        GuiTestSupport.await(30, () -> text("probeStatus").equals("agrees with the objects"));
        assertThat(text("probe-verdict-certificate")).startsWith("certificate: the server sends the certificate of"
                + " Secret shop/storefront-tls");

        gui.robot().interact(() -> gui.node("probeAddress", TextField.class).setText("https://shop.example/"));
        gui.robot().clickOn("#probeLive");
        GuiTestSupport.await(5, () -> gui.showing("probeMessage"));
        assertThat(text("probeMessage")).isEqualTo("Address: \"https://shop.example/\" is a URL; give HOST[:PORT],"
                + " e.g. shop.example:443");
        gui.robot().interact(() -> {
            gui.node("probeAddress", TextField.class).setText("");
            gui.node("probeTimeout", TextField.class).setText("soon");
        });
        gui.robot().clickOn("#probeLive");
        GuiTestSupport.await(5, () -> text("probeMessage").startsWith("Timeout \"soon\" is not a duration"));
        assertThat(text("probeStatus")).as("the last result stays").isEqualTo("agrees with the objects");

        try (RefusedPort refused = RefusedPort.open()) {
            gui.robot().interact(() -> {
                gui.node("probeAddress", TextField.class).setText("127.0.0.1:" + refused.port());
                gui.node("probeTimeout", TextField.class).setText("3");
            });
            long started = System.nanoTime();
            gui.robot().clickOn("#probeLive");
            GuiTestSupport.await(10, () -> text("probeStatus").equals("no TLS handshake: probe failed"));
            assertThat((System.nanoTime() - started) / 1_000_000).as("ms, within the 3 s timeout").isLessThan(3_000);
            assertThat(text("probe-verdict-reachable")).isEqualTo("reachable: connection refused by 127.0.0.1:"
                    + refused.port() + ": nothing listens on that port");
        }

        gui.robot().interact(() -> {
            gui.node("probeAddress", TextField.class).setText("");
            gui.node("probeTimeout", TextField.class).setText("2");
        });
        gui.robot().clickOn("#probeAll");
        int total = hosts.getItems().size();
        GuiTestSupport.await(90, () -> text("probeAllCount").equals(total + " / " + total)
                && gui.node("probeAll", javafx.scene.control.Button.class).isDisabled() == false);
        assertThat(gui.node("probeAllProgress", ProgressBar.class).getProgress()).isEqualTo(1.0);
        List<HostRow> rows = List.copyOf(hosts.getItems());
        long agree = rows.stream().filter(r -> r.status() == Status.OK).count();
        long disagree = rows.stream().filter(r -> r.summary().contains("disagreement")).count();
        long failed = rows.size() - agree - disagree;
        assertThat(text("probeAllSummary")).isEqualTo(agree + " agree · " + disagree + " disagree · " + failed
                + " failed");
        assertThat(agree).as("the demo's healthy hosts").isGreaterThanOrEqualTo(3);
        assertThat(row(hosts, "tickets.demo.gatehouse.test").summary()).isEqualTo("1 disagreement with the objects");
        assertThat(row(hosts, "shop.demo.gatehouse.test").summary()).isEqualTo("agrees with the objects");
        assertThat(rows).allSatisfy(r -> assertThat(r.summary()).isNotEqualTo("not probed yet"));

        gui.robot().interact(() -> hosts.getSelectionModel().select(row(hosts, "tickets.demo.gatehouse.test")));
        GuiTestSupport.await(5, () -> text("probeHost").equals("tickets.demo.gatehouse.test")
                && text("probeStatus").equals("1 disagreement with the objects"));
        screenshot("probe-live.png");
    }

    @Test
    @SuppressWarnings("unchecked")
    void probeLiveOnThePathViewsControllerBoxAndOnACertificatesDetail() throws Exception {
        gui.startOnDemo(home);
        gui.robot().clickOn("#nav-path");
        javafx.scene.control.ComboBox<dev.gatehouse.ui.path.PathTarget> target = gui.node("path-target",
                javafx.scene.control.ComboBox.class);
        GuiTestSupport.await(30, () -> target.getItems().stream().anyMatch(t -> t.key().equals("ingress:shop/tickets")));
        gui.robot().interact(() -> target.setValue(target.getItems().stream()
                .filter(t -> t.key().equals("ingress:shop/tickets")).findFirst().orElseThrow()));
        GuiTestSupport.await(20, () -> gui.exists("path-node-0-controller"));
        gui.robot().clickOn("#path-node-0-controller");
        GuiTestSupport.await(5, () -> gui.exists("path-probe-live"));
        gui.robot().clickOn("#path-probe-live");
        GuiTestSupport.await(30, () -> gui.showing("probePanel")
                && text("probeHost").equals("tickets.demo.gatehouse.test")
                && text("probeStatus").equals("1 disagreement with the objects"));

        gui.robot().interact(() -> gui.node("probeWindow", javafx.scene.Node.class).getScene().getWindow().hide());
        gui.robot().clickOn("#nav-certificates");
        TableView<dev.gatehouse.ui.certs.CertificateRow> certs = gui.node("certs-table", TableView.class);
        GuiTestSupport.await(20, () -> certs.getItems().stream().anyMatch(r -> r.key().equals("shop/storefront-tls")));
        gui.robot().interact(() -> certs.getSelectionModel().select(certs.getItems().stream()
                .filter(r -> r.key().equals("shop/storefront-tls")).findFirst().orElseThrow()));
        GuiTestSupport.await(5, () -> gui.showing("cert-probe-live")
                && !gui.node("cert-probe-live", javafx.scene.control.Button.class).isDisabled());
        gui.robot().clickOn("#cert-probe-live");
        // storefront-tls serves two hosts: the button offers both.
        GuiTestSupport.await(5, () -> menu().isPresent());
        assertThat(menu().orElseThrow().getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("shop.demo.gatehouse.test", "www.shop.demo.gatehouse.test");
        gui.robot().interact(() -> {
            javafx.scene.control.ContextMenu menu = menu().orElseThrow();
            menu.getItems().get(0).fire();
            menu.hide();
        });
        GuiTestSupport.await(30, () -> gui.showing("probePanel")
                && text("probeHost").equals("shop.demo.gatehouse.test")
                && text("probeStatus").equals("agrees with the objects"));
        ListView<HostRow> hosts = gui.node("probeHosts", ListView.class);
        assertThat(row(hosts, "tickets.demo.gatehouse.test").summary()).as("the session keeps the earlier result")
                .isEqualTo("1 disagreement with the objects");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDemoGatewayHostProbedThroughAPortForwardSaysSo() throws Exception {
        gui.startOnDemo(home);
        gui.robot().clickOn("#nav-ingresses");
        TableView<IngressRow> table = gui.node("ingress-table", TableView.class);
        GuiTestSupport.await(20, () -> table.getItems().stream().anyMatch(r -> r.key().equals("shop/tickets")));
        gui.robot().interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.key().equals("shop/tickets")).findFirst().orElseThrow()));
        gui.robot().clickOn("#ingress-probe-live");
        GuiTestSupport.await(30, () -> gui.showing("probePanel")
                && text("probeStatus").equals("1 disagreement with the objects"));

        ListView<HostRow> hosts = gui.node("probeHosts", ListView.class);
        gui.robot().interact(() -> hosts.getSelectionModel().select(row(hosts, "docs.gw.demo.gatehouse.test")));
        GuiTestSupport.await(5, () -> text("probeHost").equals("docs.gw.demo.gatehouse.test")
                && gui.node("probeAddress", TextField.class).getPromptText().equals("203.0.113.10:443 (published)"));
        javafx.scene.control.ChoiceBox<ProbePanelViewModel.AddressMode> mode = gui.node("probeAddressMode",
                javafx.scene.control.ChoiceBox.class);
        assertThat(mode.getValue()).isEqualTo(ProbePanelViewModel.AddressMode.PUBLISHED);
        gui.robot().interact(() -> {
            mode.setValue(ProbePanelViewModel.AddressMode.PORT_FORWARD);
            gui.node("probeTimeout", TextField.class).setText("5");
        });
        assertThat(gui.node("probeAddress", TextField.class).isDisabled()).as("no address to type").isTrue();
        gui.robot().clickOn("#probeLive");
        GuiTestSupport.await(30, () -> text("probeAgo").startsWith("probed just now via port-forward"));
        assertThat(text("probeAgo")).isEqualTo("probed just now via port-forward to"
                + " edge/envoy-edge-main-7d9f8c6b5-x2k4q, pod port 8443 (asked for)");
        assertThat(text("probe-verdict-reachable")).startsWith("reachable: TLS handshake via port-forward to"
                + " edge/envoy-edge-main-7d9f8c6b5-x2k4q, pod port 8443 (asked for)")
                .endsWith("Service edge/envoy-edge-main (its status.loadBalancer carries 203.0.113.10))");
        assertThat(text("probe-verdict-certificate")).startsWith("certificate: the server sends the certificate of"
                + " Secret shared-certs/docs-tls");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(10);
        screenshot("probe-port-forward.png");

        gui.robot().interact(() -> gui.node("probeAddress", TextField.class).setText("127.0.0.1:1"));
        assertThat(mode.getValue()).as("the choice stays until changed")
                .isEqualTo(ProbePanelViewModel.AddressMode.PORT_FORWARD);
        gui.robot().interact(() -> mode.setValue(ProbePanelViewModel.AddressMode.PUBLISHED));
        gui.robot().interact(() -> gui.node("probeAddress", TextField.class).setText(""));
        gui.robot().interact(() -> gui.node("probeAddress", TextField.class).setText("127.0.0.1:8443"));
        assertThat(mode.getValue()).as("typing an address chooses custom")
                .isEqualTo(ProbePanelViewModel.AddressMode.CUSTOM);
    }

    private static java.util.Optional<javafx.scene.control.ContextMenu> menu() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.scene.control.ContextMenu
                && w.isShowing()).map(w -> (javafx.scene.control.ContextMenu) w).findFirst();
    }

    private String text(String id) {
        return gui.node(id, Label.class).getText();
    }

    private static HostRow row(ListView<HostRow> hosts, String host) {
        return hosts.getItems().stream().filter(r -> r.host().equals(host)).findFirst().orElseThrow();
    }

    /** With -Dgatehouse.screenshots=DIR, the screen as it is now (for the README), taken with ImageMagick. */
    private static void screenshot(String name) throws Exception {
        String dir = System.getProperty("gatehouse.screenshots");
        if (dir != null) {
            new ProcessBuilder("import", "-window", "root", Path.of(dir).resolve(name).toString()).inheritIO().start()
                    .waitFor();
        }
    }
}
