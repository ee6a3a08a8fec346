package dev.gatehouse.probe;

import dev.gatehouse.routing.ServedCertificate;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.ChainAnalysis;
import dev.gatehouse.tls.ChainAnalyzer;
import dev.gatehouse.tls.ExpiryStatus;
import dev.gatehouse.tls.MaterialProblem;
import dev.gatehouse.tls.TrustAnchors;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges the certificates served: whose leaf it is, the chain as served, trust, validity and the host name. */
final class CertificateVerdicts {

    private final Clock clock;
    private final ChainAnalyzer analyzer;

    CertificateVerdicts(Clock clock, TrustAnchors anchors) {
        this.clock = clock;
        this.analyzer = new ChainAnalyzer(clock, anchors);
    }

    List<Verdict> judge(Expectation expected, Handshake served, Optional<Attempt> withoutSni) {
        List<Verdict> verdicts = new ArrayList<>();
        if (served.chain().isEmpty()) {
            verdicts.add(Verdict.fail(Verdict.Check.CERTIFICATE, "the server sent no certificate"));
            return verdicts;
        }
        ChainAnalysis chain = analyzer.analyze(served.chain(), Optional.empty());
        CertificateInfo leaf = chain.certificates().get(0);
        verdicts.add(leafVerdict(expected, leaf));
        verdicts.add(noSni(expected, leaf, withoutSni));
        verdicts.add(order(chain));
        verdicts.add(completeness(chain));
        verdicts.add(trust(chain));
        verdicts.add(validity(chain));
        verdicts.add(leaf.covers(expected.host())
                ? Verdict.pass(Verdict.Check.HOST_NAME, "the served certificate covers " + expected.host())
                : Verdict.fail(Verdict.Check.HOST_NAME, "the served certificate does not cover " + expected.host()
                        + " (it names " + names(leaf) + "): clients refuse it"));
        return verdicts;
    }

    /** Whose certificate is served, set beside the engine's prediction. */
    private Verdict leafVerdict(Expectation expected, CertificateInfo served) {
        String host = expected.host();
        Optional<ServedCertificate> predicted = expected.certificate();
        if (predicted.isEmpty()) {
            return Verdict.note(Verdict.Check.CERTIFICATE, "the objects give " + host + " no TLS section; the server"
                    + " sends " + whose(served, expected));
        }
        if (predicted.get() instanceof ServedCertificate.Passthrough passthrough) {
            return Verdict.note(Verdict.Check.CERTIFICATE, "TLS passthrough to " + passthrough.service().path()
                    + ": the backend's own certificate is served (" + whose(served, expected) + "), not compared");
        }
        if (predicted.get() instanceof ServedCertificate.ControllerDefault fallback) {
            return fake(served)
                    ? Verdict.pass(Verdict.Check.CERTIFICATE, "the controller serves its fake default certificate,"
                            + " as the objects predict (" + fallback.reason() + ")")
                    : Verdict.fail(Verdict.Check.CERTIFICATE, "the objects predict the controller's fake default"
                            + " certificate for " + host + " (" + fallback.reason() + "), but the server sends "
                            + whose(served, expected));
        }
        ServedCertificate.FromSecret secret = (ServedCertificate.FromSecret) predicted.get();
        String secretName = "Secret " + secret.secret().path();
        if (secret.certificate().isEmpty()) {
            return Verdict.note(Verdict.Check.CERTIFICATE, secretName + " is not in the input, so the served"
                    + " certificate cannot be compared; the server sends " + whose(served, expected));
        }
        CertificateInfo wanted = secret.certificate().get();
        if (wanted.sha256Fingerprint().equals(served.sha256Fingerprint())) {
            return Verdict.pass(Verdict.Check.CERTIFICATE, "the server sends the certificate of " + secretName
                    + " (SHA-256 " + shortPrint(served) + ")");
        }
        if (fake(served)) {
            return Verdict.fail(Verdict.Check.CERTIFICATE, "the controller serves its fake default certificate for "
                    + host + " instead of the certificate of " + secretName + ": the controller has not loaded the"
                    + " Secret (not synced yet, or it rejected it; see the controller's log)");
        }
        Optional<ObjectRef> other = Optional.ofNullable(expected.knownLeaves().get(served.sha256Fingerprint()));
        if (other.isPresent()) {
            return Verdict.fail(Verdict.Check.CERTIFICATE, "the server sends the certificate of Secret "
                    + other.get().path() + " for " + host + ", not that of " + secretName);
        }
        if (sameNames(served, wanted) && served.notBefore().isBefore(wanted.notBefore())) {
            return Verdict.fail(Verdict.Check.CERTIFICATE, secretName + " was renewed " + ago(wanted.notBefore())
                    + " (its certificate is valid from " + wanted.notBefore() + ") but the controller still serves the"
                    + " old certificate (notBefore " + served.notBefore() + ", notAfter " + served.notAfter()
                    + "): it has not reloaded the Secret");
        }
        if (sameNames(served, wanted) && served.notBefore().isAfter(wanted.notBefore())) {
            return Verdict.fail(Verdict.Check.CERTIFICATE, "the server sends a newer certificate (notBefore "
                    + served.notBefore() + ") than " + secretName + " holds (notBefore " + wanted.notBefore()
                    + "): the objects read are older than what the controller serves");
        }
        return Verdict.fail(Verdict.Check.CERTIFICATE, "the server sends " + whose(served, expected)
                + ", not the certificate of " + secretName + " (\"" + wanted.displayName() + "\", SHA-256 "
                + shortPrint(wanted) + "): is the address that of another server or controller?");
    }

    private Verdict noSni(Expectation expected, CertificateInfo withSni, Optional<Attempt> withoutSni) {
        if (withoutSni.isEmpty()) {
            return Verdict.note(Verdict.Check.NO_SNI, "not tried");
        }
        Attempt attempt = withoutSni.get();
        if (!attempt.succeeded()) {
            return Verdict.note(Verdict.Check.NO_SNI, "without SNI: " + attempt.problem().map(NetworkProblem::message)
                    .orElse("no handshake") + " (clients that send no SNI, like old ones or IP-only checks, fail)");
        }
        List<X509Certificate> chain = attempt.handshake().orElseThrow().chain();
        if (chain.isEmpty()) {
            return Verdict.note(Verdict.Check.NO_SNI, "without SNI the server sends no certificate");
        }
        CertificateInfo leaf = CertificateInfo.of(chain.get(0), clock.instant());
        return Verdict.note(Verdict.Check.NO_SNI, "without SNI the server sends "
                + (leaf.sha256Fingerprint().equals(withSni.sha256Fingerprint()) ? "the same certificate"
                : whose(leaf, expected)));
    }

    private static Verdict order(ChainAnalysis chain) {
        int n = chain.certificates().size();
        if (chain.ordered()) {
            return Verdict.pass(Verdict.Check.CHAIN_ORDER, n == 1 ? "one certificate served"
                    : n + " certificates served leaf first, each followed by its issuer");
        }
        String why = chain.findings().stream().filter(f -> f.kind() == MaterialProblem.Kind.LEAF_NOT_FIRST
                        || f.kind() == MaterialProblem.Kind.INTERMEDIATES_OUT_OF_ORDER
                        || f.kind() == MaterialProblem.Kind.UNRELATED_CERTIFICATE)
                .map(MaterialProblem::message).findFirst().orElse(chain.order().toString());
        return Verdict.fail(Verdict.Check.CHAIN_ORDER, "the chain is served out of order: " + why);
    }

    private static Verdict completeness(ChainAnalysis chain) {
        return switch (chain.completeness()) {
            case COMPLETE -> Verdict.pass(Verdict.Check.CHAIN_COMPLETE, "complete: it reaches a trusted root");
            case COMPLETE_WITH_ROOT -> Verdict.pass(Verdict.Check.CHAIN_COMPLETE, "complete: it ends with its"
                    + " self-signed root (sending the root is unnecessary)");
            case ROOT_NOT_TRUSTED -> Verdict.note(Verdict.Check.CHAIN_COMPLETE, "it ends at an intermediate whose"
                    + " root is not trusted here (" + chain.missingIssuer().orElse("?") + ")");
            case INCOMPLETE -> Verdict.fail(Verdict.Check.CHAIN_COMPLETE, "the chain is incomplete as served: "
                    + chain.findings(MaterialProblem.Kind.CHAIN_INCOMPLETE).stream().map(MaterialProblem::message)
                    .map(m -> m.replaceFirst("^The chain is incomplete: ", ""))
                    .findFirst().orElse("an intermediate is missing") + " (clients that have not cached it fail)");
            case UNKNOWN -> Verdict.fail(Verdict.Check.CHAIN_COMPLETE, "no certificates served");
        };
    }

    private static Verdict trust(ChainAnalysis chain) {
        if (chain.trusted()) {
            return Verdict.pass(Verdict.Check.TRUST, "trusted: issued by " + chain.trustedBy().orElseThrow());
        }
        CertificateInfo leaf = chain.certificates().get(0);
        String why = leaf.selfSigned() ? "it is self-signed"
                : "its issuer \"" + leaf.issuerCommonName().orElse(leaf.issuer()) + "\" leads to no root trusted here";
        return Verdict.fail(Verdict.Check.TRUST, "not trusted here: " + why
                + " (trust a private CA with \"Trust a CA certificate…\" if it is yours)");
    }

    private Verdict validity(ChainAnalysis chain) {
        List<String> problems = new ArrayList<>();
        for (CertificateInfo c : chain.certificates()) {
            if (c.expiry() == ExpiryStatus.EXPIRED) {
                problems.add("\"" + c.displayName() + "\" expired on " + c.notAfter());
            } else if (c.expiry() == ExpiryStatus.NOT_YET_VALID) {
                problems.add("\"" + c.displayName() + "\" is not valid before " + c.notBefore());
            }
        }
        CertificateInfo leaf = chain.certificates().get(0);
        return problems.isEmpty()
                ? Verdict.pass(Verdict.Check.VALIDITY, "valid until " + leaf.notAfter() + " (" + leaf.daysLeft()
                        + " days left)")
                : Verdict.fail(Verdict.Check.VALIDITY, String.join("; ", problems));
    }

    /** Which certificate this is, in words: a Secret's, the fake one, or an unknown one. */
    static String whose(CertificateInfo served, Expectation expected) {
        ObjectRef known = expected.knownLeaves().get(served.sha256Fingerprint());
        if (known != null) {
            return "the certificate of Secret " + known.path();
        }
        if (fake(served)) {
            return "the controller's fake default certificate (\"" + ControllerProfile.FAKE_CERTIFICATE_NAME + "\")";
        }
        return "\"" + served.displayName() + "\" issued by \"" + served.issuerCommonName().orElse(served.issuer())
                + "\" (SHA-256 " + shortPrint(served) + ", from no Secret of the input)";
    }

    static boolean fake(CertificateInfo c) {
        return c.subjectCommonName().map(ControllerProfile.FAKE_CERTIFICATE_NAME::equals).orElse(false);
    }

    private static boolean sameNames(CertificateInfo a, CertificateInfo b) {
        return a.subject().equals(b.subject()) || !a.dnsNames().isEmpty()
                && a.dnsNames().stream().anyMatch(b.dnsNames()::contains);
    }

    private String ago(Instant then) {
        long days = Duration.between(then, clock.instant()).toDays();
        return days == 0 ? "today" : days == 1 ? "1 day ago" : days > 0 ? days + " days ago" : "to take effect in "
                + -days + " days";
    }

    private static String names(CertificateInfo c) {
        List<String> all = new ArrayList<>(c.dnsNames());
        all.addAll(c.ipAddresses());
        return all.isEmpty() ? "no names, CN \"" + c.displayName() + "\"" : String.join(", ", all);
    }

    /** The first 8 bytes of the fingerprint, enough to tell certificates apart in a sentence. */
    static String shortPrint(CertificateInfo c) {
        String f = c.sha256Fingerprint();
        return f.length() > 23 ? f.substring(0, 23) + "…" : f;
    }
}
