package dev.gatehouse.cli;

import dev.gatehouse.probe.Attempt;
import dev.gatehouse.probe.Handshake;
import dev.gatehouse.probe.HostReport;
import dev.gatehouse.probe.HttpHead;
import dev.gatehouse.probe.Observation;
import dev.gatehouse.probe.Verdict;
import dev.gatehouse.probe.VersionSupport;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code gatehouse probe} output: text for people, JSON for scripts. */
final class ProbeRenderer {

    private ProbeRenderer() {
    }

    static String text(List<HostReport> reports) {
        StringBuilder b = new StringBuilder();
        for (HostReport r : reports) {
            b.append(r.host()).append(r.planned().forwarded().isPresent() ? " " + r.planned().reachedHow()
                    : " at " + r.planned().target().address() + " (address from " + r.planned().addressFrom() + ")")
                    .append(": ")
                    .append(r.agrees() ? "agrees with the objects" : r.failures().size() + " problem"
                            + (r.failures().size() == 1 ? "" : "s")).append('\n');
            for (Verdict v : r.verdicts()) {
                b.append(String.format(Locale.ROOT, "  %-4s  %-15s %s%n", v.status(), v.check().label(), v.message()));
            }
            r.observation().withSni().handshake().ifPresent(h -> {
                b.append("  served chain (SNI ").append(r.host()).append("):\n");
                int i = 1;
                for (X509Certificate c : h.chain()) {
                    b.append("    ").append(i++).append(". ").append(c.getSubjectX500Principal().getName())
                            .append("\n       issued by ").append(c.getIssuerX500Principal().getName())
                            .append("\n       SHA-256 ").append(fingerprint(c)).append('\n');
                }
            });
            b.append('\n');
        }
        long agreeing = reports.stream().filter(HostReport::agrees).count();
        b.append(agreeing == reports.size() ? "every host agrees with the objects (" + reports.size() + ")"
                : (reports.size() - agreeing) + " of " + reports.size() + " host" + (reports.size() == 1 ? "" : "s")
                        + " disagree with the objects or fail a check").append('\n');
        return b.toString();
    }

    static String json(List<HostReport> reports) {
        List<Object> hosts = new ArrayList<>();
        for (HostReport r : reports) {
            Map<String, Object> host = new LinkedHashMap<>();
            Observation o = r.observation();
            host.put("host", r.host());
            host.put("address", r.planned().target().address().toString());
            host.put("addressFrom", r.planned().addressFrom());
            host.put("portForward", r.planned().forwarded().map(f -> {
                Map<String, Object> fw = new LinkedHashMap<>();
                fw.put("pod", f.namespace() + "/" + f.pod());
                fw.put("podPort", f.podPort());
                fw.put("service", f.service());
                fw.put("because", f.because().orElse(null));
                return (Object) fw;
            }).orElse(null));
            host.put("resolved", o.resolved().map(ip -> ip.getHostAddress()).orElse(null));
            host.put("probedAt", o.at().toString());
            host.put("agrees", r.agrees());
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("certificate", r.planned().expectation().certificate().map(c -> c.describe()).orElse(null));
            expected.put("sha256", r.planned().expectation().expectedFingerprint().orElse(null));
            expected.put("hsts", r.planned().expectation().hsts().orElse(null));
            host.put("expected", expected);
            Map<String, Object> sni = new LinkedHashMap<>();
            sni.put(r.host(), attempt(o.withSni()));
            o.withoutSni().ifPresent(a -> sni.put("(none)", attempt(a)));
            host.put("served", sni);
            Map<String, Object> protocols = new LinkedHashMap<>();
            for (VersionSupport v : o.versions()) {
                protocols.put(v.protocol(), v.result().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            host.put("protocols", protocols);
            host.put("negotiated", o.withSni().handshake().map(Handshake::protocol).orElse(null));
            host.put("alpn", o.withSni().handshake().flatMap(Handshake::alpn).orElse(null));
            Optional<HttpHead> head = o.http().flatMap(Attempt::response);
            host.put("httpStatus", head.map(HttpHead::status).orElse(null));
            host.put("hsts", head.flatMap(HttpHead::hsts).orElse(null));
            List<Object> verdicts = new ArrayList<>();
            for (Verdict v : r.verdicts()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("check", v.check().key());
                m.put("status", v.status().name().toLowerCase(Locale.ROOT));
                m.put("message", v.message());
                verdicts.add(m);
            }
            host.put("verdicts", verdicts);
            hosts.add(host);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("agrees", reports.stream().allMatch(HostReport::agrees));
        root.put("hosts", hosts);
        return JsonText.write(root);
    }

    private static Map<String, Object> attempt(Attempt a) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (a.handshake().isEmpty()) {
            m.put("error", a.problem().map(p -> p.message()).orElse("no handshake"));
            m.put("errorKind", a.problem().map(p -> p.kind().name().toLowerCase(Locale.ROOT)).orElse(null));
            return m;
        }
        Handshake h = a.handshake().get();
        List<Object> chain = new ArrayList<>();
        for (X509Certificate c : h.chain()) {
            Map<String, Object> cert = new LinkedHashMap<>();
            cert.put("subject", c.getSubjectX500Principal().getName());
            cert.put("issuer", c.getIssuerX500Principal().getName());
            cert.put("sha256", fingerprint(c));
            cert.put("notBefore", c.getNotBefore().toInstant().toString());
            cert.put("notAfter", c.getNotAfter().toInstant().toString());
            chain.add(cert);
        }
        m.put("chain", chain);
        m.put("protocol", h.protocol());
        m.put("cipher", h.cipher());
        m.put("alpn", h.alpn().orElse(null));
        m.put("ocspStapled", h.ocsp().isPresent());
        m.put("handshakeMillis", h.time().toMillis());
        return m;
    }

    private static String fingerprint(X509Certificate c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "?";
        }
    }
}
