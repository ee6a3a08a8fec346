package dev.gatehouse.tls.ca;

import dev.gatehouse.tls.TrustAnchors;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one answer to "which roots are trusted here", for every screen, the CLI and the proxy's judgements:
 * the system's roots (the JDK trust store), Gatehouse's local CA when it exists, and the CAs the user added
 * with "Trust a CA certificate…" ({@link LocalTrust}, {@code <data>/trusted-cas.pem}). Roots that belong to
 * one connection only (the demo cluster's CA while connected to it) are passed to {@link #anchors(Map)} by the
 * session's routing service; they are never stored here.
 *
 * <p>Adding or removing a CA through this policy bumps {@link #version()} and tells the {@link #onChange}
 * listeners (on the caller's thread), so the routing services and certificate screens recompute. Reading the
 * anchors may do I/O (the trust store, the CA files): call {@link #anchors()} off the FX thread. The result is
 * cached until the next change. Thread-safe.
 */
public final class TrustPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(TrustPolicy.class);

    private final Supplier<TrustAnchors> system;
    private final LocalTrust local;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long version;
    private long cachedVersion = -1;
    private TrustAnchors cached;

    /**
     * @param system the system's roots (read lazily, once per change)
     * @param local  Gatehouse's local CA and the CAs the user added (null: none, and none can be added)
     */
    public TrustPolicy(Supplier<TrustAnchors> system, LocalTrust local) {
        this.system = Objects.requireNonNull(system, "system");
        this.local = local;
    }

    /**
     * Exactly {@code roots}, with nowhere to keep added CAs ({@link #add} fails): for tests and for commands
     * told which roots to trust.
     */
    public static TrustPolicy fixed(Supplier<TrustAnchors> roots) {
        return new TrustPolicy(roots, null);
    }

    /** The JDK's roots plus the local CA and added CAs of the data directory {@code data}. */
    public static TrustPolicy standard(Path data) {
        return new TrustPolicy(TrustAnchors::jdkDefaults, new LocalTrust(data));
    }

    /** System roots, local CA, added CAs: what is trusted on every connection. */
    public synchronized TrustAnchors anchors() {
        if (cachedVersion != version || cached == null) {
            cached = local == null ? system.get() : local.extend(system.get());
            cachedVersion = version;
        }
        return cached;
    }

    /**
     * {@link #anchors()} plus roots trusted for one connection only, each list labelled with its origin, e.g.
     * {@code {"the demo cluster's CA": [root]}}.
     */
    public TrustAnchors anchors(Map<String, List<X509Certificate>> connectionRoots) {
        TrustAnchors anchors = anchors();
        for (Map.Entry<String, List<X509Certificate>> e : connectionRoots.entrySet()) {
            anchors = anchors.plus(e.getKey(), e.getValue());
        }
        return anchors;
    }

    /** Goes up by one on every change of the trusted CAs. */
    public synchronized long version() {
        return version;
    }

    /**
     * Trusts these CA certificates from now on (ones already trusted are skipped) and tells the listeners.
     *
     * @return how many were new
     * @throws IOException when the list of added CAs cannot be written
     */
    public int add(List<X509Certificate> cas) throws IOException {
        int added = localTrust().add(cas);
        if (added > 0) {
            changed("added " + added + " CA(s)");
        }
        return added;
    }

    /**
     * Stops trusting an added CA and tells the listeners.
     *
     * @return whether it was among the added CAs
     * @throws IOException when the list of added CAs cannot be written
     */
    public boolean remove(X509Certificate ca) throws IOException {
        boolean removed = localTrust().remove(ca);
        if (removed) {
            changed("removed a CA");
        }
        return removed;
    }

    /** Something else changed the trusted roots (the local CA was created): recompute. */
    public void invalidate() {
        changed("invalidated");
    }

    private void changed(String what) {
        synchronized (this) {
            version++;
        }
        LOG.info("Trusted CAs changed ({}), version {}", what, version());
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("A trust listener failed", e);
            }
        }
    }

    /** Calls {@code listener} after every change; run the returned action to remove it. */
    public Runnable onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** Where the added CAs are kept (for messages). */
    public Path file() throws IOException {
        return localTrust().file();
    }

    /** The CAs the user added, in the order added. */
    public List<X509Certificate> addedCas() {
        return local == null ? List.of() : local.addedCas();
    }

    private LocalTrust localTrust() throws IOException {
        if (local == null) {
            throw new IOException("this trust policy has fixed roots: it keeps no added CAs");
        }
        return local;
    }
}
