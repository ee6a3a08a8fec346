package dev.gatehouse.fleet;

import dev.gatehouse.cluster.ConnectionProblems;
import dev.gatehouse.cluster.KubeconfigException;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.SessionSettings;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads the TLS certificates of many contexts at once: each context on its own one-shot client, at most
 * {@code parallelism} at a time, each bounded by the cluster timeout; a context that fails (unreachable, expired
 * credentials, no RBAC) is a {@link ContextScan.Failed} and never delays or spoils the others.
 */
public final class FleetScanner {

    private final KubeconfigSource source;
    private final SessionSettings settings;
    private final Clock clock;
    private final int parallelism;
    private final CertificateCache certificates;

    /**
     * @param source      the kubeconfig (all files of KUBECONFIG)
     * @param settings    timeouts per context
     * @param clock       "now" for days left
     * @param parallelism how many contexts are read at once (at least 1)
     */
    public FleetScanner(KubeconfigSource source, SessionSettings settings, Clock clock, int parallelism) {
        this(source, settings, clock, parallelism, new CertificateCache());
    }

    /**
     * {@link #FleetScanner(KubeconfigSource, SessionSettings, Clock, int)} analysing certificates through
     * {@code certificates}: each distinct {@code tls.crt} once for all contexts, and not again in later scans with the
     * same cache.
     */
    public FleetScanner(KubeconfigSource source, SessionSettings settings, Clock clock, int parallelism,
                        CertificateCache certificates) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * Scans the contexts and waits for all of them.
     *
     * @param contexts context names (unknown ones are {@link ContextScan.Reason#CONFIG} failures)
     * @param progress called with each context's result as it finishes, on a worker thread
     */
    public FleetReport scan(List<String> contexts, Consumer<ContextScan> progress) {
        Instant now = clock.instant();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, contexts.size())), r -> {
            Thread t = new Thread(r, "gatehouse-fleet-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<ContextScan>> futures = new ArrayList<>();
            for (String context : contexts) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    ContextScan scan = scanOne(context, now);
                    progress.accept(scan);
                    return scan;
                }, pool));
            }
            List<ContextScan> scans = new ArrayList<>();
            for (CompletableFuture<ContextScan> f : futures) {
                scans.add(f.join());
            }
            return new FleetReport(now, scans);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads one context; never throws. */
    ContextScan scanOne(String context, Instant now) {
        if (source.context(context).isEmpty()) {
            return new ContextScan.Failed(context, ContextScan.Reason.CONFIG, "the kubeconfig has no context '"
                    + context + "'");
        }
        long started = System.nanoTime();
        String server = null;
        try (KubernetesClient client = source.oneShotClient(context, settings)) {
            server = client.getMasterUrl() == null ? null : client.getMasterUrl().toString();
            List<String> notes = new ArrayList<>();
            List<Secret> secrets = secrets(client, context, notes);
            Map<String, List<String>> usedBy = usedBy(client, notes);
            List<FleetCertificate> certificates = new ArrayList<>();
            for (Secret s : secrets) {
                if ("kubernetes.io/tls".equals(s.getType())) {
                    certificates.add(FleetCertificates.of(context, s, usedBy, now, this.certificates));
                }
            }
            return new ContextScan.Read(context, server == null ? "" : KubeconfigSource.withoutUserInfo(server),
                    certificates, notes, Duration.ofNanos(System.nanoTime() - started));
        } catch (KubeconfigException e) {
            return new ContextScan.Failed(context, ContextScan.Reason.CONFIG, e.getMessage());
        } catch (KubernetesClientException e) {
            ContextScan.Reason reason = switch (e.getCode()) {
                case 401 -> ContextScan.Reason.UNAUTHORIZED;
                case 403 -> ContextScan.Reason.FORBIDDEN;
                default -> e.getCode() > 0 ? ContextScan.Reason.ERROR : transport(e);
            };
            return new ContextScan.Failed(context, reason, ConnectionProblems.describe(e, server, context));
        } catch (RuntimeException e) {
            return new ContextScan.Failed(context, transport(e), ConnectionProblems.describe(e, server, context));
        }
    }

    /** UNREACHABLE when a network failure is behind {@code e} (refused, unresolvable, timed out), else ERROR. */
    private static ContextScan.Reason transport(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.NoRouteToHostException || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof java.io.IOException && String.valueOf(t.getMessage()).contains("onnection")) {
                return ContextScan.Reason.UNREACHABLE;
            }
        }
        return ContextScan.Reason.ERROR;
    }

    /** Secrets of all namespaces; when that is forbidden, of the context's namespace (with a note). */
    private List<Secret> secrets(KubernetesClient client, String context, List<String> notes) {
        try {
            return client.secrets().inAnyNamespace().list().getItems();
        } catch (KubernetesClientException e) {
            String namespace = source.context(context).flatMap(c -> c.defaultNamespace()).orElse(null);
            if (e.getCode() != 403 || namespace == null) {
                throw e;
            }
            notes.add("may not list Secrets of all namespaces: only namespace " + namespace + " was read");
            return client.secrets().inNamespace(namespace).list().getItems();
        }
    }

    /** Secret {@code namespace/name} → the Ingresses naming it in a tls section. */
    private static Map<String, List<String>> usedBy(KubernetesClient client, List<String> notes) {
        Map<String, List<String>> out = new HashMap<>();
        try {
            for (Ingress ingress : client.network().v1().ingresses().inAnyNamespace().list().getItems()) {
                String ns = ingress.getMetadata().getNamespace();
                List<IngressTLS> tls = ingress.getSpec() == null || ingress.getSpec().getTls() == null ? List.of()
                        : ingress.getSpec().getTls();
                for (IngressTLS t : tls) {
                    if (t.getSecretName() != null) {
                        out.computeIfAbsent(ns + "/" + t.getSecretName(), k -> new ArrayList<>())
                                .add(ns + "/" + ingress.getMetadata().getName());
                    }
                }
            }
        } catch (KubernetesClientException e) {
            notes.add("may not list Ingresses: \"used by\" is unknown");
        }
        return out;
    }
}
