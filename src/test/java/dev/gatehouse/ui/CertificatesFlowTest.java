package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import dev.gatehouse.tls.build.KeyAlgorithm;
import dev.gatehouse.ui.certs.CertificateRow;
import dev.gatehouse.ui.certs.CertificatesView;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.ExpiryBands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Certificates screen against the demo cluster, in a real window: expiry bands, drop to import, renew, undo. */
class CertificatesFlowTest {
    @TempDir
    Path home;
    @TempDir
    Path files;
    private final GuiTestSupport gui = new GuiTestSupport();
    private CertificatesView view;
    private TableView<CertificateRow> table;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void openTheScreen() throws Exception {
        gui.startOnDemo(home);
        gui.robot().clickOn("#nav-certificates");
        view = gui.node("screen-certificates", CertificatesView.class);
        table = gui.node("certs-table", TableView.class);
        GuiTestSupport.await(30, () -> row("shop/catalog-tls").isPresent() && row("shop/storefront-tls").isPresent()
                && row("shop/storefront-tls").get().leaf().isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        gui.stop();
    }

    private Optional<CertificateRow> row(String key) {
        return view.viewModel().allRows().stream().filter(r -> r.key().equals(key)).findFirst();
    }

    private void filter(String text) {
        gui.robot().interact(() -> gui.node("certs-filter", TextField.class).setText(text));
    }

    private void select(String key) throws Exception {
        GuiTestSupport.await(10, () -> table.getItems().stream().anyMatch(r -> r.key().equals(key)));
        gui.robot().interact(() -> table.getItems().stream().filter(r -> r.key().equals(key)).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r)));
    }

    private static String expiry(CertificateBundle bundle) {
        CertificateInfo info = CertificateInfo.of(bundle.certificate(), AppClock.system().instant()); // the app's clock
        return ExpiryBands.text(info.daysLeft(), info.expiry());
    }

    @Test
    void expiredCertificateIsRedThenDropNewFilesRenewWithTheLocalCaAndUndo() throws Exception {
        filter("catalog");
        GuiTestSupport.await(10, () -> gui.exists("expiry-shop-catalog-tls"));
        Label badge = gui.node("expiry-shop-catalog-tls", Label.class);
        assertThat(badge.getText()).isEqualTo("expired 12 days ago");
        assertThat(badge.getStyleClass()).contains(Status.ERROR.styleClass());
        assertThat(row("shop/storefront-tls").orElseThrow().diagnostics()).as("the healthy demo chain raises nothing")
                .isEmpty();

        // Drop a new certificate and key (two files) onto the screen, aimed at catalog-tls.
        CertificateBundle replacement = CertificateBuilder.create(AppClock.system()).subject("CN=catalog.demo.gatehouse.test")
                .sans("catalog.demo.gatehouse.test").serverAuth().algorithm(KeyAlgorithm.EC_P256).build();
        Path crt = Files.writeString(files.resolve("catalog.crt"), replacement.chainPem());
        Path key = Files.writeString(files.resolve("catalog.key"), replacement.privateKeyPem());
        gui.robot().interact(() -> view.drop(List.of(crt, key), Optional.of("shop/catalog-tls")));
        GuiTestSupport.await(30, () -> gui.exists("import-confirm") && !gui.node("import-confirm", Button.class).isDisabled());
        assertThat(gui.node("import-confirm", Button.class).getText()).isEqualTo("Replace Secret");
        assertThat(gui.node("import-summary", VBox.class).getChildren()).extracting(n -> ((Label) n).getText())
                .contains("tls.crt: changed", "tls.key: changed");
        List<String> diff = ((ListView<?>) gui.node("import-diff", ListView.class)).getItems().stream()
                .map(Object::toString).toList();
        assertThat(diff).contains("+   tls.key: changed (value not shown)")
                .noneMatch(line -> line.contains("PRIVATE KEY") || line.contains("sha256"));
        gui.robot().clickOn("#import-confirm");
        String dropped = expiry(replacement);
        GuiTestSupport.await(30, () -> row("shop/catalog-tls").map(CertificateRow::expiryText).orElse("").equals(dropped));
        GuiTestSupport.await(10, () -> gui.node("expiry-shop-catalog-tls", Label.class).getStyleClass()
                .contains(Status.OK.styleClass()));

        // Renew it with Gatehouse's local CA.
        select("shop/catalog-tls");
        gui.robot().clickOn("#certs-renew");
        GuiTestSupport.await(10, () -> gui.exists("renew-preview"));
        gui.robot().clickOn("#renew-preview");
        GuiTestSupport.await(30, () -> !gui.node("renew-confirm", Button.class).isDisabled());
        gui.robot().clickOn("#renew-confirm");
        GuiTestSupport.await(30, () -> row("shop/catalog-tls").map(CertificateRow::issuer).orElse("")
                .startsWith("Gatehouse Local CA"));
        assertThat(Files.isRegularFile(home.resolve("data/local-ca/ca.key"))).isTrue();

        // Undo puts back the certificate that was dropped.
        GuiTestSupport.await(10, () -> gui.showing("certs-undo"));
        gui.robot().clickOn("#certs-undo");
        GuiTestSupport.await(30, () -> row("shop/catalog-tls").map(CertificateRow::issuer).orElse("")
                .equals("catalog.demo.gatehouse.test"));
        assertThat(gui.node("certs-message", Label.class).getText()).startsWith("Restored Secret shop/catalog-tls");
    }

    @Test
    void renewingACertificateAboutToExpireChangesItsBand() throws Exception {
        filter("status-tls");
        GuiTestSupport.await(10, () -> gui.exists("expiry-platform-status-tls"));
        assertThat(gui.node("expiry-platform-status-tls", Label.class).getText()).matches("expires in [45] days");
        assertThat(gui.node("expiry-platform-status-tls", Label.class).getStyleClass()).contains(Status.ERROR.styleClass());

        select("platform/status-tls");
        gui.robot().clickOn("#certs-renew");
        GuiTestSupport.await(10, () -> gui.exists("renew-preview"));
        assertThat(gui.node("renew-sans", javafx.scene.control.TextArea.class).getText())
                .isEqualTo("status.demo.gatehouse.test");
        gui.robot().clickOn("#renew-preview");
        GuiTestSupport.await(30, () -> !gui.node("renew-confirm", Button.class).isDisabled());
        gui.robot().clickOn("#renew-confirm");

        GuiTestSupport.await(30, () -> gui.node("expiry-platform-status-tls", Label.class).getStyleClass()
                .contains(Status.OK.styleClass()));
        assertThat(gui.node("expiry-platform-status-tls", Label.class).getText()).isEqualTo("expires in 89 days");
    }

    @Test
    void droppingAPemPairCreatesANewSecretThatIsListed() throws Exception {
        CertificateBundle pair = CertificateBuilder.create(AppClock.system()).subject("CN=new.demo.gatehouse.test")
                .sans("new.demo.gatehouse.test").serverAuth().build();
        Path pem = Files.writeString(files.resolve("pair.pem"), pair.chainPem() + pair.privateKeyPem());

        gui.robot().interact(() -> view.drop(List.of(pem), Optional.empty()));
        GuiTestSupport.await(10, () -> gui.exists("import-name"));
        gui.robot().interact(() -> {
            gui.node("import-namespace", TextField.class).setText("shop");
            gui.node("import-name", TextField.class).setText("new-tls");
        });
        gui.robot().clickOn("#import-check");
        GuiTestSupport.await(30, () -> !gui.node("import-confirm", Button.class).isDisabled());
        assertThat(gui.node("import-confirm", Button.class).getText()).isEqualTo("Create Secret");
        gui.robot().clickOn("#import-confirm");

        GuiTestSupport.await(30, () -> row("shop/new-tls").flatMap(CertificateRow::leaf).isPresent());
        assertThat(row("shop/new-tls").orElseThrow().subject()).isEqualTo("new.demo.gatehouse.test");
    }
}
