package dev.gatehouse.probe;

/**
 * A host to probe with what the engine expects of it.
 *
 * @param target      where to connect and how long to wait
 * @param expectation what the objects say should be served
 * @param addressFrom where the address came from, e.g. "status.loadBalancer of Ingress shop/web" or "--address"
 */
public record PlannedHost(ProbeTarget target, Expectation expectation, String addressFrom) {
}
