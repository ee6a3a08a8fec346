package dev.gatehouse.proxy.backend;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backends the user named: {@code NAMESPACE/SERVICE:PORT=URL}, PORT as the Ingress names it (number or
 * name). Changes apply to the next request. Thread-safe.
 */
public final class BackendMappings implements BackendSource {

    private static final Pattern SPEC = Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?)/([a-z0-9]([-a-z0-9]*[a-z0-9])?)"
            + ":([A-Za-z0-9-]+)=(.+)");
    private static final Pattern KEY = Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?)/([a-z0-9]([-a-z0-9]*[a-z0-9])?)"
            + ":([A-Za-z0-9-]+)");

    private final Map<String, URI> targets = new ConcurrentHashMap<>();
    /** Each key's answer, made once per change of the mappings (every request asks; the answer is immutable). */
    private volatile Map<BackendKey, Optional<CompletableFuture<BackendTarget>>> located = new ConcurrentHashMap<>();

    /**
     * Parses {@code shop/web:80=http://127.0.0.1:3000}.
     *
     * @throws IllegalArgumentException with a plain message naming what is wrong
     */
    public void add(String spec) {
        Matcher m = SPEC.matcher(spec == null ? "" : spec.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + spec + "\" is not NAMESPACE/SERVICE:PORT=URL"
                    + " (for example shop/web:80=http://127.0.0.1:3000)");
        }
        put(m.group(1) + "/" + m.group(3) + ":" + m.group(5), m.group(6));
    }

    /**
     * Maps {@code namespace/service:port} to a URL; a blank URL removes the mapping.
     *
     * @throws IllegalArgumentException when the key or URL is not usable
     */
    public void put(String key, String url) {
        String k = key == null ? "" : key.trim();
        if (!KEY.matcher(k).matches()) {
            throw new IllegalArgumentException("\"" + key + "\" is not NAMESPACE/SERVICE:PORT");
        }
        if (url == null || url.isBlank()) {
            targets.remove(k);
            located = new ConcurrentHashMap<>();
            return;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + url.trim() + "\" is not a valid URL: " + e.getReason());
        }
        BackendTarget.of(uri, name()); // validates scheme, host and port
        targets.put(k, uri);
        located = new ConcurrentHashMap<>(); // after the change: a lookup that sees the new memo sees the new target
    }

    /** The URL mapped for a key, if any. */
    public Optional<URI> get(String key) {
        return Optional.ofNullable(targets.get(key));
    }

    /** All mappings, sorted by key. */
    public Map<String, URI> all() {
        return new TreeMap<>(targets);
    }

    @Override
    public String name() {
        return "mapping";
    }

    @Override
    public Optional<CompletableFuture<BackendTarget>> locate(BackendKey key) {
        Map<BackendKey, Optional<CompletableFuture<BackendTarget>>> memo = located;
        if (memo.size() > 50_000) { // keys of rules long gone pile up over many reloads: start afresh
            memo = new ConcurrentHashMap<>();
            located = memo;
        }
        return memo.computeIfAbsent(key, k -> find(k).map(uri -> CompletableFuture.completedFuture(
                BackendTarget.of(uri, "mapping"))));
    }

    @Override
    public Optional<String> preview(BackendKey key) {
        return find(key).map(uri -> uri + " (mapping)");
    }

    private Optional<URI> find(BackendKey key) {
        URI byLabel = targets.get(key.display());
        if (byLabel != null) {
            return Optional.of(byLabel);
        }
        return key.number().map(n -> targets.get(key.namespace() + "/" + key.service() + ":" + n));
    }
}
