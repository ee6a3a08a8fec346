package dev.gatehouse.routing;

import dev.gatehouse.routing.gateway.GatewayBackend;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.route.Upstream;

/** The Gateway → Service leg: plain HTTP, or a BackendTLSPolicy's verified re-encryption. */
final class GatewayLegs {

    private GatewayLegs() {
    }

    static Leg none() {
        return new Leg(Leg.Kind.CONTROLLER_TO_SERVICE, Leg.Protection.NONE, LegAssessor.label(Leg.Protection.NONE),
                "No Service is involved");
    }

    static Leg toService(GatewayBackend backend, ResolvedBackend resolved, Outcome outcome) {
        return toService(backend, backend.upstream(), resolved, outcome);
    }

    /** @param up the backend's upstream, with the Gateway's client certificate when it presents one */
    static Leg toService(GatewayBackend backend, Upstream up, ResolvedBackend resolved, Outcome outcome) {
        String reach = outcome == Outcome.ROUTED ? "" : "not reached by this request; otherwise: ";
        if (!up.tls()) {
            return leg(Leg.Protection.PLAIN, reach + "the Gateway forwards the decrypted request as plain HTTP inside"
                    + " the cluster (no BackendTLSPolicy targets " + resolved.display() + ")");
        }
        String policy = backend.policy().map(p -> "BackendTLSPolicy " + p.path()).orElse("a BackendTLSPolicy");
        if (up.verification() == Upstream.Verification.VERIFIED || up.verification()
                == Upstream.Verification.CA_NOT_IN_INPUT) {
            String ca = up.caSecret().map(r -> "ca.crt of " + r).orElse("the system's trusted roots");
            String unchecked = up.verification() == Upstream.Verification.CA_NOT_IN_INPUT
                    ? " (not in the input, so Gatehouse could not read it)" : "";
            String verified = "certificate is verified with " + ca + unchecked + up.serverName()
                    .map(n -> " for the name " + n + ", also sent as SNI").orElse("");
            return up.mutual()
                    ? leg(Leg.Protection.MUTUAL_TLS, reach + "mutual TLS to the backend (" + policy + "): its " + verified
                    + ", and the Gateway presents its client certificate (Secret " + up.clientCertificate().get()
                    .secret().path() + ")")
                    : leg(Leg.Protection.REENCRYPTED_VERIFIED, reach + "re-encrypted to the backend (" + policy + "): its "
                    + verified);
        }
        return leg(Leg.Protection.NONE, reach + policy + " cannot be used (" + up.reason() + "): connections to the"
                + " backend fail");
    }

    private static Leg leg(Leg.Protection protection, String detail) {
        String sentence = Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
        return new Leg(Leg.Kind.CONTROLLER_TO_SERVICE, protection, LegAssessor.label(protection), sentence);
    }
}
