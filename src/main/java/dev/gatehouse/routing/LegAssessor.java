package dev.gatehouse.routing;

import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.route.Upstream;
import dev.gatehouse.tls.HostCoverage;
import dev.gatehouse.tls.HostnameMatcher;
import java.util.Optional;

/** Judges the protection of each leg of a request. */
final class LegAssessor {

    private LegAssessor() {
    }

    static String label(Leg.Protection protection) {
        return switch (protection) {
            case PLAIN -> "HTTP · unencrypted";
            case TLS -> "TLS";
            case TLS_PROBLEM -> "TLS · problem";
            case REENCRYPTED_UNVERIFIED -> "HTTPS · not verified";
            case REENCRYPTED_VERIFIED -> "HTTPS · verified";
            case MUTUAL_TLS -> "mutual TLS";
            case PASSTHROUGH -> "TLS passthrough";
            case NONE -> "not used";
        };
    }

    private static Leg leg(Leg.Kind kind, Leg.Protection protection, String detail) {
        String sentence = detail.isEmpty() ? detail : Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
        return new Leg(kind, protection, label(protection), sentence);
    }

    static Leg front(ProbeRequest request, Optional<ServedCertificate> served, boolean clientCertsVerified,
                     Outcome outcome) {
        Leg.Kind kind = Leg.Kind.CLIENT_TO_CONTROLLER;
        if (!request.https()) {
            return leg(kind, Leg.Protection.PLAIN, outcome == Outcome.REDIRECT
                    ? "Plain HTTP; the controller answers with a redirect to HTTPS"
                    : "Plain HTTP: the request and the response travel unencrypted");
        }
        ServedCertificate cert = served.orElseThrow();
        if (cert instanceof ServedCertificate.Passthrough) {
            return leg(kind, Leg.Protection.PASSTHROUGH, "TLS goes through the controller untouched; the backend"
                    + " terminates it");
        }
        if (cert instanceof ServedCertificate.ControllerDefault) {
            return leg(kind, Leg.Protection.TLS_PROBLEM, "TLS with the controller's default certificate ("
                    + ControllerProfile.FAKE_CERTIFICATE_NAME + "): clients show a certificate warning");
        }
        ServedCertificate.FromSecret fromSecret = (ServedCertificate.FromSecret) cert;
        if (!fromSecret.coversHost()) {
            String covers = fromSecret.certificate().map(c -> String.join(", ", HostnameMatcher.coveredNames(c)))
                    .orElse("other names");
            return leg(kind, Leg.Protection.TLS_PROBLEM, fromSecret.coverage() == HostCoverage.COMMON_NAME_ONLY
                    ? "The certificate names " + request.host() + " only in its common name; browsers reject it"
                    : "The certificate does not cover " + request.host() + " (it covers " + covers + ")");
        }
        if (!fromSecret.currentlyValid()) {
            var info = fromSecret.certificate().orElseThrow();
            return leg(kind, Leg.Protection.TLS_PROBLEM, info.daysLeft() < 0
                    ? "The certificate expired " + -info.daysLeft() + " days ago"
                    : "The certificate is not valid yet (from " + info.notBefore() + ")");
        }
        if (clientCertsVerified) {
            return leg(kind, Leg.Protection.MUTUAL_TLS, "TLS with a certificate valid for " + request.host()
                    + "; the client's certificate is verified too");
        }
        return leg(kind, Leg.Protection.TLS, "TLS with a certificate valid for " + request.host());
    }

    /**
     * The controller → Service leg, read from the engine's one {@link Upstream} answer.
     *
     * @param upstream how the controller speaks to the backend; empty = no location with a backend answered
     */
    static Leg backend(Optional<Upstream> upstream, Optional<ResolvedBackend> backend, Outcome outcome) {
        Leg.Kind kind = Leg.Kind.CONTROLLER_TO_SERVICE;
        if (outcome == Outcome.PASSTHROUGH) {
            return leg(kind, Leg.Protection.PASSTHROUGH, "The client's TLS connection is forwarded as is");
        }
        if (backend.isEmpty() || upstream.isEmpty()) {
            return leg(kind, Leg.Protection.NONE, "The controller's default backend answers; no Service is involved");
        }
        String reach = switch (outcome) {
            case REDIRECT -> "after the redirect: ";
            case CLIENT_CERT_REQUIRED, CLIENT_CERT_REJECTED, CLIENT_CERT_FORBIDDEN, DENIED ->
                    "not reached by this request; otherwise: ";
            default -> "";
        };
        Upstream up = upstream.get();
        if (!up.tls()) {
            return leg(kind, Leg.Protection.PLAIN, reach + "the controller forwards the decrypted request as "
                    + up.protocol().label() + " inside the cluster");
        }
        if (up.verified()) {
            String name = up.caSecret().map(ObjectRef::path).orElse("");
            String unchecked = up.verification() == Upstream.Verification.CA_NOT_IN_INPUT
                    ? " (the Secret is not in the input, so Gatehouse could not read it)" : "";
            return up.mutual()
                    ? leg(kind, Leg.Protection.MUTUAL_TLS, reach + "mutual TLS to the backend: its certificate is"
                    + " verified with ca.crt of Secret " + name + unchecked
                    + " and the controller presents its client certificate")
                    : leg(kind, Leg.Protection.REENCRYPTED_VERIFIED, reach + "re-encrypted to the backend and its"
                    + " certificate verified with ca.crt of Secret " + name + unchecked);
        }
        return leg(kind, Leg.Protection.REENCRYPTED_UNVERIFIED, reach + "re-encrypted to the backend without"
                + " verifying its certificate (" + up.reason() + "): encrypted, not authenticated");
    }

    static Leg endpoints(Leg backendLeg, Optional<ResolvedBackend> backend) {
        Leg.Kind kind = Leg.Kind.SERVICE_TO_PODS;
        if (backendLeg.protection() == Leg.Protection.NONE || backend.isEmpty()) {
            return leg(kind, Leg.Protection.NONE, "No Service is involved");
        }
        ResolvedBackend b = backend.get();
        return switch (b.state()) {
            case READY -> leg(kind, backendLeg.protection(), b.readyEndpoints() + " ready endpoint"
                    + (b.readyEndpoints() == 1 ? "" : "s") + " behind " + b.display());
            case SERVICE_NOT_IN_INPUT, ENDPOINTS_NOT_IN_INPUT -> leg(kind, backendLeg.protection(),
                    "Endpoints are not in the input; not checked");
            case EXTERNAL_NAME -> leg(kind, backendLeg.protection(), b.detail());
            default -> leg(kind, Leg.Protection.NONE, b.detail());
        };
    }
}
