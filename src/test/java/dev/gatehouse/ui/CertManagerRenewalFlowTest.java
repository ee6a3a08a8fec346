package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ui.certs.CertificateRow;
import dev.gatehouse.ui.certs.CertificatesView;
import dev.gatehouse.ui.common.Status;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates → a Secret cert-manager owns → "cert-manager renewal": the demo's healthy renewal, an Issuer that is
 * not Ready and an HTTP-01 challenge whose solver has no endpoints, read from the cluster in a real window.
 */
class CertManagerRenewalFlowTest {
    @TempDir
    Path home;
    private final GuiTestSupport gui = new GuiTestSupport();
    private TableView<CertificateRow> table;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void openTheScreen() throws Exception {
        gui.startOnDemo(home);
        gui.robot().clickOn("#nav-certificates");
        CertificatesView view = gui.node("screen-certificates", CertificatesView.class);
        table = gui.node("certs-table", TableView.class);
        GuiTestSupport.await(30, () -> view.viewModel().allRows().stream().anyMatch(r -> r.key().equals("platform/wiki-tls")));
    }

    @AfterEach
    void stop() throws Exception {
        gui.stop();
    }

    private void select(String key) throws Exception {
        gui.robot().interact(() -> gui.node("certs-filter", TextField.class).setText(key.substring(key.indexOf('/') + 1)));
        GuiTestSupport.await(10, () -> table.getItems().stream().anyMatch(r -> r.key().equals(key)));
        gui.robot().interact(() -> table.getItems().stream().filter(r -> r.key().equals(key)).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r)));
    }

    private String headline() {
        return gui.node("renewal-headline", Label.class).getText();
    }

    @Test
    void eachDemoRenewalTellsItsStory() throws Exception {
        select("platform/grafana-tls");
        GuiTestSupport.await(20, () -> gui.node("renewal-summary", Label.class).isVisible() && headline().contains("is Ready"));
        assertThat(gui.node("renewal-summary", Label.class).getText()).startsWith("cert-manager: Certificate platform/grafana is Ready");
        gui.robot().clickOn("#cert-tab-renewal");
        GuiTestSupport.await(10, () -> gui.node("cert-renewal", Node.class).isVisible());
        assertThat(headline()).startsWith("Certificate platform/grafana is Ready; cert-manager renews it on");
        assertThat(gui.node("renewal-headline", Label.class).getStyleClass()).contains(Status.OK.styleClass());

        select("platform/docs-tls");
        GuiTestSupport.await(20, () -> headline().startsWith("Not renewing"));
        assertThat(headline()).startsWith("Not renewing: Issuer platform/letsencrypt-staging not Ready");
        assertThat(gui.node("renewal-fix", Label.class).getText()).contains("spec.acme.email");
        assertThat(gui.node("renewal-headline", Label.class).getStyleClass()).contains(Status.ERROR.styleClass());

        select("platform/wiki-tls");
        GuiTestSupport.await(20, () -> headline().contains("HTTP-01"));
        assertThat(headline()).contains("solver Service platform/cm-acme-http-solver-q7x2k has no ready endpoints");
        assertThat(gui.node("renewal-step-4", Node.class).getProperties().get("state")).isEqualTo("BLOCKED");
        gui.robot().clickOn("#renewal-refresh");
        GuiTestSupport.await(20, () -> headline().contains("HTTP-01"));
    }

    @Test
    void aSecretCertManagerDoesNotOwnShowsNoRenewalPane() throws Exception {
        select("shop/storefront-tls");
        GuiTestSupport.await(10, () -> gui.exists("cert-detail-title")
                && gui.node("cert-detail-title", Label.class).getText().equals("shop/storefront-tls"));
        assertThat(gui.node("renewal-summary", Label.class).isVisible()).isFalse();
        assertThat(gui.node("cert-tabs", javafx.scene.control.TabPane.class).getTabs().get(1).isDisable()).isTrue();
        assertThat(gui.node("cert-tabs", javafx.scene.control.TabPane.class).getSelectionModel().getSelectedIndex()).isZero();
    }
}
