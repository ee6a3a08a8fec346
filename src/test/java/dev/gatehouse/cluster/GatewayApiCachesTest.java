package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicyBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrantBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import dev.gatehouse.routing.input.ClusterView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Gateway API caches against fabric8's mock API server in CRUD mode: a cluster without the CRDs is
 * normal (discovery says so, nothing is listed, nothing is reported); with the CRDs (created in the mock,
 * which then answers discovery for them) objects reach the {@link SessionClusterView}; a 403 on one kind is
 * reported for that kind alone.
 */
class GatewayApiCachesTest {

    private static final String GROUP = "gateway.networking.k8s.io";
    /** plural, kind, namespaced: what the Gateway API v1.5+ standard channel installs. */
    private static final List<Object[]> KINDS = List.of(
            new Object[] {"gatewayclasses", "GatewayClass", false}, new Object[] {"gateways", "Gateway", true},
            new Object[] {"listenersets", "ListenerSet", true}, new Object[] {"httproutes", "HTTPRoute", true},
            new Object[] {"grpcroutes", "GRPCRoute", true}, new Object[] {"tlsroutes", "TLSRoute", true},
            new Object[] {"referencegrants", "ReferenceGrant", true},
            new Object[] {"backendtlspolicies", "BackendTLSPolicy", true});

    @TempDir
    Path dir;

    private MockCluster cluster;
    private ExecutorService ui;
    private final List<ClusterSession> sessions = new ArrayList<>();

    @BeforeEach
    void start() {
        cluster = MockCluster.start();
        ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx-thread"));
    }

    @AfterEach
    void stop() {
        sessions.forEach(ClusterSession::close);
        ui.shutdownNow();
        cluster.close();
    }

    private ClusterSession open(NamespaceScope scope) throws Exception {
        KubeconfigSource source = KubeconfigSource.fromFile(cluster.kubeconfig(dir));
        ClusterSession session = ClusterSession.open(source, "mock", scope, ClusterSessionCrudTest.FAST, ui::execute);
        sessions.add(session);
        return session;
    }

    private void installGatewayApiCrds() {
        for (Object[] k : KINDS) {
            cluster.client().apiextensions().v1().customResourceDefinitions().resource(crd((String) k[0],
                    (String) k[1], (Boolean) k[2])).create();
        }
    }

    private static CustomResourceDefinition crd(String plural, String kind, boolean namespaced) {
        return new CustomResourceDefinitionBuilder().withNewMetadata().withName(plural + "." + GROUP).endMetadata()
                .withNewSpec().withGroup(GROUP).withScope(namespaced ? "Namespaced" : "Cluster")
                .withNewNames().withPlural(plural).withKind(kind).withSingular(kind.toLowerCase()).endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSubresources().withNewStatus().endStatus().endSubresources().endVersion()
                .endSpec().build();
    }

    @Test
    void aClusterWithoutTheCrdsIsConnectedWithNoGatewayObjectsAndNoProblem() throws Exception {
        ClusterSession session = open(NamespaceScope.all());
        SessionSync.awaitSynced(session);

        assertThat(session.state()).isEqualTo(new ConnectionState.Connected(MockCluster.VERSION));
        assertThat(session.gatewayApi().served()).isFalse();
        assertThat(session.gatewayApi().httpRoutes().status()).isEqualTo(new CacheStatus.NotServed(
                "the cluster does not serve httproutes (gateway.networking.k8s.io/v1): its CRD is not installed"));
        assertThat(session.gatewayApi().gatewayClasses().status()).isInstanceOf(CacheStatus.NotServed.class);
        SessionClusterView view = new SessionClusterView(session);
        assertThat(view.gateways()).isEmpty();
        assertThat(view.httpRoutes()).isEmpty();
        assertThat(view.hasGatewayApi()).isFalse();
        // no list or watch of a kind the cluster does not serve was ever sent
        assertThat(cluster.requests()).noneMatch(r -> r.startsWith("GET /apis/" + GROUP + "/v1/"));
        // ConfigMaps and Namespaces are core kinds: listed all the same
        assertThat(session.gatewayApi().configMaps().status()).isEqualTo(CacheStatus.READY);
        assertThat(session.gatewayApi().namespaces().status()).isEqualTo(CacheStatus.READY);
    }

    @Test
    void objectsCreatedUpdatedAndDeletedReachTheView() throws Exception {
        installGatewayApiCrds();
        ClusterSession session = open(NamespaceScope.all());
        Recorder<HTTPRoute> routes = Recorder.of();
        session.gatewayApi().httpRoutes().addListener(routes);
        SessionSync.awaitSynced(session);
        assertThat(session.state()).isEqualTo(new ConnectionState.Connected(MockCluster.VERSION));
        assertThat(session.gatewayApi().served()).isTrue();

        KubernetesClient k = cluster.client();
        k.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("web")
                .addToLabels("gateway-access", "true").endMetadata().build()).create();
        k.resources(io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass.class).resource(new GatewayClassBuilder()
                .withNewMetadata().withName("eg").endMetadata()
                .withNewSpec().withControllerName("gateway.envoyproxy.io/gatewayclass-controller").endSpec().build())
                .create();
        k.resources(io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class).inNamespace("edge")
                .resource(new GatewayBuilder().withNewMetadata().withName("main").endMetadata()
                        .withNewSpec().withGatewayClassName("eg").addNewListener().withName("https").withPort(443)
                        .withProtocol("HTTPS").withHostname("*.gw.example").endListener().endSpec().build()).create();
        k.resources(HTTPRoute.class).inNamespace("web").resource(new HTTPRouteBuilder()
                .withNewMetadata().withName("shop").endMetadata()
                .withNewSpec().addNewParentRef().withName("main").withNamespace("edge").endParentRef()
                .withHostnames("shop.gw.example").endSpec().build()).create();
        k.resources(io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant.class).inNamespace("certs")
                .resource(new ReferenceGrantBuilder().withNewMetadata().withName("edge-to-certs").endMetadata()
                        .withNewSpec().addNewFrom().withGroup(GROUP).withKind("Gateway").withNamespace("edge").endFrom()
                        .addNewTo().withGroup("").withKind("Secret").endTo().endSpec().build()).create();
        k.resources(BackendTLSPolicy.class).inNamespace("web").resource(new BackendTLSPolicyBuilder()
                .withNewMetadata().withName("vault").endMetadata()
                .withNewSpec().addNewTargetRef().withGroup("").withKind("Service").withName("vault").endTargetRef()
                .withNewValidation().withHostname("vault.web.svc").addNewCaCertificateRef().withGroup("")
                .withKind("ConfigMap").withName("vault-ca").endCaCertificateRef().endValidation().endSpec().build())
                .create();
        k.configMaps().inNamespace("web").resource(new ConfigMapBuilder().withNewMetadata().withName("vault-ca")
                .endMetadata().addToData("ca.crt", "-----BEGIN CERTIFICATE-----\n...")
                .addToData("notes.txt", "a large value Gatehouse does not keep").build()).create();

        SessionClusterView view = new SessionClusterView(session);
        Await.until("objects in the view", () -> view.gatewayClasses().size() == 1 && view.gateways().size() == 1
                && view.httpRoutes().size() == 1 && view.referenceGrants().size() == 1
                && view.backendTlsPolicies().size() == 1 && view.configMap("web", "vault-ca").isPresent()
                && view.namespace("web").isPresent(), () -> session.caches().toString());
        assertThat(view.hasGatewayApi()).isTrue();
        assertThat(view.gateways().get(0).getSpec().getListeners().get(0).getHostname()).isEqualTo("*.gw.example");
        assertThat(view.backendTlsPolicies().get(0).getSpec().getValidation().getHostname()).isEqualTo("vault.web.svc");
        assertThat(view.configMap("web", "vault-ca")).get().satisfies(cm -> assertThat(cm.getData())
                .containsEntry("ca.crt", "-----BEGIN CERTIFICATE-----\n...").containsEntry("notes.txt", ""));
        assertThat(view.namespace("web")).get().satisfies(n -> assertThat(n.getMetadata().getLabels())
                .containsEntry("gateway-access", "true"));
        assertThat(view.scope()).isEqualTo(ClusterView.Scope.COMPLETE);
        assertThat(routes.events()).contains("add web/shop");
        assertThat(session.namespaces().get()).as("read from the Namespace cache").contains("web");

        k.resources(HTTPRoute.class).inNamespace("web").withName("shop").edit(r -> {
            r.getSpec().setHostnames(new ArrayList<>(List.of("shop.gw.example", "www.shop.gw.example")));
            return r;
        });
        Await.until("update", () -> routes.saw("update web/shop"), () -> routes.events().toString());
        assertThat(view.httpRoutes().get(0).getSpec().getHostnames()).contains("www.shop.gw.example");

        k.resources(HTTPRoute.class).inNamespace("web").withName("shop").delete();
        k.resources(io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass.class).withName("eg").delete();
        Await.until("deletes", () -> view.httpRoutes().isEmpty() && view.gatewayClasses().isEmpty(),
                () -> session.caches().toString());
        assertThat(routes.events()).contains("delete web/shop");
    }

    @Test
    void crdsInstalledLaterArePickedUpOnReconnect() throws Exception {
        ClusterSession session = open(NamespaceScope.all());
        SessionSync.awaitSynced(session);
        assertThat(session.gatewayApi().httpRoutes().status()).isInstanceOf(CacheStatus.NotServed.class);

        installGatewayApiCrds();
        cluster.client().resources(HTTPRoute.class).inNamespace("web").resource(new HTTPRouteBuilder()
                .withNewMetadata().withName("late").endMetadata().build()).create();
        session.retry();

        Await.until("httproutes served", () -> session.gatewayApi().httpRoutes().status() instanceof CacheStatus.Ready
                && session.gatewayApi().httpRoutes().get("web", "late").isPresent(), () -> session.caches().toString());
        SessionSync.awaitSynced(session);
        assertThat(session.state()).isEqualTo(new ConnectionState.Connected(MockCluster.VERSION));
    }

    @Test
    void aForbiddenKindIsReportedAloneAndTheOthersStillWork() throws Exception {
        installGatewayApiCrds();
        cluster.server().expect().get().withPath("/apis/" + GROUP + "/v1/httproutes?resourceVersion=0")
                .andReturn(403, MockCluster.status(403, "Forbidden", "forbidden")).always();
        cluster.client().resources(io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class).inNamespace("edge")
                .resource(new GatewayBuilder().withNewMetadata().withName("main").endMetadata()
                        .withNewSpec().withGatewayClassName("eg").endSpec().build()).create();
        ClusterSession session = open(NamespaceScope.all());

        Await.until("degraded", () -> session.state() instanceof ConnectionState.Degraded
                && session.gatewayApi().gateways().status() instanceof CacheStatus.Ready, session::toString);
        assertThat(session.state()).isEqualTo(new ConnectionState.Degraded(MockCluster.VERSION,
                List.of("no permission to list httproutes in any namespace")));
        assertThat(session.gatewayApi().httpRoutes().status())
                .isEqualTo(new CacheStatus.Forbidden("no permission to list httproutes in any namespace"));
        assertThat(new SessionClusterView(session).gateways()).extracting(g -> g.getMetadata().getName())
                .containsExactly("main");
        assertThat(session.ingresses().status()).isEqualTo(CacheStatus.READY);
    }

    @Test
    void forbiddenNamespacesAreNormalAndTheViewSaysLabelsAreUnknown() throws Exception {
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("web").endMetadata()
                .build()).create();
        cluster.server().expect().get().withPath("/api/v1/namespaces?resourceVersion=0")
                .andReturn(403, MockCluster.status(403, "Forbidden", "forbidden")).always();
        ClusterSession session = open(NamespaceScope.all());

        Await.until("namespaces forbidden", () -> session.gatewayApi().namespaces().status()
                instanceof CacheStatus.Forbidden && session.state() instanceof ConnectionState.Connected, session::toString);
        SessionClusterView view = new SessionClusterView(session);
        assertThat(view.scope().namespaces()).as("Selector cannot be decided").isFalse();
        assertThat(view.scope().secrets()).isTrue();
        assertThat(view.namespace("web")).isEmpty();
    }

    @Test
    void aOneNamespaceSessionWatchesOnlyItsOwnNamespaceObject() throws Exception {
        installGatewayApiCrds();
        for (String ns : List.of("shop", "other")) {
            cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
                    .withLabels(Map.of("team", ns)).endMetadata().build()).create();
            cluster.client().resources(HTTPRoute.class).inNamespace(ns).resource(new HTTPRouteBuilder()
                    .withNewMetadata().withName("web").endMetadata().build()).create();
        }
        ClusterSession session = open(NamespaceScope.only("shop"));
        SessionSync.awaitSynced(session);

        SessionClusterView view = new SessionClusterView(session);
        assertThat(view.httpRoutes()).extracting(r -> r.getMetadata().getNamespace()).containsExactly("shop");
        assertThat(view.namespace("shop")).isPresent();
        assertThat(view.namespace("other")).isEmpty();
    }
}
