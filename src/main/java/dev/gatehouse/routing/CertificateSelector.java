package dev.gatehouse.routing;

import dev.gatehouse.routing.route.HostTable;
import dev.gatehouse.routing.route.HostTls;
import dev.gatehouse.routing.route.ServingSecret;
import dev.gatehouse.routing.route.VirtualHost;
import dev.gatehouse.tls.HostCoverage;
import dev.gatehouse.tls.HostnameMatcher;
import java.util.Optional;

/**
 * Chooses the certificate by SNI as ingress-nginx does: the host whose pattern equals the SNI, else the
 * wildcard host for it; the certificate its front-end chose ({@link VirtualHost#tls()}); otherwise (and
 * without SNI) the controller's default certificate. The route is chosen separately, by the Host header.
 */
final class CertificateSelector {

    private CertificateSelector() {
    }

    static ServedCertificate select(HostTable hosts, ProbeRequest request, Trace trace) {
        if (request.sni().isEmpty()) {
            String why = "the client sent no SNI (as with curl -H 'Host: " + request.host() + "' or an IP address),"
                    + " so ingress-nginx presents its default certificate";
            trace.chosen(TraceStep.Stage.TLS, "default certificate", why);
            return new ServedCertificate.ControllerDefault(why);
        }
        String sni = request.sni().get();
        if (!sni.equals(request.host())) {
            trace.note(TraceStep.Stage.TLS, "SNI " + sni, "the certificate is chosen by the SNI " + sni
                    + ", the route by the Host header " + request.host());
        }
        Optional<VirtualHost> host = hosts.exact(sni).or(() -> hosts.wildcardFor(sni));
        if (host.isEmpty()) {
            String why = "no Ingress rule has the host " + sni + ", so no certificate is configured for it and"
                    + " ingress-nginx presents its default certificate";
            trace.chosen(TraceStep.Stage.TLS, "default certificate", why);
            return new ServedCertificate.ControllerDefault(why);
        }
        HostTls tls = host.get().tls();
        if (!tls.enabled() || tls.secret().isEmpty() || tls.chosenBy().isEmpty()) {
            trace.chosen(TraceStep.Stage.TLS, "default certificate", tls.reason());
            return new ServedCertificate.ControllerDefault(tls.reason());
        }
        ServingSecret secret = tls.secret().get();
        var cert = secret.certificate();
        HostCoverage coverage = cert.map(c -> HostnameMatcher.coverage(c, request.host())).orElse(HostCoverage.SAN);
        trace.chosen(TraceStep.Stage.TLS, "Secret " + secret.ref().path(), tls.reason());
        if (cert.isPresent() && coverage != HostCoverage.SAN) {
            trace.note(TraceStep.Stage.TLS, "host " + request.host(), coverage == HostCoverage.COMMON_NAME_ONLY
                    ? "the certificate names " + request.host() + " only in its common name; browsers reject that"
                    : "the certificate does not cover " + request.host() + " (it covers "
                    + String.join(", ", HostnameMatcher.coveredNames(cert.get())) + ")");
        }
        return new ServedCertificate.FromSecret(secret.ref(), tls.chosenBy().get(), cert, coverage, request.host());
    }
}
