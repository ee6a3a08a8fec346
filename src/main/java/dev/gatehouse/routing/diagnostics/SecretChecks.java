package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ClassVerdict;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.model.SecretState;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.ChainAnalysis;
import dev.gatehouse.tls.HostCoverage;
import dev.gatehouse.tls.HostnameMatcher;
import dev.gatehouse.tls.MaterialProblem;
import dev.gatehouse.tls.ParsedMaterial;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** GH1xx, GH201, GH207: the TLS Secrets named by handled Ingresses and whether they fit their hosts. */
final class SecretChecks implements Check {

    @Override
    public void run(RoutingModel model, Findings findings) {
        Map<ObjectRef, Set<ObjectRef>> users = new LinkedHashMap<>();
        for (ClassVerdict verdict : model.classes().accepted()) {
            ObjectRef ingress = verdict.ref();
            for (IngressTLS tls : HostChecks.tls(verdict.ingress())) {
                if (tls.getSecretName() == null || tls.getSecretName().isBlank()) {
                    continue;
                }
                SecretState state = model.secrets().get(ingress.namespace(), tls.getSecretName());
                if (state.presence() == SecretState.Presence.MISSING) {
                    findings.add(DiagnosticCode.GH101, ingress, "The Secret " + state.ref().path() + " named in the"
                                    + " tls section does not exist, so ingress-nginx serves its default certificate for "
                                    + hosts(tls), "Create the kubernetes.io/tls Secret " + state.ref().name()
                                    + " in namespace " + state.ref().namespace() + " (or fix secretName)");
                    continue;
                }
                users.computeIfAbsent(state.ref(), k -> new LinkedHashSet<>()).add(ingress);
                if (state.servable()) {
                    checkCoverage(ingress, tls, state, findings);
                }
            }
        }
        users.forEach((secret, ingresses) -> checkContent(model.secrets().get(secret), findings));
    }

    private static void checkCoverage(ObjectRef ingress, IngressTLS tls, SecretState state, Findings findings) {
        CertificateInfo cert = state.servedCertificate().orElseThrow();
        String covered = String.join(", ", HostnameMatcher.coveredNames(cert));
        for (String raw : tls.getHosts() == null ? List.<String>of() : tls.getHosts()) {
            String host = HostnameMatcher.normalize(raw);
            if (host.isEmpty() || !HostPattern.parse(raw).valid()) {
                continue; // invalid hosts are reported by HostChecks
            }
            HostCoverage coverage = HostnameMatcher.coverage(cert, host);
            if (coverage == HostCoverage.NONE) {
                findings.add(DiagnosticCode.GH201, ingress, "The certificate does not cover " + host + " (it covers "
                                + (covered.isEmpty() ? "no names" : covered) + "); ingress-nginx serves its default"
                                + " certificate for " + host,
                        "Issue a certificate with " + host + " as a subject alternative name into Secret "
                                + state.ref().path() + ", or list only hosts it covers");
            } else if (coverage == HostCoverage.COMMON_NAME_ONLY) {
                findings.add(DiagnosticCode.GH207, ingress, "The certificate names " + host + " only in its common"
                                + " name and has no subject alternative names; browsers reject it",
                        "Reissue the certificate with " + host + " as a DNS subject alternative name");
            }
        }
    }

    private static void checkContent(SecretState state, Findings findings) {
        if (state.presence() != SecretState.Presence.PRESENT) {
            return;
        }
        ObjectRef ref = state.ref();
        if (!SecretState.TLS_TYPE.equals(state.type().orElse(""))) {
            findings.add(DiagnosticCode.GH102, ref, "The Secret is of type " + state.type().orElse("(none)")
                            + ", not kubernetes.io/tls; ingress-nginx reads it, but other tools and controllers may not",
                    "Recreate it with kubectl create secret tls " + ref.name() + " --cert=tls.crt --key=tls.key");
        }
        if (!state.hasCertificate() || !state.hasKey()) {
            String missing = !state.hasCertificate() && !state.hasKey() ? "tls.crt and tls.key"
                    : !state.hasCertificate() ? "tls.crt" : "tls.key";
            findings.add(DiagnosticCode.GH103, ref, "The Secret has no " + missing + ", so ingress-nginx cannot use it"
                    + " and serves its default certificate", "Put the certificate chain in tls.crt and the private key"
                    + " in tls.key (kubectl create secret tls does both)");
        }
        unreadable(ref, state.certificate(), findings);
        unreadable(ref, state.key(), findings);
        state.chain().ifPresent(chain -> checkChain(ref, state, chain, findings));
    }

    private static void unreadable(ObjectRef ref, Optional<ParsedMaterial> material, Findings findings) {
        if (material.isEmpty()) {
            return;
        }
        for (MaterialProblem problem : material.get().problems()) {
            if (problem.level() == MaterialProblem.Level.ERROR) {
                findings.add(DiagnosticCode.GH104, ref, material.get().source() + ": " + problem.message(),
                        "Export the file again in PEM format, unencrypted, and replace the Secret value");
            }
        }
    }

    private static void checkChain(ObjectRef ref, SecretState state, ChainAnalysis chain, Findings findings) {
        for (CertificateInfo cert : chain.certificates()) {
            expiry(ref, state, cert, findings);
            for (String weakness : cert.weaknesses()) {
                findings.add(DiagnosticCode.GH113, ref, "\"" + cert.displayName() + "\": " + weakness,
                        "Reissue the certificate with a 2048-bit (or larger) RSA or a P-256 EC key and SHA-256");
            }
        }
        chain.first().filter(c -> c.serverAuth() == CertificateInfo.ServerAuth.MISSING).ifPresent(c ->
                findings.add(DiagnosticCode.GH114, ref, "The certificate \"" + c.displayName() + "\" is not"
                        + " allowed for TLS servers (its extended key usage lacks serverAuth)",
                        "Issue a server certificate (extended key usage serverAuth)"));
        switch (chain.order()) {
            case LEAF_NOT_FIRST, INTERMEDIATES_OUT_OF_ORDER -> chain.findings().stream()
                    .filter(f -> f.kind() == MaterialProblem.Kind.LEAF_NOT_FIRST
                            || f.kind() == MaterialProblem.Kind.INTERMEDIATES_OUT_OF_ORDER)
                    .findFirst().ifPresent(f -> findings.add(DiagnosticCode.GH111, ref, f.message()
                            + (chain.order() == ChainAnalysis.Order.LEAF_NOT_FIRST
                            ? "; ingress-nginx rejects the Secret and serves its default certificate" : ""),
                    "Reorder tls.crt: the server certificate first, then the certificate that issued it, and so on"));
            case UNRELATED_CERTIFICATES -> chain.findings(MaterialProblem.Kind.UNRELATED_CERTIFICATE)
                    .forEach(f -> findings.add(DiagnosticCode.GH115, ref, f.message(),
                            "Remove certificates that do not belong to the chain from tls.crt"));
            default -> {
                // ordered or empty
            }
        }
        if (chain.completeness() == ChainAnalysis.Completeness.INCOMPLETE) {
            findings.add(DiagnosticCode.GH112, ref, chain.findings(MaterialProblem.Kind.CHAIN_INCOMPLETE).stream()
                            .map(MaterialProblem::message).findFirst().orElse("The chain is incomplete")
                            + "; clients that do not already have it cannot verify the certificate",
                    "Append the intermediate certificate(s) after the server certificate in tls.crt");
        } else if (chain.completeness() == ChainAnalysis.Completeness.ROOT_NOT_TRUSTED) {
            findings.add(DiagnosticCode.GH116, ref, chain.findings(MaterialProblem.Kind.ROOT_NOT_TRUSTED).stream()
                            .map(MaterialProblem::message).findFirst().orElse("The chain ends at an intermediate CA"
                                    + " whose root is not trusted here"),
                    "Nothing to fix if clients trust that root; otherwise add the root to their trust stores"
                            + " (or to Gatehouse's trusted CAs to silence this note)");
        }
        if (chain.keyMatch() == ChainAnalysis.KeyMatch.MATCHES_NONE && state.hasKey()
                && !chain.certificates().isEmpty()) {
            findings.add(DiagnosticCode.GH110, ref, "The private key in tls.key does not belong to the certificate \""
                            + chain.first().map(CertificateInfo::displayName).orElse("?") + "\"; ingress-nginx rejects"
                            + " the Secret and serves its default certificate",
                    "Put the key that was used to request this certificate in tls.key, or reissue the certificate");
        }
    }

    private static void expiry(ObjectRef ref, SecretState state, CertificateInfo cert, Findings findings) {
        String name = "\"" + cert.displayName() + "\"";
        switch (cert.expiry()) {
            case EXPIRED -> findings.add(DiagnosticCode.GH105, ref, "The certificate " + name + " expired "
                    + days(-cert.daysLeft()) + " ago (" + cert.notAfter() + ")", renew(state));
            case EXPIRING_SOON -> findings.add(DiagnosticCode.GH106, ref, "The certificate " + name + " expires in "
                    + days(cert.daysLeft()) + " (" + cert.notAfter() + ")", renew(state));
            case EXPIRING -> findings.add(DiagnosticCode.GH107, ref, "The certificate " + name + " expires in "
                    + days(cert.daysLeft()) + " (" + cert.notAfter() + ")", renew(state));
            case NOT_YET_VALID -> findings.add(DiagnosticCode.GH108, ref, "The certificate " + name
                    + " is not valid before " + cert.notBefore(), "Check the issuer's clock or wait until then");
            default -> {
                // fine
            }
        }
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }

    private static String renew(SecretState state) {
        return state.managedBy().map(c -> "cert-manager's Certificate " + c + " owns this Secret: renew it"
                + " (cmctl renew " + c + " -n " + state.ref().namespace() + ") instead of replacing the Secret")
                .orElse("Replace the certificate in Secret " + state.ref().path() + " with a renewed one");
    }

    private static String hosts(IngressTLS tls) {
        return tls.getHosts() == null || tls.getHosts().isEmpty() ? "its hosts" : String.join(", ", tls.getHosts());
    }
}
