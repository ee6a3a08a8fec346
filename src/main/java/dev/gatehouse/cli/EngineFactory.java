package dev.gatehouse.cli;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.tls.TrustAnchors;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * What the commands need besides their options: the clock, trusted roots and the source factory.
 * Tests pass a fixed clock; the defaults use the provided clock ({@link AppClock#system()}) and the
 * JDK's trusted roots.
 *
 * @param clock   "now"
 * @param anchors trusted roots (read only when needed)
 * @param sources how options become a cluster source
 */
public record EngineFactory(Clock clock, Supplier<TrustAnchors> anchors, ClusterSourceFactory sources) {

    public static EngineFactory defaults() {
        return new EngineFactory(AppClock.system(), TrustAnchors::jdkDefaults, ClusterSourceFactory.standard());
    }

    /** The same, with "now" fixed at {@code instant} (for {@code --at}). */
    public EngineFactory at(Instant instant) {
        return new EngineFactory(Clock.fixed(instant, ZoneOffset.UTC), anchors, sources);
    }

    /** The engine for a source, trusting also the roots the source brings (the demo cluster's CA). */
    RoutingEngine engine(ClusterSource.Ready source, ControllerProfile profile) {
        TrustAnchors trusted = anchors.get();
        for (var e : source.anchors().entrySet()) {
            trusted = trusted.plus(e.getKey(), e.getValue());
        }
        return new RoutingEngine(source.view(), profile, clock, trusted);
    }
}
