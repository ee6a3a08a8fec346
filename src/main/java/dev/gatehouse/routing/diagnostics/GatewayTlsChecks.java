package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.gateway.CertificateRef;
import dev.gatehouse.routing.gateway.FrontendValidation;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayState;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.SecretState;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.ChainAnalysis;
import dev.gatehouse.tls.ExpiryStatus;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * GH720–GH726: a Gateway's {@code spec.tls}: the CA its HTTPS listeners validate client certificates with
 * ({@code frontend}) and the client certificate it presents to backends ({@code backend.clientCertificateRef}),
 * judged with the same Secret analysis (and clock) as listener certificates.
 */
final class GatewayTlsChecks {

    void run(GatewayState gateway, Findings findings) {
        Set<String> said = new HashSet<>();
        for (GatewayListener listener : gateway.listeners()) {
            listener.frontendValidation().ifPresent(v -> frontend(gateway, listener, v, said, findings));
        }
        gateway.backendClientCertificate().ifPresent(c -> backend(gateway, c, findings));
    }

    /** One finding per CA reference and field (several listeners on a port share one validation). */
    private static void frontend(GatewayState gateway, GatewayListener listener, FrontendValidation v, Set<String> said,
                                 Findings findings) {
        ObjectRef owner = gateway.ref();
        String effect = v.noValidCa() ? "listener " + listener.name() + " is not accepted (NoValidCACertificate) and"
                + " serves nothing" : "the listener validates with the other CA references only";
        for (FrontendValidation.CaRef ca : v.caRefs()) {
            if (ca.usable() || !said.add(v.field() + " " + ca.ref())) {
                continue;
            }
            if (ca.resolution() == FrontendValidation.Resolution.NOT_PERMITTED) {
                findings.add(DiagnosticCode.GH721, owner, v.field() + ": " + ca.reason() + "; " + effect,
                        "Create a ReferenceGrant in " + ca.ref().namespace() + " from Gateways of " + owner.namespace()
                        + " to " + ca.ref().kind() + "s (or move the CA into " + owner.namespace() + ")");
            } else {
                findings.add(DiagnosticCode.GH720, owner, v.field() + ": " + ca.reason() + "; " + effect,
                        "Create ConfigMap " + ca.ref().path() + " with the client CA's PEM certificate under the key"
                        + " ca.crt (kubectl create configmap " + ca.ref().name() + " -n " + ca.ref().namespace()
                        + " --from-file=ca.crt=client-ca.pem), or fix caCertificateRefs");
            }
        }
        if (v.insecureFallback() && !v.noValidCa() && said.add(v.field() + " fallback")) {
            findings.add(DiagnosticCode.GH722, owner, v.field() + " has mode AllowInsecureFallback: listener "
                    + listener.name() + " asks for client certificates (" + v.cas() + ") but accepts connections"
                    + " without one, or with one the CA does not verify; only the backend can still refuse them",
                    "Set mode: AllowValidOnly (the default) once every client has a certificate");
        }
    }

    private static void backend(GatewayState gateway, CertificateRef c, Findings findings) {
        ObjectRef owner = gateway.ref();
        String field = "spec.tls.backend.clientCertificateRef";
        String effect = "; the Gateway presents no client certificate to backends, so those that require one refuse"
                + " the connection";
        switch (c.resolution()) {
            case NOT_PERMITTED -> findings.add(DiagnosticCode.GH724, owner, field + ": " + c.reason() + effect,
                    "Create a ReferenceGrant in " + c.secret().namespace() + " from Gateways of " + owner.namespace()
                    + " to Secrets (or move the Secret into " + owner.namespace() + ")");
            case INVALID -> {
                Optional<ChainAnalysis> chain = c.state().flatMap(SecretState::chain);
                if (chain.map(ch -> ch.keyMatch() == ChainAnalysis.KeyMatch.MATCHES_NONE).orElse(false)
                        && c.state().map(SecretState::hasKey).orElse(false)) {
                    findings.add(DiagnosticCode.GH725, owner, field + ": the private key in Secret " + c.secret().path()
                            + " does not belong to its certificate (InvalidClientCertificateRef)" + effect,
                            "Put the key the client certificate was issued for in tls.key, or reissue it");
                } else {
                    findings.add(DiagnosticCode.GH723, owner, field + ": " + c.reason() + effect,
                            "Create the kubernetes.io/tls Secret " + c.secret().path() + " with the client certificate"
                            + " in tls.crt and its key in tls.key (or fix clientCertificateRef)");
                }
            }
            case RESOLVED -> {
                Optional<CertificateInfo> cert = c.state().flatMap(SecretState::servedCertificate);
                if (cert.isPresent() && (cert.get().expiry() == ExpiryStatus.EXPIRED
                        || cert.get().expiry() == ExpiryStatus.NOT_YET_VALID)) {
                    CertificateInfo info = cert.get();
                    findings.add(DiagnosticCode.GH726, owner, field + ": the client certificate \"" + info.displayName()
                            + "\" of Secret " + c.secret().path() + (info.expiry() == ExpiryStatus.EXPIRED
                            ? " expired " + -info.daysLeft() + " days ago (" + info.notAfter() + ")"
                            : " is not valid before " + info.notBefore()) + "; backends that verify it refuse the"
                            + " connection", "Replace the certificate in Secret " + c.secret().path()
                            + " with a valid one (or renew it with cert-manager)");
                }
            }
        }
    }
}
