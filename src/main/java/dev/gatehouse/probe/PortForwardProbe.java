package dev.gatehouse.probe;

import dev.gatehouse.cluster.ReadyPod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes a host through a port-forward to a Ready Pod of the controller's Service ({@link ControllerService},
 * {@link ReadyPod}): the lookup and the forward's opening are bounded by the host's timeout, the probe itself by
 * the prober's per-phase timeouts, and the forward is always closed afterwards. What could not be done (no Service,
 * 403 Forbidden, no Ready Pod, a broken forward) is the observation's problem, in plain words.
 */
final class PortForwardProbe {

    private static final Logger LOG = LoggerFactory.getLogger(PortForwardProbe.class);

    private final Optional<KubernetesClient> client;
    private final String cluster;
    private final TlsProber prober;

    PortForwardProbe(Optional<KubernetesClient> client, String cluster, TlsProber prober) {
        this.client = client;
        this.cluster = cluster;
        this.prober = prober;
    }

    /** Where to forward to, or why not. */
    private record Plan(Optional<ReadyPod.Ready> pod, String service, String problem) {
    }

    /**
     * @param host    the host as planned (its target is the published address)
     * @param direct  the failed observation at the published address, when this is a fallback
     * @param because why the published address was given up ("203.0.113.10:443 timed out after 3 s")
     */
    ProbeRoute.Probed probe(PlannedHost host, Optional<Observation> direct, Optional<String> because) {
        if (client.isEmpty()) {
            return failed(host, direct, "a port-forward needs a cluster connection (the objects come from files)");
        }
        Duration timeout = host.target().timeout();
        ControllerService.Clue clue = new ControllerService.Clue(
                host.publisher().map(p -> host.target().address().host()), host.target().address().port(),
                host.publisher());
        ExecutorService lookups = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-probe-forward");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Plan> planning = CompletableFuture.supplyAsync(() -> plan(client.get(), clue), lookups);
        Plan plan;
        try {
            plan = planning.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            planning.cancel(true);
            return failed(host, direct, "the API server of " + cluster + " did not answer the controller's Service"
                    + " lookup within " + NetworkProblems.seconds(timeout));
        } catch (ExecutionException e) {
            return failed(host, direct, "looking up the controller's Service in " + cluster + " failed: "
                    + message(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(host, direct, "the probe was cancelled");
        } finally {
            lookups.shutdownNow();
        }
        if (plan.pod().isEmpty()) {
            return failed(host, direct, plan.problem());
        }
        ReadyPod.Ready pod = plan.pod().get();
        Forwarded how = new Forwarded(pod.namespace(), pod.pod(), pod.port(), plan.service(), because);
        try (LocalPortForward forward = client.get().pods().inNamespace(pod.namespace()).withName(pod.pod())
                .portForward(pod.port(), InetAddress.getLoopbackAddress(), 0)) {
            ProbeAddress local = new ProbeAddress("127.0.0.1", forward.getLocalPort());
            LOG.info("Probing {} {} (local end 127.0.0.1:{})", host.target().host(), how.describe(),
                    forward.getLocalPort());
            PlannedHost through = host.through(local, how);
            Observation seen = prober.observe(through.target());
            if (!seen.reached() && forward.errorOccurred()) {
                return new ProbeRoute.Probed(through, prober.failed(through.target(),
                        new NetworkProblem(NetworkProblem.Kind.OTHER, broken(pod, forward))));
            }
            return new ProbeRoute.Probed(through, seen);
        } catch (IOException | KubernetesClientException | IllegalStateException e) {
            return failed(host, direct, "the port-forward to pod " + pod.namespace() + "/" + pod.pod() + " port "
                    + pod.port() + " could not be opened: " + message(e));
        }
    }

    private static Plan plan(KubernetesClient client, ControllerService.Clue clue) {
        ControllerService.Lookup service = ControllerService.find(client, clue);
        if (service instanceof ControllerService.Missing missing) {
            return new Plan(Optional.empty(), "", missing.message());
        }
        ControllerService.Found found = (ControllerService.Found) service;
        ReadyPod.Lookup pod = ReadyPod.find(client, found.service(), found.port());
        String described = "Service " + found.path() + " (" + found.foundBy() + ")";
        if (pod instanceof ReadyPod.Missing missing) {
            return new Plan(Optional.empty(), described, missing.message());
        }
        return new Plan(Optional.of((ReadyPod.Ready) pod), described, "");
    }

    /** Why the forward carried no handshake: a refusal (403) or another error of the API server. */
    private static String broken(ReadyPod.Ready pod, LocalPortForward forward) {
        List<Throwable> errors = new ArrayList<>(forward.getServerThrowables());
        errors.addAll(forward.getClientThrowables());
        String first = errors.isEmpty() ? "no reason given" : message(errors.get(0));
        boolean forbidden = errors.stream().anyMatch(PortForwardProbe::forbidden);
        if (forbidden) {
            return "the API server refused the port-forward to pod " + pod.namespace() + "/" + pod.pod() + ": 403"
                    + " Forbidden (this user may not create pods/portforward in namespace " + pod.namespace() + ")";
        }
        return "the port-forward to pod " + pod.namespace() + "/" + pod.pod() + " port " + pod.port() + " broke: "
                + first;
    }

    private static boolean forbidden(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof KubernetesClientException k && k.getCode() == 403) {
                return true;
            }
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("403") || m.contains("forbidden")) {
                return true;
            }
        }
        return false;
    }

    private ProbeRoute.Probed failed(PlannedHost host, Optional<Observation> direct, String why) {
        if (direct.isPresent()) {
            NetworkProblem first = direct.get().withSni().problem().orElseThrow();
            NetworkProblem both = new NetworkProblem(first.kind(), first.message()
                    + "; the port-forward fallback failed: " + why);
            Observation o = direct.get();
            return new ProbeRoute.Probed(host, new Observation(o.target(), o.at(), o.resolved(), Attempt.failed(both),
                    o.withoutSni(), o.versions(), o.http(), o.implementation()));
        }
        return new ProbeRoute.Probed(host, prober.failed(host.target(), new NetworkProblem(NetworkProblem.Kind.OTHER,
                "no port-forward: " + why)));
    }

    private static String message(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c && (c.getMessage() == null || c.getMessage().isBlank())) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
    }
}
