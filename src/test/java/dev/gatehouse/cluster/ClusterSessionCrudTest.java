package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The caches against fabric8's mock API server in CRUD mode. */
class ClusterSessionCrudTest {

    static final SessionSettings FAST = new SessionSettings(Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofMillis(100), Duration.ofSeconds(1), 0);

    @TempDir
    Path dir;

    private MockCluster cluster;
    private ExecutorService ui;
    private final Set<String> callbackThreads = ConcurrentHashMap.newKeySet();
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
        ClusterSession session = ClusterSession.open(source, "mock", scope, FAST, task -> ui.execute(() -> {
            callbackThreads.add(Thread.currentThread().getName());
            task.run();
        }));
        sessions.add(session);
        return session;
    }

    private static void awaitConnected(ClusterSession session) {
        Await.until("connected", () -> session.state() instanceof ConnectionState.Connected, session::toString);
    }

    @Test
    void createUpdateDeleteOfEveryKindShowUpInTheCachesAndFireListeners() throws Exception {
        ClusterSession session = open(NamespaceScope.all());
        Recorder<io.fabric8.kubernetes.api.model.networking.v1.Ingress> ingresses = Recorder.of();
        Recorder<SecretSummary> secrets = Recorder.ofSecrets();
        Recorder<io.fabric8.kubernetes.api.model.Service> services = Recorder.of();
        Recorder<io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice> slices = Recorder.of();
        Recorder<io.fabric8.kubernetes.api.model.networking.v1.IngressClass> classes = Recorder.of();
        session.ingresses().addListener(ingresses);
        session.secrets().addListener(secrets);
        session.services().addListener(services);
        session.endpointSlices().addListener(slices);
        session.ingressClasses().addListener(classes);
        List<String> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        session.onStateChange(s -> states.add(s.toString()));

        awaitConnected(session);
        assertThat(session.state()).isEqualTo(new ConnectionState.Connected(MockCluster.VERSION));
        assertThat(ingresses.events()).contains("status Ready[]");

        KubernetesClient k = cluster.client();
        k.network().v1().ingresses().inNamespace("shop").resource(new IngressBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withIngressClassName("nginx").addNewRule().withHost("shop.example").endRule().endSpec()
                .build()).create();
        k.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("web-tls").endMetadata()
                .withType("kubernetes.io/tls").addToData("tls.crt", b64("CERT")).addToData("tls.key", b64("KEY"))
                .build()).create();
        k.services().inNamespace("shop").resource(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build()).create();
        k.discovery().v1().endpointSlices().inNamespace("shop").resource(new EndpointSliceBuilder()
                .withNewMetadata().withName("web-abc").addToLabels("kubernetes.io/service-name", "web").endMetadata()
                .withAddressType("IPv4").addNewEndpoint().withAddresses("10.0.0.7").endEndpoint().build()).create();
        k.network().v1().ingressClasses().resource(new IngressClassBuilder().withNewMetadata().withName("nginx")
                .endMetadata().withNewSpec().withController("k8s.io/ingress-nginx").endSpec().build()).create();

        Await.until("adds", () -> ingresses.saw("add shop/web") && secrets.saw("add shop/web-tls")
                && services.saw("add shop/web") && slices.saw("add shop/web-abc") && classes.saw("add nginx"));
        assertThat(session.ingresses().get("shop", "web")).get()
                .satisfies(i -> assertThat(i.getSpec().getRules().get(0).getHost()).isEqualTo("shop.example"));
        assertThat(session.secrets().get("shop", "web-tls")).get()
                .satisfies(s -> assertThat(s.tlsCrt()).get().isEqualTo(bytes("CERT")));
        assertThat(session.services().list("shop")).extracting(s -> s.getMetadata().getName()).containsExactly("web");
        assertThat(session.endpointSlices().list()).hasSize(1);
        assertThat(session.ingressClasses().get(null, "nginx")).isPresent();

        Function<HasMetadata, HasMetadata> relabel = o -> {
            o.getMetadata().getLabels().put("rev", "2");
            return o;
        };
        k.network().v1().ingresses().inNamespace("shop").withName("web").edit(i -> {
            i.getMetadata().setLabels(new java.util.HashMap<>(java.util.Map.of("rev", "2")));
            return i;
        });
        k.secrets().inNamespace("shop").withName("web-tls").edit(s -> {
            s.getData().put("tls.crt", b64("RENEWED"));
            return s;
        });
        k.services().inNamespace("shop").withName("web").edit(s -> {
            s.getSpec().getPorts().get(0).setPort(8080);
            return s;
        });
        k.discovery().v1().endpointSlices().inNamespace("shop").withName("web-abc")
                .edit(e -> (io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice) relabel.apply(e));
        k.network().v1().ingressClasses().withName("nginx").edit(c -> {
            c.getSpec().setController("example.com/other");
            return c;
        });

        Await.until("updates", () -> ingresses.saw("update shop/web") && secrets.saw("update shop/web-tls")
                && services.saw("update shop/web") && slices.saw("update shop/web-abc")
                && classes.saw("update nginx"), () -> ingresses.events().toString());
        assertThat(session.ingresses().get("shop", "web")).get()
                .satisfies(i -> assertThat(i.getMetadata().getLabels()).containsEntry("rev", "2"));
        assertThat(session.secrets().get("shop", "web-tls")).get()
                .satisfies(s -> assertThat(s.tlsCrt()).get().isEqualTo(bytes("RENEWED")));
        assertThat(session.services().get("shop", "web")).get()
                .satisfies(s -> assertThat(s.getSpec().getPorts().get(0).getPort()).isEqualTo(8080));
        assertThat(session.ingressClasses().get("", "nginx")).get()
                .satisfies(c -> assertThat(c.getSpec().getController()).isEqualTo("example.com/other"));

        k.network().v1().ingresses().inNamespace("shop").withName("web").delete();
        k.secrets().inNamespace("shop").withName("web-tls").delete();
        k.services().inNamespace("shop").withName("web").delete();
        k.discovery().v1().endpointSlices().inNamespace("shop").withName("web-abc").delete();
        k.network().v1().ingressClasses().withName("nginx").delete();

        Await.until("deletes", () -> ingresses.saw("delete shop/web") && secrets.saw("delete shop/web-tls")
                && services.saw("delete shop/web") && slices.saw("delete shop/web-abc") && classes.saw("delete nginx"));
        assertThat(session.ingresses().get("shop", "web")).isEmpty();
        assertThat(session.secrets().list()).isEmpty();
        assertThat(session.services().list()).isEmpty();
        assertThat(session.endpointSlices().list()).isEmpty();
        assertThat(session.ingressClasses().list()).isEmpty();

        assertThat(states).isNotEmpty().allMatch(st -> st.startsWith("Connect"));
        assertThat(states).last().asString().startsWith("Connected");
        assertThat(callbackThreads).containsExactly("fake-fx-thread");
    }

    @Test
    void aSingleNamespaceScopeShowsOnlyThatNamespace() throws Exception {
        KubernetesClient k = cluster.client();
        for (String ns : List.of("shop", "other")) {
            k.network().v1().ingresses().inNamespace(ns).resource(new IngressBuilder()
                    .withNewMetadata().withName("web").endMetadata().build()).create();
            k.services().inNamespace(ns).resource(new ServiceBuilder()
                    .withNewMetadata().withName("web").endMetadata().build()).create();
        }
        k.network().v1().ingressClasses().resource(new IngressClassBuilder().withNewMetadata().withName("nginx")
                .endMetadata().build()).create();

        ClusterSession session = open(NamespaceScope.only("shop"));
        Recorder<io.fabric8.kubernetes.api.model.networking.v1.Ingress> ingresses = Recorder.of();
        session.ingresses().addListener(ingresses);
        awaitConnected(session);

        assertThat(session.ingresses().list()).extracting(i -> i.getMetadata().getNamespace()).containsExactly("shop");
        assertThat(session.services().list()).extracting(i -> i.getMetadata().getNamespace()).containsExactly("shop");
        assertThat(session.ingresses().get("other", "web")).isEmpty();
        assertThat(session.ingressClasses().list()).hasSize(1); // cluster-scoped

        // a change in another namespace never arrives; one in "shop" does (and comes after it)
        k.network().v1().ingresses().inNamespace("other").resource(new IngressBuilder()
                .withNewMetadata().withName("late").endMetadata().build()).create();
        k.network().v1().ingresses().inNamespace("shop").resource(new IngressBuilder()
                .withNewMetadata().withName("late").endMetadata().build()).create();
        Await.until("shop/late", () -> ingresses.saw("add shop/late"), () -> ingresses.events().toString());
        assertThat(ingresses.events()).doesNotContain("add other/late", "add other/web");
    }

    @Test
    void secretsKeepOnlyTheTlsKeysAndNoLastAppliedCopy() throws Exception {
        cluster.client().secrets().inNamespace("shop").resource(new SecretBuilder()
                .withNewMetadata().withName("mixed")
                .addToAnnotations(SecretSummary.LAST_APPLIED, "{\"data\":{\"password\":\"" + b64("hunter2") + "\"}}")
                .addToAnnotations("cert-manager.io/certificate-name", "web")
                .endMetadata()
                .withType("kubernetes.io/tls")
                .addToData("tls.crt", b64("CERT")).addToData("tls.key", b64("KEY")).addToData("ca.crt", b64("CA"))
                .addToData("password", b64("hunter2"))
                .build()).create();
        ClusterSession session = open(NamespaceScope.all());
        awaitConnected(session);

        SecretSummary s = session.secrets().get("shop", "mixed").orElseThrow();
        assertThat(s.isTls()).isTrue();
        assertThat(s.dataKeys()).containsExactly("ca.crt", "password", "tls.crt", "tls.key");
        assertThat(s.tlsCrt()).get().isEqualTo(bytes("CERT"));
        assertThat(s.caCrt()).get().isEqualTo(bytes("CA"));
        assertThat(s.tlsKey()).get().isEqualTo(bytes("KEY"));
        assertThat(s.annotations()).containsOnlyKeys("cert-manager.io/certificate-name");
        assertThat(s.toString()).isEqualTo("Secret shop/mixed (kubernetes.io/tls, keys [ca.crt, password, tls.crt, tls.key])");

        // what the informer itself stores
        InformerCache<?, ?> cache = (InformerCache<?, ?>) session.secrets();
        assertThat(cache.toString()).doesNotContain("hunter2");
        io.fabric8.kubernetes.api.model.Secret stored = SecretItemStore.strip(cluster.client().secrets()
                .inNamespace("shop").withName("mixed").get());
        assertThat(stored.getData()).containsEntry("password", "").containsEntry("tls.key", b64("KEY"));
        assertThat(stored.getMetadata().getAnnotations()).doesNotContainKey(SecretSummary.LAST_APPLIED);
    }

    @Test
    void namespacesAreListedSorted() throws Exception {
        for (String ns : List.of("zeta", "alpha")) {
            cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
                    .endMetadata().build()).create();
        }
        ClusterSession session = open(NamespaceScope.all());
        awaitConnected(session);
        assertThat(session.namespaces().get(5, java.util.concurrent.TimeUnit.SECONDS)).containsExactly("alpha", "zeta");
    }

    @Test
    void closeStopsEverythingQuickly() throws Exception {
        ClusterSession session = open(NamespaceScope.all());
        Recorder<io.fabric8.kubernetes.api.model.networking.v1.Ingress> closedOne = Recorder.of();
        session.ingresses().addListener(closedOne);
        awaitConnected(session);

        long start = System.nanoTime();
        session.close();
        session.close(); // idempotent
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(session.client()).isEmpty();
        Await.until("session threads gone", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals(session.threadName()) && t.isAlive()));

        // a second session is the control: once it sees the new Ingress, the closed one would have too
        ClusterSession control = open(NamespaceScope.all());
        Recorder<io.fabric8.kubernetes.api.model.networking.v1.Ingress> controlRecorder = Recorder.of();
        control.ingresses().addListener(controlRecorder);
        awaitConnected(control);
        cluster.client().network().v1().ingresses().inNamespace("shop").resource(new IngressBuilder()
                .withNewMetadata().withName("after-close").endMetadata().build()).create();
        Await.until("control sees it", () -> controlRecorder.saw("add shop/after-close"));
        assertThat(closedOne.events()).doesNotContain("add shop/after-close");
        assertThat(session.ingresses().get("shop", "after-close")).isEmpty();
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(bytes(s));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
