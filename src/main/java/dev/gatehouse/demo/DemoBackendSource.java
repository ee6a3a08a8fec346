package dev.gatehouse.demo;

import dev.gatehouse.proxy.backend.BackendKey;
import dev.gatehouse.proxy.backend.BackendSource;
import dev.gatehouse.proxy.backend.BackendTarget;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The demo cluster's echo backends, one per Service port. */
public final class DemoBackendSource implements BackendSource {

    private final DemoCluster demo;

    public DemoBackendSource(DemoCluster demo) {
        this.demo = Objects.requireNonNull(demo, "demo");
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public Optional<CompletableFuture<BackendTarget>> locate(BackendKey key) {
        return key.number().flatMap(n -> demo.backendFor(key.namespace(), key.service(), n))
                .map(uri -> CompletableFuture.completedFuture(BackendTarget.of(uri, "demo echo backend")));
    }

    @Override
    public Optional<String> preview(BackendKey key) {
        return key.number().flatMap(n -> demo.backendFor(key.namespace(), key.service(), n))
                .map(uri -> uri + " (demo echo backend)");
    }
}
