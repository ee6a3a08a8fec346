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
