package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.proxy.server.AccessLogEvent;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy's main flow in a real window: demo cluster → Proxy → start → request tester → access log. */
class ProxyFlowTest {
    @TempDir
    Path home;
    private final GuiTestSupport gui = new GuiTestSupport();

    @AfterEach
    void stop() throws Exception {
        gui.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void startTheProxySendATestRequestAndSeeItInTheAccessLog() throws Exception {
        gui.startOnDemo(home);

        gui.useFreeProxyPorts();
        gui.robot().clickOn("#proxy-start");
        GuiTestSupport.await(30, () -> gui.node("proxy-listening", Label.class).getText().startsWith("Listening on https://127.0.0.1:"));
        // the rules line follows once the background has walked the table (after the listening line)
        GuiTestSupport.await(30, () -> gui.node("proxy-source", Label.class).getText().contains("live cluster gatehouse-demo"));
        assertThat(gui.node("status-proxy", Label.class).getText()).startsWith("Proxy on 127.0.0.1:");

        TabPane tabs = gui.node("proxy-tabs", TabPane.class);
        gui.robot().interact(() -> tabs.getSelectionModel().select(3));
        ListView<String> curl = gui.node("proxy-curl-list", ListView.class);
        GuiTestSupport.await(10, () -> curl.getItems().stream().anyMatch(l -> l.startsWith(
                "curl --resolve shop.demo.gatehouse.test:") && l.contains("--cacert")));

        gui.robot().interact(() -> tabs.getSelectionModel().select(1));
        gui.robot().interact(() -> gui.node("tester-url", TextField.class).setText("https://shop.demo.gatehouse.test/api/cart"));
        gui.robot().clickOn("#tester-send");
        GuiTestSupport.await(30, () -> gui.node("tester-status", Label.class).getText().startsWith("200"));
        assertThat(gui.node("tester-chain", TextArea.class).getText()).contains("CN=shop.demo.gatehouse.test",
                "issued by CN=Gatehouse Demo Issuing CA");
        assertThat(gui.node("tester-decision", TextArea.class).getText()).contains("Routed to Service shop/shop-api");
        assertThat(gui.node("tester-body", TextArea.class).getText()).startsWith("shop-api");

        gui.robot().interact(() -> tabs.getSelectionModel().select(0));
        TableView<AccessLogEvent> log = gui.node("proxy-log-table", TableView.class);
        GuiTestSupport.await(10, () -> !log.getItems().isEmpty());
        AccessLogEvent event = log.getItems().get(0);
        assertThat(event.status()).isEqualTo(200);
        assertThat(event.ingress()).contains("shop/storefront");
        assertThat(event.rule()).contains("host shop.demo.gatehouse.test, path /api (Prefix)");
        assertThat(event.certificate()).contains("shop.demo.gatehouse.test");
        assertThat(gui.node("proxy-log-count", Label.class).getText()).isEqualTo("1 request");

        gui.robot().clickOn("#proxy-stop");
        GuiTestSupport.await(10, () -> gui.node("proxy-listening", Label.class).getText().equals("Not running"));
    }
}
