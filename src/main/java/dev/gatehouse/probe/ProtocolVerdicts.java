package dev.gatehouse.probe;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Judges how the endpoint speaks TLS and HTTPS: versions, ALPN, HSTS, OCSP stapling, CT, handshake time. */
final class ProtocolVerdicts {

    private final Clock clock;

    ProtocolVerdicts(Clock clock) {
        this.clock = clock;
    }

    List<Verdict> judge(Expectation expected, Observation observation, Handshake served) {
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(versions(observation.versions()));
        verdicts.add(Verdict.note(Verdict.Check.NEGOTIATED, served.protocol() + " with " + served.cipher()
                + " (every version offered)"));
        verdicts.add(alpn(served));
        verdicts.add(hsts(expected, observation.http()));
        verdicts.add(ocsp(served));
        verdicts.add(scts(served));
        verdicts.add(Verdict.note(Verdict.Check.HANDSHAKE_TIME, "the handshake took " + served.time().toMillis()
                + " ms"));
        return verdicts;
    }

    private static Verdict versions(List<VersionSupport> versions) {
        List<String> accepted = labels(versions, VersionSupport.Result.ACCEPTED);
        List<String> refused = labels(versions, VersionSupport.Result.REFUSED);
        List<String> untested = labels(versions, VersionSupport.Result.NOT_TESTED);
        List<String> unknown = labels(versions, VersionSupport.Result.UNKNOWN);
        String summary = "accepts " + (accepted.isEmpty() ? "none" : String.join(", ", accepted))
                + (refused.isEmpty() ? "" : "; refuses " + String.join(", ", refused))
                + (unknown.isEmpty() ? "" : "; unknown (the connection failed) " + String.join(", ", unknown))
                + (untested.isEmpty() ? "" : "; not tested here " + String.join(", ", untested));
        List<String> old = accepted.stream().filter(l -> l.equals("TLS 1.0") || l.equals("TLS 1.1")).toList();
        if (!old.isEmpty()) {
            return Verdict.fail(Verdict.Check.TLS_VERSIONS, String.join(" and ", old)
                    + (old.size() == 1 ? " is" : " are") + " still accepted (" + summary + "); browsers dropped them"
                    + " and ingress-nginx offers only TLS 1.2 and 1.3 by default (ssl-protocols)");
        }
        if (!accepted.contains("TLS 1.2") && !accepted.contains("TLS 1.3")) {
            return Verdict.fail(Verdict.Check.TLS_VERSIONS, "neither TLS 1.2 nor TLS 1.3 is accepted (" + summary
                    + ")");
        }
        return Verdict.pass(Verdict.Check.TLS_VERSIONS, summary);
    }

    private static List<String> labels(List<VersionSupport> versions, VersionSupport.Result result) {
        return versions.stream().filter(v -> v.result() == result).map(VersionSupport::label).toList();
    }

    private static Verdict alpn(Handshake served) {
        if (served.alpn().filter("h2"::equals).isPresent()) {
            return Verdict.pass(Verdict.Check.ALPN, "h2 chosen when h2 and http/1.1 are offered");
        }
        return Verdict.fail(Verdict.Check.ALPN, "no ALPN h2: " + served.alpn()
                .map(p -> "the server chose " + p + " when h2 and http/1.1 were offered")
                .orElse("the server answered no ALPN protocol, so clients speak HTTP/1.1")
                + " (ingress-nginx offers h2 by default, use-http2)");
    }

    private static Verdict hsts(Expectation expected, Optional<Attempt> http) {
        if (http.isEmpty()) {
            return Verdict.note(Verdict.Check.HSTS, "not tried");
        }
        Optional<HttpHead> response = http.get().response();
        if (response.isEmpty()) {
            return Verdict.fail(Verdict.Check.HSTS, "no HTTPS response to check: " + http.get().problem()
                    .map(NetworkProblem::message).orElse("no answer to GET /"));
        }
        HttpHead head = response.get();
        Optional<String> sent = head.hsts();
        String answer = "GET / answered \"" + head.statusLine() + "\"";
        if (sent.isPresent()) {
            if (expected.hsts().isEmpty()) {
                return Verdict.note(Verdict.Check.HSTS, "Strict-Transport-Security: " + sent.get() + " (" + answer
                        + "); the objects predict none");
            }
            return sent.get().equals(expected.hsts().get())
                    ? Verdict.pass(Verdict.Check.HSTS, "Strict-Transport-Security: " + sent.get() + " (" + answer + ")")
                    : Verdict.note(Verdict.Check.HSTS, "Strict-Transport-Security: " + sent.get() + " (" + answer
                            + "); the objects predict \"" + expected.hsts().get() + "\"");
        }
        return expected.hsts().isPresent()
                ? Verdict.fail(Verdict.Check.HSTS, "no HSTS header: " + answer + " without Strict-Transport-Security,"
                        + " but the objects predict \"" + expected.hsts().get() + "\"")
                : Verdict.pass(Verdict.Check.HSTS, "no HSTS header, as the objects predict (" + answer + ")");
    }

    private Verdict ocsp(Handshake served) {
        if (served.ocsp().isEmpty()) {
            return Verdict.note(Verdict.Check.OCSP_STAPLING, "no OCSP response stapled (clients check revocation"
                    + " themselves, or not at all)");
        }
        OcspStaple staple = OcspStaple.read(served.ocsp().get());
        return switch (staple.status()) {
            case GOOD -> staple.nextUpdate().filter(n -> n.isBefore(clock.instant())).isPresent()
                    ? Verdict.fail(Verdict.Check.OCSP_STAPLING, "the stapled OCSP response is stale: "
                            + staple.detail())
                    : Verdict.pass(Verdict.Check.OCSP_STAPLING, "OCSP response stapled: " + staple.detail());
            case REVOKED -> Verdict.fail(Verdict.Check.OCSP_STAPLING, "the stapled OCSP response says the"
                    + " certificate is revoked: " + staple.detail());
            case UNKNOWN -> Verdict.note(Verdict.Check.OCSP_STAPLING, "OCSP response stapled: " + staple.detail());
            case UNREADABLE -> Verdict.fail(Verdict.Check.OCSP_STAPLING, "the stapled OCSP response is "
                    + staple.detail());
        };
    }

    private static Verdict scts(Handshake served) {
        X509Certificate leaf = served.leaf().orElseThrow();
        OptionalInt count = Scts.count(leaf);
        if (count.isEmpty()) {
            return Verdict.note(Verdict.Check.CT_SCTS, "no SCTs embedded in the leaf (publicly trusted certificates"
                    + " carry them; private CAs' do not need them)");
        }
        if (count.getAsInt() < 0) {
            return Verdict.note(Verdict.Check.CT_SCTS, "the leaf's SCT list (" + Scts.OID + ") cannot be read");
        }
        return Verdict.pass(Verdict.Check.CT_SCTS, count.getAsInt() + " SCT" + (count.getAsInt() == 1 ? "" : "s")
                + " embedded in the leaf");
    }
}
