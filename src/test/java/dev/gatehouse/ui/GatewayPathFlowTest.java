package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ui.path.PathTarget;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's Gateway edge/main in the Path view, in a real window: listener → HTTPRoute rule → Service lanes, the
 * BackendTLSPolicy leg drawn verified, and the explain box walking the demo's Gateway scenarios (header canary,
 * weighted split, redirect, misdirected request); then the same scenarios served by the local proxy over real TLS
 * (Proxy screen, request tester).
 */
class GatewayPathFlowTest {
    @TempDir
    Path home;
    private final GuiTestSupport gui = new GuiTestSupport();

    @AfterEach
    void stop() throws Exception {
        gui.stop();
    }

    /** The index of the lane with this title ({@code …*}: starting so), -1 when there is none. */
    private int laneTitled(String prefix) {
        for (int i = 0; gui.exists("path-lane-" + i); i++) {
            Pane lane = gui.node("path-lane-" + i, Pane.class);
            String title = ((Label) lane.getChildren().get(0)).getText();
            if (prefix.endsWith("*") ? title.startsWith(prefix.substring(0, prefix.length() - 1)) : title.equals(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private boolean highlighted(String prefix) {
        int i = laneTitled(prefix);
        return i >= 0 && gui.node("path-lane-" + i, Node.class).getStyleClass().contains("path-lane-highlighted");
    }

    /** With -Dgatehouse.screenshots=DIR, the screen as it is now (for the README), taken with ImageMagick. */
    private static void screenshot(String name) throws Exception {
        String dir = System.getProperty("gatehouse.screenshots");
        if (dir != null) {
            new ProcessBuilder("import", "-window", "root", Path.of(dir).resolve(name).toString()).inheritIO().start()
                    .waitFor();
        }
    }

    private void explain(String url, String headers) {
        gui.robot().interact(() -> {
            gui.node("path-explain-url", TextField.class).setText(url);
            gui.node("path-explain-headers", TextField.class).setText(headers);
        });
        gui.robot().clickOn("#path-explain-run");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoGatewayScenariosWalkThroughThePathView() throws Exception {
        gui.startOnDemo(home);
        gui.robot().clickOn("#nav-path");
        ComboBox<PathTarget> target = gui.node("path-target", ComboBox.class);
        GuiTestSupport.await(30, () -> target.getItems().stream().anyMatch(t -> t.key().equals("gateway:edge/main")));
        PathTarget main = target.getItems().stream().filter(t -> t.key().equals("gateway:edge/main")).findFirst()
                .orElseThrow();
        gui.robot().interact(() -> target.setValue(main));
        GuiTestSupport.await(20, () -> gui.exists("path-node-0-route")
                && gui.node("path-title", Label.class).getText().equals("Gateway edge/main"));

        // BackendTLSPolicy: the vault lane's Gateway → Service leg is a verified re-encryption.
        int vault = laneTitled("vault.gw.demo.gatehouse.test*");
        assertThat(vault).isGreaterThanOrEqualTo(0);
        Node vaultLeg = gui.node("path-leg-" + vault + "-backend", Node.class);
        assertThat(vaultLeg.getStyleClass()).contains("leg-reencrypted-verified");
        assertThat(gui.node("path-node-" + vault + "-route", Node.class)).isNotNull();

        // Header canary: with X-Canary: always the canary rule's lane lights up, without it the stable one.
        explain("https://app.gw.demo.gatehouse.test/", "X-Canary: always");
        GuiTestSupport.await(20, () -> highlighted("app.gw.demo.gatehouse.test  / (PathPrefix) · header x-canary: always"));
        assertThat(gui.node("path-explain-result", Label.class).getText()).isEqualTo("200");
        screenshot("gateway-path.png");
        explain("https://app.gw.demo.gatehouse.test/", "");
        GuiTestSupport.await(20, () -> highlighted("app.gw.demo.gatehouse.test  / (PathPrefix)")
                && !highlighted("app.gw.demo.gatehouse.test  / (PathPrefix) · header x-canary: always"));

        // Weighted split: both backends are lanes with their share.
        assertThat(laneTitled("search.gw.demo.gatehouse.test  / (PathPrefix)  · 90%")).isGreaterThanOrEqualTo(0);
        assertThat(laneTitled("search.gw.demo.gatehouse.test  / (PathPrefix)  · 10%")).isGreaterThanOrEqualTo(0);

        // The HTTP listener answers with a redirect to https.
        explain("http://shop.gw.demo.gatehouse.test/cart", "");
        GuiTestSupport.await(20, () -> "301".equals(gui.node("path-explain-result", Label.class).getText()));
        assertThat(gui.node("path-explain-summary", Label.class).getText())
                .contains("https://shop.gw.demo.gatehouse.test/cart");

        // Misdirected: a connection opened for red, reused for blue, gets 421.
        gui.robot().interact(() -> gui.node("path-explain-sni", TextField.class).setText("red.gw.demo.gatehouse.test"));
        explain("https://blue.gw.demo.gatehouse.test/", "");
        GuiTestSupport.await(20, () -> "421".equals(gui.node("path-explain-result", Label.class).getText()));

        // A header that is not Name: value is refused with a plain message.
        gui.robot().interact(() -> gui.node("path-explain-sni", TextField.class).setText(""));
        explain("https://app.gw.demo.gatehouse.test/", "X-Canary always");
        GuiTestSupport.await(5, () -> gui.node("path-explain-error", Label.class).getText()
                .contains("'X-Canary always' is not of the form 'Name: value'"));
    }

    private void send(String url, String headers, String sni) {
        gui.robot().interact(() -> {
            gui.node("tester-url", TextField.class).setText(url);
            gui.node("tester-headers", javafx.scene.control.TextArea.class).setText(headers);
            gui.node("tester-sni", TextField.class).setText(sni);
        });
        gui.robot().clickOn("#tester-send");
    }

    /** Waits for the tester's answer; on a timeout says what it showed instead. */
    private void expect(String status, String inDecision) throws Exception {
        try {
            GuiTestSupport.await(30, () -> testerStatus().startsWith(status) && testerDecision().contains(inDecision));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected " + status + " with " + inDecision + "; status " + testerStatus()
                    + "; error " + gui.node("tester-error", Label.class).getText() + "; decision " + testerDecision()
                    + "; body " + gui.node("tester-body", javafx.scene.control.TextArea.class).getText(), e);
        }
    }

    private String testerStatus() {
        return gui.node("tester-status", Label.class).getText();
    }

    private String testerDecision() {
        return gui.node("tester-decision", javafx.scene.control.TextArea.class).getText();
    }

    @Test
    void theDemoGatewayScenariosAreServedByTheLocalProxy() throws Exception {
        gui.startOnDemo(home);
        gui.useFreeProxyPorts();
        gui.robot().clickOn("#proxy-start");
        GuiTestSupport.await(30, () -> gui.node("proxy-listening", Label.class).getText()
                .startsWith("Listening on https://127.0.0.1:"));
        javafx.scene.control.TabPane tabs = gui.node("proxy-tabs", javafx.scene.control.TabPane.class);
        gui.robot().interact(() -> tabs.getSelectionModel().select(1));

        // Header canary, over real TLS through the proxy: the canary with the header, the stable backend without.
        send("https://app.gw.demo.gatehouse.test/", "X-Canary: always", "");
        expect("200", "app-canary");
        send("https://app.gw.demo.gatehouse.test/", "", "");
        expect("200", "app-stable");

        // BackendTLSPolicy: the proxy re-encrypts to the HTTPS echo backend and verifies it.
        send("https://vault.gw.demo.gatehouse.test/", "", "");
        expect("200", "vault");

        // The HTTP listener redirects to https.
        send("http://shop.gw.demo.gatehouse.test/cart", "", "");
        expect("301", "");

        // Misdirected request: a connection for red asked for blue gets 421.
        send("https://blue.gw.demo.gatehouse.test/", "", "red.gw.demo.gatehouse.test");
        expect("421", "");

        gui.robot().clickOn("#proxy-stop");
        GuiTestSupport.await(10, () -> gui.node("proxy-listening", Label.class).getText().equals("Not running"));
    }
}
