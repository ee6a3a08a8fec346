package dev.gatehouse.bench;

import dev.gatehouse.cluster.CacheStatus;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.NamespaceScope;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.ingress.IngressesViewModel;
import dev.gatehouse.ui.overview.OverviewViewModel;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * bench/cluster-scale.sh's measuring half: against a running demo cluster (its kubeconfig as the
 * argument), seeds N Ingresses and N TLS Secrets, then connects the GUI's view models and reports
 * time to fully listed, peak heap, and the longest FX-thread stall while listing and while 500
 * updates stream in. Prints {@code name=value unit} lines.
 */
public final class ClusterScaleBench {
    private static final String NS = "bulk";
    private static final AtomicLong maxStallNanos = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Path kubeconfig = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            seed(client, n);
        }
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        Platform.startup(() -> { });
        ScheduledHeartbeat heartbeat = new ScheduledHeartbeat();
        FxBackground background = new FxBackground();
        KubeconfigSource source = KubeconfigSource.fromFile(kubeconfig);
        long t0 = System.nanoTime();
        ClusterSession session = ClusterSession.open(source, "gatehouse-demo", NamespaceScope.all(), FxBackground::onFx);
        ReadOnlyObjectWrapper<ClusterSession> sessionProperty = new ReadOnlyObjectWrapper<>();
        var report = new SimpleObjectProperty<>(new DiagnosticReport(List.of()));
        IngressesViewModel[] ingresses = new IngressesViewModel[1];
        OverviewViewModel[] overview = new OverviewViewModel[1];
        onFx(() -> {
            ingresses[0] = new IngressesViewModel(sessionProperty.getReadOnlyProperty(), background::execute, report,
                    new dev.gatehouse.cluster.write.BackupStore(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "gatehouse-bench-backups")),
                    Clock.systemUTC());
            overview[0] = new OverviewViewModel(sessionProperty.getReadOnlyProperty(), report, background,
                    Clock.systemUTC());
            sessionProperty.set(session);
        });
        int expectedIngresses = n + 13;
        await(120, () -> session.ingresses().status() instanceof CacheStatus.Ready
                && session.secrets().status() instanceof CacheStatus.Ready);
        System.out.println("# caches listed after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
        await(120, () -> onFxGet(() -> ingresses[0].rows().size() >= expectedIngresses));
        System.out.println("# Ingress table filled after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
        await(120, () -> onFxGet(() -> ingresses[0].rows().size() >= expectedIngresses
                && overview[0].namespaces().stream().filter(c -> c.namespace().equals(NS)).anyMatch(c -> c.tlsSecrets() >= n)));
        long listedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        long listStallMs = TimeUnit.NANOSECONDS.toMillis(maxStallNanos.getAndSet(0));

        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            long u0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CompletableFuture<?>[] all = new CompletableFuture<?>[500];
            for (int i = 0; i < 500; i++) {
                int k = i;
                all[i] = CompletableFuture.runAsync(() -> client.network().v1().ingresses().inNamespace(NS)
                        .withName("bulk-" + k).edit(ing -> new IngressBuilder(ing).editMetadata()
                                .addToAnnotations("gatehouse.dev/bench", "updated").endMetadata().build()), pool);
            }
            CompletableFuture.allOf(all).get(120, TimeUnit.SECONDS);
            pool.shutdown();
            await(60, () -> onFxGet(() -> ingresses[0].rows().stream().filter(r -> r.namespace().equals(NS))
                    .filter(r -> "updated".equals(r.ingress().getMetadata().getAnnotations() == null ? null
                            : r.ingress().getMetadata().getAnnotations().get("gatehouse.dev/bench"))).count() >= 500));
            System.out.println("# 500 updates applied in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - u0) + " ms");
        }
        long updateStallMs = TimeUnit.NANOSECONDS.toMillis(maxStallNanos.get());
        long peakHeapMb = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        heartbeat.stop();
        System.out.println("listed_ms=" + listedMs + " ms");
        System.out.println("peak_heap=" + peakHeapMb + " MB");
        System.out.println("fx_stall_listing=" + listStallMs + " ms");
        System.out.println("fx_stall_updates=" + updateStallMs + " ms");
        session.close();
        background.close();
        Platform.exit();
        System.exit(0);
    }

    private static void seed(KubernetesClient client, int n) throws Exception {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .createOr(existing -> existing.update());
        CertificateBundle cert = CertificateBuilder.create(Clock.systemUTC()).subject("CN=bulk.example.com").sans("*.bulk.example.com").build();
        Map<String, String> data = Map.of(
                "tls.crt", Base64.getEncoder().encodeToString(cert.chainPem().getBytes(StandardCharsets.US_ASCII)),
                "tls.key", Base64.getEncoder().encodeToString(cert.privateKeyPem().getBytes(StandardCharsets.US_ASCII)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CompletableFuture<?>[] all = new CompletableFuture<?>[n];
        for (int i = 0; i < n; i++) {
            int k = i;
            all[i] = CompletableFuture.runAsync(() -> {
                client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("bulk-" + k + "-tls")
                        .endMetadata().withType("kubernetes.io/tls").withData(data).build()).create();
                client.network().v1().ingresses().inNamespace(NS).resource(new IngressBuilder().withNewMetadata()
                        .withName("bulk-" + k).endMetadata().withNewSpec().withIngressClassName("nginx")
                        .addNewTl().withHosts("h" + k + ".bulk.example.com").withSecretName("bulk-" + k + "-tls").endTl()
                        .addNewRule().withHost("h" + k + ".bulk.example.com").withNewHttp().addNewPath().withPath("/")
                        .withPathType("Prefix").withNewBackend().withNewService().withName("svc-" + (k % 50))
                        .withNewPort().withNumber(80).endPort().endService().endBackend().endPath().endHttp().endRule()
                        .endSpec().build()).create();
            }, pool);
        }
        CompletableFuture.allOf(all).get(600, TimeUnit.SECONDS);
        pool.shutdown();
        System.out.println("# seeded " + n + " Ingresses and " + n + " TLS Secrets");
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            r.run();
            done.complete(null);
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private static boolean onFxGet(BooleanSupplier s) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        Platform.runLater(() -> done.complete(s.getAsBoolean()));
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private static void await(int seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out after " + seconds + " s");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** Posts a no-op to the FX thread every 5 ms and records the longest wait before it ran. */
    private static final class ScheduledHeartbeat {
        private final java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        ScheduledHeartbeat() {
            timer.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                Platform.runLater(() -> maxStallNanos.accumulateAndGet(System.nanoTime() - posted, Math::max));
            }, 5, 5, TimeUnit.MILLISECONDS);
        }

        void stop() {
            timer.shutdownNow();
        }
    }
}
