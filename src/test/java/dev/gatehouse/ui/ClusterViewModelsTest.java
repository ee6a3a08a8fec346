package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.AppDirs;
import dev.gatehouse.cluster.MockCluster;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.connection.ConnectionViewModel;
import dev.gatehouse.ui.ingress.IngressRow;
import dev.gatehouse.ui.ingress.IngressesViewModel;
import dev.gatehouse.testing.RefusedPort;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The connection and Ingress view models against fabric8's mock API server (CRUD and expectations). */
class ClusterViewModelsTest {
    @TempDir
    Path home;
    private final FxBackground background = new FxBackground();
    private MockCluster cluster;
    private ConnectionViewModel connection;
    private IngressesViewModel ingresses;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            if (ingresses != null) {
                ingresses.close();
            }
            if (connection != null) {
                connection.close();
            }
            return null;
        });
        background.close();
        if (cluster != null) {
            cluster.close();
        }
    }

    private void connect(Path kubeconfig) throws Exception {
        fx(() -> {
            connection = new ConnectionViewModel(background, new AppDirs(home.resolve("config"), home.resolve("data")),
                    TestCerts.CLOCK);
            ingresses = new IngressesViewModel(connection.sessionProperty(), background::execute,
                    new SimpleObjectProperty<>(new DiagnosticReport(List.of())),
                    new dev.gatehouse.cluster.write.BackupStore(home.resolve("data/backups")), TestCerts.CLOCK);
            connection.openKubeconfig(kubeconfig);
            return null;
        });
    }

    @Test
    void createUpdateDeleteShowUpAndTheSelectionSurvivesUpdates() throws Exception {
        cluster = MockCluster.start();
        cluster.client().network().v1().ingresses().inNamespace("shop").resource(ingress("web", "a.example.com")).create();
        connect(cluster.kubeconfig(home));
        GuiTestSupport.awaitConnected(connection);
        assertThat(connection.statusProperty().get()).isEqualTo(Status.OK);
        GuiTestSupport.await(10, () -> names().contains("web"));

        cluster.client().network().v1().ingresses().inNamespace("shop").resource(ingress("api", "api.example.com")).create();
        GuiTestSupport.await(10, () -> names().contains("api"));
        assertThat(ingresses.countProperty().get()).isEqualTo("2 Ingresses");

        IngressRow api = fx(() -> ingresses.rows().stream().filter(r -> r.name().equals("api")).findFirst().orElseThrow());
        fx(() -> {
            ingresses.selectedProperty().set(api);
            return null;
        });
        cluster.client().network().v1().ingresses().inNamespace("shop").resource(ingress("api", "api2.example.com")).update();
        GuiTestSupport.await(10, () -> ingresses.rows().stream().anyMatch(r -> r.hosts().equals("api2.example.com")));
        GuiTestSupport.await(5, () -> ingresses.selectedProperty().get() != null
                && ingresses.selectedProperty().get().hosts().equals("api2.example.com"));
        assertThat(ingresses.detailsProperty().get().yaml()).contains("api2.example.com");

        fx(() -> {
            ingresses.filterProperty().set("api2");
            return null;
        });
        assertThat(names()).containsExactly("api");
        assertThat(ingresses.countProperty().get()).isEqualTo("1 of 2 Ingresses");

        cluster.client().network().v1().ingresses().inNamespace("shop").withName("api").delete();
        GuiTestSupport.await(10, () -> names().isEmpty());
        GuiTestSupport.await(5, () -> ingresses.selectedProperty().get() == null);

        // Delete from Gatehouse: backed up first, undo brings it back.
        fx(() -> {
            ingresses.filterProperty().set("");
            ingresses.selectedProperty().set(ingresses.rows().get(0));
            return null;
        });
        assertThat(fx(() -> ingresses.deleteSelected()).get().message()).isEqualTo("Deleted Ingress shop/web");
        GuiTestSupport.await(10, () -> !names().contains("web"));
        fx(() -> ingresses.undoDelete()).get();
        GuiTestSupport.await(10, () -> names().contains("web"));
    }

    @Test
    void forbiddenSecretsDegradeTheConnectionButIngressesStillWork() throws Exception {
        cluster = MockCluster.start();
        cluster.server().expect().get().withPath("/api/v1/secrets?resourceVersion=0")
                .andReturn(403, MockCluster.status(403, "Forbidden", "secrets is forbidden")).always();
        cluster.client().network().v1().ingresses().inNamespace("shop").resource(ingress("web", "a.example.com")).create();
        connect(cluster.kubeconfig(home));
        GuiTestSupport.await(20, () -> connection.statusTextProperty().get().startsWith("Degraded"));
        assertThat(connection.statusProperty().get()).isEqualTo(Status.WARNING);
        assertThat(connection.statusDetailProperty().get()).contains("no permission to list secrets");
        GuiTestSupport.await(10, () -> names().contains("web"));
    }

    @Test
    void unreachableServerSaysSoAndOffersRetry() throws Exception {
        try (RefusedPort refused = RefusedPort.open()) {
            int port = refused.port();
            Path kubeconfig = Files.writeString(home.resolve("dead.yaml"), """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: dead, cluster: {server: "http://127.0.0.1:%d"}}]
                    users: [{name: u, user: {token: t}}]
                    contexts: [{name: dead, context: {cluster: dead, user: u}}]
                    current-context: dead
                    """.formatted(port));
            connect(kubeconfig);
            GuiTestSupport.await(30, () -> connection.statusTextProperty().get().equals("Unreachable"));
            assertThat(connection.statusProperty().get()).isEqualTo(Status.ERROR);
            assertThat(connection.retryableProperty().get()).isTrue();
            assertThat(connection.statusDetailProperty().get()).contains("connection refused");
        }
    }

    @Test
    void brokenKubeconfigIsAPlainMessage() throws Exception {
        Path broken = Files.writeString(home.resolve("broken.yaml"), "apiVersion: v1\nkind: Config\ncontexts: [[[\n");
        connect(broken);
        GuiTestSupport.await(10, () -> connection.statusTextProperty().get().equals("Kubeconfig unusable"));
        assertThat(connection.sourceProblemProperty().get()).contains("broken.yaml");
    }

    private List<String> names() {
        try {
            return fx(() -> ingresses.rows().stream().map(IngressRow::name).toList());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    private static Ingress ingress(String name, String host) {
        return new IngressBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewSpec().withIngressClassName("nginx").addNewRule().withHost(host).withNewHttp().addNewPath()
                .withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName(name)
                .withNewPort().withNumber(80).endPort().endService().endBackend().endPath().endHttp().endRule()
                .endSpec().build();
    }
}
