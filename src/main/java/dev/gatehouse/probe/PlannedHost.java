package dev.gatehouse.probe;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.Objects;
import java.util.Optional;

/**
 * A host to probe with what the engine expects of it.
 *
 * @param target      where to connect and how long to wait
 * @param expectation what the objects say should be served
 * @param addressFrom where the address came from, e.g. "status.loadBalancer of Ingress shop/web" or "--address"
 * @param publisher   the Ingress or Gateway whose status published the address (empty for an address given)
 * @param forwarded   set when the host was reached through a port-forward (the target is then its local end)
 */
public record PlannedHost(ProbeTarget target, Expectation expectation, String addressFrom,
                          Optional<ObjectRef> publisher, Optional<Forwarded> forwarded) {

    public PlannedHost {
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(forwarded, "forwarded");
    }

    /** A host at an address given (no publisher). */
    public PlannedHost(ProbeTarget target, Expectation expectation, String addressFrom) {
        this(target, expectation, addressFrom, Optional.empty(), Optional.empty());
    }

    /** This host reached through a port-forward whose local end is {@code local}. */
    PlannedHost through(ProbeAddress local, Forwarded how) {
        return new PlannedHost(new ProbeTarget(target.host(), local, target.timeout()), expectation,
                how.describe(), publisher, Optional.of(how));
    }

    /** "at 203.0.113.10:443" or "via port-forward to ns/pod, pod port 443, because …": how the host was reached. */
    public String reachedHow() {
        return forwarded.map(Forwarded::describe).orElse("at " + target.address());
    }
}
