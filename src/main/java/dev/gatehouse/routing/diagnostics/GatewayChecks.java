package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.gateway.CertificateRef;
import dev.gatehouse.routing.gateway.Condition;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayState;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.model.SecretState;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.ChainAnalysis;
import dev.gatehouse.tls.ExpiryStatus;
import dev.gatehouse.tls.HostCoverage;
import dev.gatehouse.tls.HostnameMatcher;
import java.util.Optional;

/** GH701–GH710 (and GH720–GH726 through {@link GatewayTlsChecks}): Gateways, their listeners and the listeners' certificates (the SecretState analysis reused). */
final class GatewayChecks {

    void run(RoutingModel model, GatewayModel gateways, Findings findings) {
        if (gateways.isEmpty()) {
            return;
        }
        for (GatewayState gateway : gateways.gateways()) {
            if (!gateway.accepted() && gateway.condition(Condition.ACCEPTED).map(c -> c.reason().equals("Pending"))
                    .orElse(false)) {
                findings.add(DiagnosticCode.GH701, gateway.ref(), gateway.condition(Condition.ACCEPTED).orElseThrow()
                        .message(), "Set spec.gatewayClassName to a GatewayClass of the controller that should serve"
                        + " this Gateway (kubectl get gatewayclass)");
                continue;
            }
            for (GatewayListener listener : gateway.listeners()) {
                listener(gateway, listener, findings);
            }
            new GatewayTlsChecks().run(gateway, findings);
        }
        new GatewayRouteChecks().run(model, gateways, findings);
    }

    private static void listener(GatewayState gateway, GatewayListener listener, Findings findings) {
        ObjectRef owner = listener.key().owner();
        String name = "Listener " + listener.name();
        Condition accepted = listener.condition(Condition.ACCEPTED).orElseThrow();
        if (!accepted.status() && accepted.reason().equals("NoValidCACertificate")) {
            return; // GH720 / GH721 name the CA (GatewayTlsChecks)
        }
        if (!accepted.status()) {
            findings.add(DiagnosticCode.GH702, owner, name + " is not accepted (" + accepted.reason() + "): "
                    + accepted.message() + "; it serves nothing", "Fix the listener's protocol, TLS mode or hostname");
            return;
        }
        listener.condition(Condition.CONFLICTED).filter(Condition::status).ifPresent(c -> findings.add(
                DiagnosticCode.GH710, owner, name + " conflicts with another listener (" + c.reason() + "): "
                        + c.message() + "; the controller does not program it",
                "Give each listener on a port its own hostname (HTTPS/TLS may share a port by SNI; HTTP only with HTTP)"));
        if (!listener.terminatesTls()) {
            return;
        }
        if (listener.certificates().isEmpty()) {
            findings.add(DiagnosticCode.GH703, owner, name + " (" + listener.protocolName() + " :" + listener.port()
                    + ") terminates TLS but names no certificateRefs, so it cannot be programmed and serves nothing",
                    "Add tls.certificateRefs with a kubernetes.io/tls Secret covering " + listener.hostname().display());
            return;
        }
        for (CertificateRef ref : listener.certificates()) {
            switch (ref.resolution()) {
                case NOT_PERMITTED -> findings.add(DiagnosticCode.GH705, owner, name + ": " + ref.reason()
                        + (listener.programmed() ? "" : "; the listener serves nothing"), "Create a ReferenceGrant in "
                        + ref.secret().namespace() + " from Gateways of " + gateway.ref().namespace()
                        + " to Secrets (or move the Secret into " + gateway.ref().namespace() + ")");
                case INVALID -> invalid(listener, ref, owner, name, findings);
                case RESOLVED -> content(listener, ref, owner, name, findings);
            }
        }
    }

    private static void invalid(GatewayListener listener, CertificateRef ref, ObjectRef owner, String name,
                                Findings findings) {
        Optional<ChainAnalysis> chain = ref.state().flatMap(SecretState::chain);
        if (chain.map(c -> c.keyMatch() == ChainAnalysis.KeyMatch.MATCHES_NONE).orElse(false)
                && ref.state().map(SecretState::hasKey).orElse(false)) {
            findings.add(DiagnosticCode.GH708, owner, name + ": the private key in Secret " + ref.secret().path()
                    + " does not belong to its certificate, so the listener cannot use it (InvalidCertificateRef)",
                    "Put the key that was used to request this certificate in tls.key, or reissue the certificate");
            return;
        }
        if (chain.map(c -> c.order() == ChainAnalysis.Order.LEAF_NOT_FIRST).orElse(false)) {
            findings.add(DiagnosticCode.GH709, owner, name + ": tls.crt of Secret " + ref.secret().path()
                    + " does not start with the server certificate, so the listener cannot use it",
                    "Reorder tls.crt: the server certificate first, then the certificate that issued it, and so on");
            return;
        }
        findings.add(DiagnosticCode.GH704, owner, name + ": " + ref.reason() + (listener.programmed() ? ""
                : "; the listener serves nothing"), "Create the kubernetes.io/tls Secret " + ref.secret().path()
                + " with tls.crt and tls.key (or fix certificateRefs)");
    }

    private static void content(GatewayListener listener, CertificateRef ref, ObjectRef owner, String name,
                                Findings findings) {
        Optional<SecretState> state = ref.state();
        Optional<CertificateInfo> cert = state.flatMap(SecretState::servedCertificate);
        if (cert.isEmpty()) {
            return; // not in the input
        }
        CertificateInfo c = cert.get();
        if (c.expiry() == ExpiryStatus.EXPIRED || c.expiry() == ExpiryStatus.NOT_YET_VALID) {
            findings.add(DiagnosticCode.GH706, owner, name + ": the certificate \"" + c.displayName() + "\" of Secret "
                    + ref.secret().path() + (c.expiry() == ExpiryStatus.EXPIRED ? " expired " + -c.daysLeft()
                    + " days ago (" + c.notAfter() + ")" : " is not valid before " + c.notBefore())
                    + "; clients reject it", "Replace the certificate in Secret " + ref.secret().path()
                    + " with a valid one (or renew it with cert-manager)");
        }
        HostPattern host = listener.hostname();
        if (host.kind() != HostPattern.Kind.ANY && host.valid()) {
            boolean covered = host.kind() == HostPattern.Kind.WILDCARD
                    ? HostnameMatcher.coveredNames(c).contains(host.host())
                    : HostnameMatcher.coverage(c, host.host()) == HostCoverage.SAN;
            if (!covered) {
                findings.add(DiagnosticCode.GH707, owner, name + ": the certificate of Secret " + ref.secret().path()
                        + " does not cover the listener hostname " + host.host() + " (it covers "
                        + String.join(", ", HostnameMatcher.coveredNames(c)) + ")",
                        "Issue a certificate for " + host.host() + " (or change the listener hostname)");
            }
        }
        state.flatMap(SecretState::chain).filter(ch -> ch.order() == ChainAnalysis.Order.INTERMEDIATES_OUT_OF_ORDER)
                .ifPresent(ch -> findings.add(DiagnosticCode.GH709, owner, name + ": tls.crt of Secret "
                        + ref.secret().path() + " lists its intermediate certificates out of order",
                        "Reorder tls.crt: the server certificate first, then the certificate that issued it, and so on"));
    }
}
