package dev.gatehouse.bench;

import dev.gatehouse.app.AppDirs;
import dev.gatehouse.cluster.write.BackupStore;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.connection.ConnectionViewModel;
import dev.gatehouse.ui.common.diagnostics.LiveDiagnostics;
import dev.gatehouse.ui.gateway.GatewaysViewModel;
import dev.gatehouse.ui.ingress.IngressesViewModel;
import dev.gatehouse.ui.route.RoutesViewModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Platform;

/**
 * bench/route-scale.sh's GUI half: the window's view models (connection with its routing service, live
 * diagnostics, Ingresses, Gateways and HTTPRoutes screens) connected to a running demo cluster, first as
 * the demo seeds it, then after the bench's Ingresses and HTTPRoutes (the directories given) are created
 * in it. Prints the heap in use after a full GC both times and the difference: what holding that
 * configuration costs the GUI. Arguments: KUBECONFIG INGRESS_DIR GATEWAY_DIR HOSTS.
 */
public final class RouteScaleGuiBench {

    public static void main(String[] args) throws Exception {
        Path kubeconfig = Path.of(args[0]);
        List<Path> dirs = List.of(Path.of(args[1]), Path.of(args[2]));
        int hosts = Integer.parseInt(args[3]);
        Path home = Files.createTempDirectory("gatehouse-route-scale");
        Platform.startup(() -> { });
        FxBackground background = new FxBackground();
        Clock clock = Clock.systemUTC();
        Object[] models = onFx(() -> {
            ConnectionViewModel connection = new ConnectionViewModel(background,
                    new AppDirs(home.resolve("config"), home.resolve("data")), clock);
            LiveDiagnostics diagnostics = new LiveDiagnostics(connection.routingProperty());
            IngressesViewModel ingresses = new IngressesViewModel(connection.sessionProperty(), background::execute,
                    diagnostics.reportProperty(), new BackupStore(home.resolve("data/backups")), clock);
            GatewaysViewModel gateways = new GatewaysViewModel(connection.sessionProperty(), diagnostics.snapshotProperty());
            RoutesViewModel routes = new RoutesViewModel(connection.sessionProperty(), diagnostics.snapshotProperty());
            connection.openKubeconfig(kubeconfig);
            return new Object[] {connection, diagnostics, ingresses, gateways, routes};
        });
        IngressesViewModel ingresses = (IngressesViewModel) models[2];
        RoutesViewModel routes = (RoutesViewModel) models[4];
        await(120, () -> onFx(() -> !ingresses.rows().isEmpty() && !routes.allRows().isEmpty()));
        int baseIngresses = onFx(() -> ingresses.rows().size());
        int baseRoutes = onFx(() -> routes.allRows().size());
        settle();
        long before = usedHeapAfterGc();
        System.out.println("# demo cluster as seeded: " + baseIngresses + " Ingress rows, " + baseRoutes
                + " HTTPRoute rows, heap " + (before >> 20) + " MB");

        long t0 = System.nanoTime();
        seed(kubeconfig, dirs);
        System.out.println("# created the bench objects in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
        await(300, () -> onFx(() -> ingresses.rows().size() >= baseIngresses + hosts
                && routes.allRows().size() >= baseRoutes + hosts));
        System.out.println("# every Ingress and HTTPRoute listed after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
        settle();
        long after = usedHeapAfterGc();
        System.out.println("gui_heap_demo=" + (before >> 20) + " MB");
        System.out.println("gui_heap_loaded=" + (after >> 20) + " MB");
        System.out.println("gui_heap_delta=" + ((after - before) >> 20) + " MB");
        Platform.exit();
        System.exit(0);
    }

    /** Creates every object of the directories' YAML files in the demo cluster, namespace bench first. */
    private static void seed(Path kubeconfig, List<Path> dirs) throws Exception {
        Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build())
                    .createOr(existing -> existing.update());
            List<HasMetadata> objects = new ArrayList<>();
            for (Path dir : dirs) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.sorted().toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            for (HasMetadata o : client.load(in).items()) {
                                if (objects.stream().noneMatch(x -> x.getKind().equals(o.getKind())
                                        && x.getMetadata().getName().equals(o.getMetadata().getName()))) {
                                    objects.add(o);
                                }
                            }
                        }
                    }
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (HasMetadata o : objects) {
                all.add(CompletableFuture.runAsync(() -> client.resource(o).create(), pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(600, TimeUnit.SECONDS);
            pool.shutdown();
        }
    }

    /** Lets the debounced routing service and the background tasks finish before measuring. */
    private static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            TimeUnit.SECONDS.sleep(2);
            onFx(() -> true);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static <T> T onFx(Supplier<T> s) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(s.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(int seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out after " + seconds + " s");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
