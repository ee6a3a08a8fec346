package dev.gatehouse.routing.route;

import java.util.List;
import java.util.Optional;

/**
 * The virtual hosts of a front-end, found by request host or SNI. Implementations may build hosts on first
 * use; they are immutable and safe to share between threads.
 */
public interface HostTable {

    /**
     * The virtual host of a request host, and how it was found.
     *
     * @param host  the virtual host
     * @param match exact host, wildcard, or the catch-all
     */
    record Lookup(VirtualHost host, HostMatch match) {
    }

    /** The host a pattern names exactly. */
    Optional<VirtualHost> exact(String host);

    /** The most specific wildcard host covering {@code host}, if any. */
    Optional<VirtualHost> wildcardFor(String host);

    /** The host answering requests no host names (host-less rules, the catch-all fallback). */
    VirtualHost catchAll();

    /** Every host with a pattern, sorted by host, then the catch-all. */
    List<VirtualHost> all();

    /**
     * The TLS side of one host, as {@link VirtualHost#tls()} and {@link VirtualHost#clientCertificate()} give it.
     *
     * @param host     the host pattern's text ({@code VirtualHost.pattern().host()})
     * @param catchAll the catch-all host
     */
    record TlsView(String host, boolean catchAll, HostTls tls, Optional<ClientCertificatePolicy> clientCertificate) {
    }

    /**
     * Every host's certificate choice and client-certificate policy, in {@link #all()}'s order. Implementations
     * that build hosts lazily answer this without building routes (the proxy asks at every reload).
     */
    default List<TlsView> tls() {
        return all().stream().map(h -> new TlsView(h.pattern().host(), h.catchAll(), h.tls(), h.clientCertificate()))
                .toList();
    }

    /** The exact host, else the wildcard, else the catch-all. */
    default Lookup lookup(String host) {
        Optional<VirtualHost> exact = exact(host);
        if (exact.isPresent()) {
            return new Lookup(exact.get(), HostMatch.EXACT);
        }
        return wildcardFor(host).map(w -> new Lookup(w, HostMatch.WILDCARD))
                .orElseGet(() -> new Lookup(catchAll(), HostMatch.CATCH_ALL));
    }
}
