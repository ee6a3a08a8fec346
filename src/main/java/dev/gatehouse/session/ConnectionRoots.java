package dev.gatehouse.session;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.demo.DemoTrust;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The roots a connection brings besides the {@link dev.gatehouse.tls.ca.TrustPolicy}'s: the demo cluster's CA. */
public final class ConnectionRoots {

    private ConnectionRoots() {
    }

    /**
     * The demo CA while {@code session} is connected to the demo context: the one the cluster publishes
     * ({@link DemoTrust#caOf}) and, when the demo runs in this process, its certificate (known before the
     * Secret is listed). Nothing for any other cluster.
     *
     * @param embedded the in-process demo's CA when one runs and {@code session} is connected to it
     */
    public static Supplier<Map<String, List<X509Certificate>>> demo(ClusterSession session,
                                                                     Optional<X509Certificate> embedded) {
        return () -> {
            List<X509Certificate> roots = new ArrayList<>();
            embedded.ifPresent(roots::add);
            DemoTrust.caOf(session).stream().filter(c -> !roots.contains(c)).forEach(roots::add);
            return roots.isEmpty() ? Map.of() : Map.of(DemoTrust.ORIGIN, List.copyOf(roots));
        };
    }
}
