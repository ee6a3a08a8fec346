package dev.gatehouse.probe;

import dev.gatehouse.routing.ServedCertificate;
import dev.gatehouse.tls.CertificateInfo;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A probe report as a table: for each aspect what the objects predict beside what was observed, with the status
 * of the verdict that judges it. For the window's probe panel; no JavaFX.
 */
public final class Comparison {

    /** Shown where the objects predict nothing about an aspect. */
    public static final String NOT_PREDICTED = "—";

    private Comparison() {
    }

    /**
     * One aspect.
     *
     * @param aspect    e.g. "Leaf certificate"
     * @param predicted what the objects say (or {@link #NOT_PREDICTED})
     * @param observed  what the endpoint did
     * @param status    the status of the verdict judging it
     */
    public record Line(String aspect, String predicted, String observed, Verdict.Status status) {
    }

    public static List<Line> of(HostReport report) {
        List<Line> lines = new ArrayList<>();
        Observation o = report.observation();
        Expectation e = report.planned().expectation();
        String where = report.planned().forwarded().isPresent() ? report.planned().addressFrom() + " (local end "
                + report.planned().target().address() + ")"
                : report.planned().target().address() + " (from " + report.planned().addressFrom() + ")";
        lines.add(new Line("Address", where, o.reached() ? "TLS handshake completed" : o.withSni().problem().map(NetworkProblem::message)
                .orElse("no TLS handshake"), status(report, Verdict.Check.REACHABLE)));
        if (!o.reached()) {
            return lines;
        }
        Handshake h = o.withSni().handshake().orElseThrow();
        lines.add(new Line("Leaf certificate (SNI " + report.host() + ")", predicted(e),
                h.leaf().map(c -> describe(c, o)).orElse("none sent"), status(report, Verdict.Check.CERTIFICATE)));
        lines.add(new Line("Without SNI", NOT_PREDICTED, o.withoutSni().map(a -> a.handshake()
                .flatMap(Handshake::leaf).map(c -> describe(c, o))
                .orElse(a.problem().map(NetworkProblem::message).orElse("no handshake"))).orElse("not tried"),
                status(report, Verdict.Check.NO_SNI)));
        lines.add(new Line("Chain as served", "leaf first, each certificate followed by its issuer, up to a trusted"
                + " root", chain(h.chain()), worst(report, Verdict.Check.CHAIN_ORDER, Verdict.Check.CHAIN_COMPLETE,
                Verdict.Check.TRUST)));
        lines.add(new Line("Host name", "covered by the certificate", report.verdict(Verdict.Check.HOST_NAME)
                .map(Verdict::message).orElse(""), worst(report, Verdict.Check.HOST_NAME, Verdict.Check.VALIDITY)));
        lines.add(new Line("TLS versions accepted", "TLS 1.2, TLS 1.3 (ingress-nginx's default ssl-protocols)",
                versions(o), status(report, Verdict.Check.TLS_VERSIONS)));
        lines.add(new Line("Negotiated", NOT_PREDICTED, h.protocol() + " · " + h.cipher(),
                status(report, Verdict.Check.NEGOTIATED)));
        lines.add(new Line("ALPN (h2, http/1.1 offered)", "h2 (use-http2)", h.alpn().orElse("none"),
                status(report, Verdict.Check.ALPN)));
        lines.add(new Line("HSTS", e.hsts().orElse("none"), o.http().map(a -> a.response()
                .map(r -> r.hsts().orElse("none") + " (" + r.statusLine() + ")")
                .orElse(a.problem().map(NetworkProblem::message).orElse("no answer to GET /"))).orElse("not tried"),
                status(report, Verdict.Check.HSTS)));
        lines.add(new Line("OCSP stapling", NOT_PREDICTED, h.ocsp().map(der -> OcspStaple.read(der))
                .map(s -> "stapled: " + s.status().name().toLowerCase(java.util.Locale.ROOT)).orElse("none stapled"),
                status(report, Verdict.Check.OCSP_STAPLING)));
        OptionalInt scts = h.leaf().map(Scts::count).orElse(OptionalInt.empty());
        lines.add(new Line("CT SCTs", NOT_PREDICTED, scts.isEmpty() ? "none embedded" : scts.getAsInt() < 0
                ? "unreadable" : scts.getAsInt() + " embedded", status(report, Verdict.Check.CT_SCTS)));
        lines.add(new Line("Handshake time", NOT_PREDICTED, h.time().toMillis() + " ms",
                status(report, Verdict.Check.HANDSHAKE_TIME)));
        return lines;
    }

    /** What the objects say the controller serves for the host. */
    static String predicted(Expectation e) {
        if (e.certificate().isEmpty()) {
            return "no TLS section for " + e.host();
        }
        ServedCertificate c = e.certificate().get();
        if (c instanceof ServedCertificate.FromSecret s) {
            return s.certificate().map(info -> "\"" + info.displayName() + "\" of Secret " + s.secret().path()
                    + " · SHA-256 " + CertificateVerdicts.shortPrint(info) + " · valid from " + info.notBefore())
                    .orElse("Secret " + s.secret().path() + " (not in the objects read)");
        }
        if (c instanceof ServedCertificate.ControllerDefault d) {
            return "the controller's fake default certificate (" + d.reason() + ")";
        }
        return c.describe();
    }

    private static String describe(X509Certificate cert, Observation o) {
        CertificateInfo info = CertificateInfo.of(cert, o.at());
        return "\"" + info.displayName() + "\" issued by \"" + info.issuerCommonName().orElse(info.issuer())
                + "\" · SHA-256 " + CertificateVerdicts.shortPrint(info) + " · valid from " + info.notBefore();
    }

    private static String chain(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return "no certificates";
        }
        return chain.size() + (chain.size() == 1 ? " certificate: " : " certificates: ") + chain.stream()
                .map(c -> CertificateInfo.of(c, java.time.Instant.EPOCH).displayName())
                .collect(Collectors.joining(" → "));
    }

    private static String versions(Observation o) {
        List<String> accepted = o.versions().stream().filter(v -> v.result() == VersionSupport.Result.ACCEPTED)
                .map(VersionSupport::label).toList();
        List<String> refused = o.versions().stream().filter(v -> v.result() == VersionSupport.Result.REFUSED)
                .map(VersionSupport::label).toList();
        return (accepted.isEmpty() ? "none" : String.join(", ", accepted))
                + (refused.isEmpty() ? "" : " (refuses " + String.join(", ", refused) + ")");
    }

    private static Verdict.Status status(HostReport r, Verdict.Check check) {
        return r.verdict(check).map(Verdict::status).orElse(Verdict.Status.NOTE);
    }

    private static Verdict.Status worst(HostReport r, Verdict.Check... checks) {
        Verdict.Status worst = Verdict.Status.NOTE;
        boolean anyPass = false;
        for (Verdict.Check c : checks) {
            Optional<Verdict> v = r.verdict(c);
            if (v.filter(Verdict::failed).isPresent()) {
                return Verdict.Status.FAIL;
            }
            anyPass |= v.filter(x -> x.status() == Verdict.Status.PASS).isPresent();
        }
        return anyPass ? Verdict.Status.PASS : worst;
    }
}
