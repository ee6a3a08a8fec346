package dev.gatehouse.proxy.backend;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The backend sources in the order the proxy asks them: explicit mappings first, then the demo
 * cluster's echo backends or port-forwards to a real cluster.
 */
public final class BackendDirectory implements AutoCloseable {

    private final List<BackendSource> sources;

    public BackendDirectory(List<? extends BackendSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The first source that knows the Service port; fails with {@link BackendUnavailableException}. */
    public CompletableFuture<BackendTarget> locate(BackendKey key) {
        for (BackendSource source : sources) {
            Optional<CompletableFuture<BackendTarget>> found = source.locate(key);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return CompletableFuture.failedFuture(new BackendUnavailableException("no backend is known for Service "
                + key.namespace() + "/" + key.service() + " port " + key.port() + ": map it to a URL (--backend "
                + key.display() + "=http://127.0.0.1:PORT, or the Proxy screen's backend table)"));
    }

    /** Where a Service port would go, for people; "no backend" when no source knows it. */
    public String preview(BackendKey key) {
        for (BackendSource source : sources) {
            Optional<String> p = source.preview(key);
            if (p.isPresent()) {
                return p.get();
            }
        }
        return "no backend: give it a URL";
    }

    public List<BackendSource> sources() {
        return sources;
    }

    @Override
    public void close() {
        sources.forEach(BackendSource::close);
    }
}
