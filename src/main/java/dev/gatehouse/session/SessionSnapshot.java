package dev.gatehouse.session;

import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.tls.TrustAnchors;
import java.time.Instant;

/**
 * One published reading of a session by its {@link RoutingService}: the engine's snapshot, its diagnostics
 * and the trust anchors both were judged with. Every screen that shows the session reads the same instance, so
 * they agree. Immutable; safe to share between threads.
 *
 * @param sequence     increases with every snapshot a service publishes (newer = larger)
 * @param routing      explanations (with the certificate served per host), backend legs and the derived model
 * @param report       every diagnostic of {@code routing}
 * @param anchors      the roots trusted for this snapshot (policy + connection roots)
 * @param trustVersion the {@link dev.gatehouse.tls.ca.TrustPolicy#version()} it was computed with
 * @param computedAt   when, by the service's clock
 */
public record SessionSnapshot(long sequence, RoutingSnapshot routing, DiagnosticReport report, TrustAnchors anchors,
                              long trustVersion, Instant computedAt) {
}
