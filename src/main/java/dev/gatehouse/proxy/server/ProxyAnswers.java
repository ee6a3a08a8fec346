package dev.gatehouse.proxy.server;

import dev.gatehouse.routing.Decision;
import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.ProbeRequest;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * What the proxy answers itself for an engine decision that does not reach a backend: the redirect to
 * HTTPS, 404 when no rule matches, the client-certificate errors, 503, and 502 for ssl-passthrough.
 */
final class ProxyAnswers {

    /** The response, and the note for the access log. */
    record Answer(FullHttpResponse response, String note) {
    }

    private ProxyAnswers() {
    }

    /**
     * @param target    the request target as the client sent it
     * @param httpsPort the proxy's HTTPS port, for redirects
     */
    static Answer of(ByteBufAllocator alloc, Explanation explanation, String target, int httpsPort) {
        return of(alloc, explanation, target, httpsPort, ListenerPorts.none());
    }

    /** @param ports the local port serving each Gateway listener port, for a Gateway redirect's Location */
    static Answer of(ByteBufAllocator alloc, Explanation explanation, String target, int httpsPort, ListenerPorts ports) {
        Decision decision = explanation.decision();
        String host = explanation.request().host();
        String where = host + explanation.request().path();
        if (explanation.gateway().isPresent()) {
            if (decision.outcome() == dev.gatehouse.routing.Outcome.REDIRECT) {
                String location = GatewayRedirects.local(decision.redirectTo().orElse("/"), ports);
                return new Answer(ErrorPages.redirect(alloc, HttpResponseStatus.valueOf(decision.status()), location),
                        "redirected to " + location + " (the Gateway sends " + decision.redirectTo().orElse("") + ")");
            }
            if (decision.outcome() == dev.gatehouse.routing.Outcome.NOT_FOUND) {
                return new Answer(ErrorPages.page(alloc, HttpResponseStatus.NOT_FOUND, "No HTTPRoute rule matches "
                        + where + ". " + decision.summary() + "."), "no rule matched");
            }
        }
        return switch (decision.outcome()) {
            case REDIRECT -> {
                String location = redirectLocation(redirectTarget(explanation, target), host, httpsPort);
                yield new Answer(ErrorPages.redirect(alloc, location), "redirected to " + location);
            }
            case NOT_FOUND -> new Answer(ErrorPages.page(alloc, HttpResponseStatus.NOT_FOUND, "No Ingress rule matches "
                    + where + ". " + decision.summary() + "."), "no rule matched");
            case BAD_REQUEST -> new Answer(ErrorPages.page(alloc, HttpResponseStatus.BAD_REQUEST, decision.summary()
                    + "."), decision.summary());
            case CLIENT_CERT_REQUIRED -> new Answer(ErrorPages.page(alloc, HttpResponseStatus.BAD_REQUEST, "No required"
                    + " SSL certificate was sent: " + host + " requires a client certificate."), decision.summary());
            case CLIENT_CERT_REJECTED -> new Answer(ErrorPages.page(alloc, HttpResponseStatus.BAD_REQUEST, "The SSL"
                    + " certificate error: the client certificate is not issued by the CA that " + host + " trusts."),
                    decision.summary());
            case CLIENT_CERT_FORBIDDEN -> new Answer(ErrorPages.page(alloc, HttpResponseStatus.FORBIDDEN,
                    decision.summary() + "."), decision.summary());
            case DENIED, SERVICE_UNAVAILABLE -> new Answer(ErrorPages.page(alloc,
                    HttpResponseStatus.SERVICE_UNAVAILABLE, decision.summary() + "."), decision.summary());
            case NO_VALID_BACKEND -> new Answer(ErrorPages.page(alloc, HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    decision.summary() + "."), decision.summary());
            case MISDIRECTED -> new Answer(ErrorPages.page(alloc, HttpResponseStatus.MISDIRECTED_REQUEST,
                    decision.summary() + "."), decision.summary());
            case PASSTHROUGH -> explanation.gateway().isPresent() ? new Answer(ErrorPages.page(alloc,
                    HttpResponseStatus.BAD_GATEWAY, decision.summary() + "; a TLSRoute passes TLS through, so this"
                    + " listener takes no HTTP requests."), decision.summary()) : new Answer(ErrorPages.page(alloc, HttpResponseStatus.BAD_GATEWAY, "ssl-passthrough is"
                    + " on for " + host + ": the controller would pass TLS to the backend untouched, which the local"
                    + " proxy (it terminates TLS) does not do."), "ssl-passthrough is not supported locally");
            default -> new Answer(ErrorPages.page(alloc, HttpResponseStatus.INTERNAL_SERVER_ERROR, decision.summary()),
                    decision.summary());
        };
    }

    /**
     * The engine's redirect target; its redirect to HTTPS carries the request target as the client sent
     * it (ingress-nginx: {@code https://$redirect_host$request_uri}), not the normalised path it matched.
     */
    private static String redirectTarget(Explanation explanation, String target) {
        ProbeRequest probe = explanation.request();
        String toHttps = "https://" + probe.host();
        String engine = explanation.decision().redirectTo().orElse(toHttps + "/");
        if (engine.equals(toHttps + probe.pathAndQuery()) && target.startsWith("/")) {
            return toHttps + target;
        }
        return engine;
    }

    /** The redirect target, with the proxy's HTTPS port when that is not 443. */
    static String redirectLocation(String target, String host, int httpsPort) {
        String prefix = "https://" + host;
        if (httpsPort == 443 || !target.startsWith(prefix)) {
            return target;
        }
        String rest = target.substring(prefix.length());
        if (!rest.isEmpty() && rest.charAt(0) == ':') {
            return target;
        }
        return prefix + ":" + httpsPort + rest;
    }
}
