package dev.gatehouse.migrate;

import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.Leg;
import dev.gatehouse.routing.NginxPath;
import dev.gatehouse.routing.Outcome;
import dev.gatehouse.routing.RouteMatch;
import dev.gatehouse.routing.ServedCertificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a client and a backend see of one request, in one world: the fields the behavioural diff compares.
 *
 * @param answeredBy  who answers: {@code ingress-nginx}, {@code Gateway ns/name listener L}, or
 *                    {@value #NO_LISTENER}
 * @param status      the HTTP status (0 = the backend decides, for passthrough; -1 = no listener takes it;
 *                    {@value #NO_ANSWER} = a real request got no HTTP answer)
 * @param backend     the Service and port the request reaches ("" when none)
 * @param path        the path and query the backend receives ("" when not proxied)
 * @param host        the Host header the backend receives ("" when not proxied)
 * @param location    the Location of a redirect ("" when none)
 * @param certificate the certificate served ("" for plain HTTP)
 * @param backendLeg  the protection of the controller → Service leg ("" when not proxied)
 * @param hsts        the Strict-Transport-Security header on the response ("" when none)
 * @param explanation the engine's whole answer (for screens that show both side by side)
 */
public record Observed(String answeredBy, int status, String backend, String path, String host, String location,
                       String certificate, String backendLeg, String hsts, Explanation explanation) {

    public static final String NO_LISTENER = "no Gateway listener";
    /** The status of a real request that got no HTTP answer (refused, handshake failed, timed out). */
    public static final int NO_ANSWER = -2;

    /** The compared fields by name, in report order. */
    public Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("status", status == NO_ANSWER ? "no answer" : status < 0 ? "no listener" : String.valueOf(status));
        f.put("backend", backend);
        f.put("upstream path", path);
        f.put("upstream Host", host);
        f.put("Location", location);
        f.put("certificate", certificate);
        f.put("backend leg", backendLeg);
        f.put("HSTS", hsts);
        return f;
    }

    /** The Ingress rule that answered in the ingress-nginx world. */
    public Optional<RouteMatch> ingressRule() {
        return explanation == null ? Optional.empty() : explanation.route();
    }

    static Observed ofIngress(Explanation e) {
        boolean proxied = e.decision().outcome() == Outcome.ROUTED || e.decision().outcome() == Outcome.DEFAULT_BACKEND;
        String normalised = NginxPath.normalise(e.request().path()).path();
        String query = e.request().query().isEmpty() ? "" : "?" + e.request().query();
        return new Observed("ingress-nginx", e.decision().status(), proxied ? backend(e) : "",
                proxied ? e.decision().upstreamPath().orElse(normalised + query) : "", proxied ? e.request().host() : "",
                e.decision().redirectTo().orElse(""), certificate(e), proxied ? leg(e) : "",
                proxied ? e.carriage().hsts().orElse("") : "", e);
    }

    static Observed ofGateway(Explanation e, String hsts) {
        if (e.gateway().isEmpty()) {
            return new Observed(NO_LISTENER, -1, "", "", "", "", e.request().https() ? "no TLS handshake" : "", "",
                    "", e);
        }
        var facts = e.gateway().get();
        boolean proxied = e.decision().outcome() == Outcome.ROUTED;
        return new Observed("Gateway " + facts.gateway().path() + " listener " + facts.listener(),
                e.decision().status(), proxied ? backend(e) : "", proxied ? facts.upstreamPath().orElse("") : "",
                proxied ? facts.upstreamHost().orElse("") : "", e.decision().redirectTo().orElse(""), certificate(e),
                proxied ? leg(e) : "", proxied ? hsts : "", e);
    }

    private static String backend(Explanation e) {
        return e.backend().map(b -> b.service().map(s -> s.path()).orElse("") + ":"
                + b.servicePort().map(String::valueOf).orElse(b.port())).orElse("");
    }

    private static String leg(Explanation e) {
        return e.leg(Leg.Kind.CONTROLLER_TO_SERVICE).map(l -> l.protection().name()).orElse("");
    }

    private static String certificate(Explanation e) {
        if (!e.request().https()) {
            return "";
        }
        return e.certificate().map(c -> {
            if (c instanceof ServedCertificate.FromSecret s) {
                return "Secret " + s.secret().path();
            } else if (c instanceof ServedCertificate.ControllerDefault) {
                return "the controller's default certificate";
            }
            return "passthrough (the backend's own)";
        }).orElse("no TLS handshake");
    }
}
