package dev.gatehouse.routing;

import dev.gatehouse.routing.model.Server;
import dev.gatehouse.routing.model.ServerTable;
import dev.gatehouse.routing.model.TlsBinding;
import dev.gatehouse.tls.HostCoverage;
import dev.gatehouse.tls.HostnameMatcher;
import java.util.Optional;

/**
 * Chooses the certificate by SNI as ingress-nginx does: the server whose host equals the SNI, else the
 * wildcard server for it; its certificate if it has a usable one; otherwise (and without SNI) the
 * controller's default certificate. The route is chosen separately, by the Host header.
 */
final class CertificateSelector {

    private CertificateSelector() {
    }

    static ServedCertificate select(ServerTable servers, ProbeRequest request, Trace trace) {
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
        Optional<Server> server = servers.exact(sni).or(() -> servers.wildcardFor(sni));
        if (server.isEmpty()) {
            String why = "no Ingress rule has the host " + sni + ", so no certificate is configured for it and"
                    + " ingress-nginx presents its default certificate";
            trace.chosen(TraceStep.Stage.TLS, "default certificate", why);
            return new ServedCertificate.ControllerDefault(why);
        }
        Server s = server.get();
        if (s.tls().isEmpty()) {
            String why = "no Ingress with a rule for " + s.pattern().host() + " has a tls section, so ingress-nginx"
                    + " presents its default certificate";
            trace.chosen(TraceStep.Stage.TLS, "default certificate", why);
            return new ServedCertificate.ControllerDefault(why);
        }
        TlsBinding binding = s.tls().get();
        if (!binding.servesSecret()) {
            trace.chosen(TraceStep.Stage.TLS, "default certificate", binding.reason());
            return new ServedCertificate.ControllerDefault(binding.reason());
        }
        var state = binding.secret().orElseThrow();
        var cert = state.servedCertificate();
        HostCoverage coverage = cert.map(c -> HostnameMatcher.coverage(c, request.host())).orElse(HostCoverage.SAN);
        trace.chosen(TraceStep.Stage.TLS, "Secret " + state.ref().path(), binding.reason());
        if (cert.isPresent() && coverage != HostCoverage.SAN) {
            trace.note(TraceStep.Stage.TLS, "host " + request.host(), coverage == HostCoverage.COMMON_NAME_ONLY
                    ? "the certificate names " + request.host() + " only in its common name; browsers reject that"
                    : "the certificate does not cover " + request.host() + " (it covers "
                    + String.join(", ", HostnameMatcher.coveredNames(cert.get())) + ")");
        }
        return new ServedCertificate.FromSecret(state.ref(), binding.ingress(), cert, coverage, request.host());
    }
}
