package dev.gatehouse.proxy.backend;

import dev.gatehouse.cluster.ReadyPod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaches Service ports on a real cluster through a port-forward to a ready Pod behind the Service
 * (the Pod and its port: {@link ReadyPod}). A forward opens on first use, is
 * reused while alive, and closes with this source.
 */
public final class PortForwardBackendSource implements BackendSource {

    private static final Logger LOG = LoggerFactory.getLogger(PortForwardBackendSource.class);

    /** An open forward and what it reaches. */
    private record Forward(LocalPortForward forward, String pod, int podPort) {
        boolean alive() {
            return forward.isAlive() && !forward.errorOccurred();
        }
    }

    private final KubernetesClient client;
    private final String context;
    private final ExecutorService opener;
    private final Map<String, CompletableFuture<Forward>> forwards = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param client  a client for the cluster (not closed by this source)
     * @param context the context name, for messages
     */
    public PortForwardBackendSource(KubernetesClient client, String context) {
        this.client = Objects.requireNonNull(client, "client");
        this.context = context == null ? "the cluster" : context;
        this.opener = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "proxy-port-forward");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return "port-forward";
    }

    @Override
    public Optional<CompletableFuture<BackendTarget>> locate(BackendKey key) {
        if (closed) {
            return Optional.empty();
        }
        CompletableFuture<Forward> forward = forwards.compute(key.display(), (k, existing) -> {
            boolean usable = existing != null && !existing.isCompletedExceptionally()
                    && (!existing.isDone() || existing.join().alive());
            if (usable) {
                return existing;
            }
            if (existing != null && existing.isDone() && !existing.isCompletedExceptionally()) {
                closeQuietly(existing.join());
            }
            return CompletableFuture.supplyAsync(() -> open(key), opener);
        });
        return Optional.of(forward.thenApply(f -> new BackendTarget(f.forward().getLocalAddress().getHostAddress(),
                f.forward().getLocalPort(), false, "port-forward to pod " + key.namespace() + "/" + f.pod() + ":"
                + f.podPort())));
    }

    @Override
    public Optional<String> preview(BackendKey key) {
        CompletableFuture<Forward> f = forwards.get(key.display());
        if (f != null && f.isDone() && !f.isCompletedExceptionally() && f.join().alive()) {
            Forward open = f.join();
            return Optional.of("port-forward to pod " + key.namespace() + "/" + open.pod() + ":" + open.podPort()
                    + " via 127.0.0.1:" + open.forward().getLocalPort());
        }
        return Optional.of("port-forward to a ready Pod of " + key.namespace() + "/" + key.service()
                + " in " + context + " (opened on first request)");
    }

    private Forward open(BackendKey key) {
        try {
            Service service = client.services().inNamespace(key.namespace()).withName(key.service()).get();
            if (service == null) {
                throw unavailable("Service " + key.namespace() + "/" + key.service() + " does not exist in " + context);
            }
            ServicePort port = servicePort(service, key);
            ReadyPod.Lookup lookup = ReadyPod.find(client, service, port);
            if (lookup instanceof ReadyPod.Missing missing) {
                throw unavailable(missing.message() + " in " + context);
            }
            ReadyPod.Ready ready = (ReadyPod.Ready) lookup;
            LocalPortForward forward = client.pods().inNamespace(ready.namespace()).withName(ready.pod())
                    .portForward(ready.port(), java.net.InetAddress.getLoopbackAddress(), 0); // never every interface
            LOG.info("Port-forward to pod {}/{}:{} on 127.0.0.1:{}", ready.namespace(), ready.pod(), ready.port(),
                    forward.getLocalPort());
            if (closed) {
                forward.close();
                throw unavailable("the proxy is stopping");
            }
            return new Forward(forward, ready.pod(), ready.port());
        } catch (KubernetesClientException | IOException e) {
            throw new CompletionException(new BackendUnavailableException("The port-forward to "
                    + key.display() + " in " + context + " failed: " + e.getMessage(), e));
        }
    }

    private static ServicePort servicePort(Service service, BackendKey key) {
        List<ServicePort> ports = service.getSpec() == null || service.getSpec().getPorts() == null ? List.of()
                : service.getSpec().getPorts();
        Optional<Integer> number = key.number();
        return ports.stream()
                .filter(p -> number.isPresent() ? number.get().equals(p.getPort()) : key.port().equals(p.getName()))
                .findFirst()
                .orElseThrow(() -> unavailable("Service " + key.namespace() + "/" + key.service() + " has no port "
                        + key.port()));
    }

    private static CompletionException unavailable(String message) {
        return new CompletionException(new BackendUnavailableException(message));
    }

    private static void closeQuietly(Forward forward) {
        try {
            forward.forward().close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing a port-forward failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        forwards.values().forEach(f -> f.thenAccept(PortForwardBackendSource::closeQuietly));
        forwards.clear();
        opener.shutdown();
    }
}
