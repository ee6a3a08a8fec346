package dev.gatehouse.demo;

import dev.gatehouse.proxy.backend.BackendKey;
import dev.gatehouse.proxy.backend.BackendSource;
import dev.gatehouse.proxy.backend.BackendTarget;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The demo cluster's echo backends, one per Service port. */
public final class DemoBackendSource implements BackendSource {

    /** The echo backend behind a Service port. */
    interface Lookup {
        Optional<URI> uri(String namespace, String service, int port);
    }

    private final Lookup demo;

    public DemoBackendSource(DemoCluster demo) {
        this(Objects.requireNonNull(demo, "demo")::backendFor);
    }

    DemoBackendSource(Lookup lookup) {
        this.demo = Objects.requireNonNull(lookup, "lookup");
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public Optional<CompletableFuture<BackendTarget>> locate(BackendKey key) {
        return key.number().flatMap(n -> demo.uri(key.namespace(), key.service(), n))
                .map(uri -> CompletableFuture.completedFuture(BackendTarget.of(uri, "demo echo backend")));
    }

    @Override
    public Optional<String> preview(BackendKey key) {
        return key.number().flatMap(n -> demo.uri(key.namespace(), key.service(), n))
                .map(uri -> uri + " (demo echo backend)");
    }
}
