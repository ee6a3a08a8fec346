package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ClassVerdict;
import dev.gatehouse.routing.model.NginxAnnotations;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.model.SecretState;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** GH6xx: annotations that weaken or break a leg's protection, and invalid values. */
final class AnnotationChecks implements Check {

    private static final Set<String> BOOLEANS = Set.of("ssl-redirect", "force-ssl-redirect", "use-regex",
            "ssl-passthrough");

    @Override
    public void run(RoutingModel model, Findings findings) {
        for (ClassVerdict verdict : model.classes().accepted()) {
            Ingress ingress = verdict.ingress();
            ObjectRef ref = verdict.ref();
            NginxAnnotations nginx = NginxAnnotations.of(ingress);
            invalidValues(ingress, ref, findings);
            backendTls(model, ref, nginx, findings);
            nginx.authTlsSecret().ifPresent(secretRef -> {
                SecretState ca = model.secrets().get(secretRef);
                if (ca.presence() == SecretState.Presence.MISSING || ca.presence() == SecretState.Presence.PRESENT
                        && (!ca.hasCa() || ca.ca().map(m -> m.chain().isEmpty()).orElse(true))) {
                    String why = ca.presence() == SecretState.Presence.MISSING ? "does not exist" : "has no readable ca.crt";
                    findings.add(DiagnosticCode.GH603, ref, "The client-certificate CA Secret " + secretRef.path() + " "
                                    + why + ", so ingress-nginx denies requests to this Ingress's hosts",
                            "Create Secret " + secretRef.path() + " with the trusted CA certificates in ca.crt");
                }
            });
            if (nginx.sslPassthrough() && !model.profile().sslPassthroughEnabled()) {
                findings.add(DiagnosticCode.GH604, ref, "ssl-passthrough has an effect only when ingress-nginx runs"
                                + " with --enable-ssl-passthrough; Gatehouse assumes it does not",
                        "Start the controller with --enable-ssl-passthrough, or remove the annotation");
            }
        }
    }

    private static void backendTls(RoutingModel model, ObjectRef ref, NginxAnnotations nginx, Findings findings) {
        if (!nginx.backendEncrypted()) {
            return;
        }
        Optional<SecretState> secret = nginx.proxySslSecret().map(model.secrets()::get);
        if (!nginx.proxySslVerify()) {
            findings.add(DiagnosticCode.GH601, ref, "The controller re-encrypts traffic to the backend ("
                            + nginx.backendProtocol() + ") but does not verify its certificate: the leg is encrypted,"
                            + " not authenticated",
                    "Set nginx.ingress.kubernetes.io/proxy-ssl-verify: \"on\" and proxy-ssl-secret: namespace/name"
                            + " with the CA that issued the backend certificate in ca.crt");
            return;
        }
        boolean usable = secret.map(s -> s.presence() == SecretState.Presence.NOT_IN_INPUT
                || s.presence() == SecretState.Presence.PRESENT && s.hasCa()).orElse(false);
        if (!usable) {
            String why = secret.isEmpty() ? "no proxy-ssl-secret is set"
                    : secret.get().presence() == SecretState.Presence.MISSING
                    ? "the Secret " + secret.get().ref().path() + " does not exist"
                    : "the Secret " + secret.get().ref().path() + " has no ca.crt";
            findings.add(DiagnosticCode.GH602, ref, "proxy-ssl-verify is on but " + why + ", so the backend"
                            + " certificate cannot be verified",
                    "Set proxy-ssl-secret: namespace/name of a Secret whose ca.crt issued the backend certificate");
        }
    }

    private static void invalidValues(Ingress ingress, ObjectRef ref, Findings findings) {
        NginxAnnotations.raw(ingress, "backend-protocol").ifPresent(v -> {
            if (!NginxAnnotations.PROTOCOLS.contains(v.trim().toUpperCase(Locale.ROOT))) {
                findings.add(DiagnosticCode.GH605, ref, "backend-protocol \"" + v + "\" is not one of "
                        + String.join(", ", NginxAnnotations.PROTOCOLS.stream().sorted().toList())
                        + "; ingress-nginx uses HTTP", "Use HTTPS, GRPCS, GRPC or HTTP");
            }
        });
        NginxAnnotations.raw(ingress, "auth-tls-verify-client").ifPresent(v -> {
            if (!NginxAnnotations.VERIFY_CLIENT.contains(v.trim())) {
                findings.add(DiagnosticCode.GH605, ref, "auth-tls-verify-client \"" + v + "\" is not on, off, optional"
                        + " or optional_no_ca; ingress-nginx uses on", "Use \"on\" or \"optional\"");
            }
        });
        for (String name : BOOLEANS) {
            NginxAnnotations.raw(ingress, name).ifPresent(v -> {
                if (!v.trim().matches("1|t|T|true|TRUE|True|0|f|F|false|FALSE|False")) {
                    findings.add(DiagnosticCode.GH605, ref, name + " \"" + v + "\" is not true or false; ingress-nginx"
                            + " ignores it and uses the default", "Write \"true\" or \"false\"");
                }
            });
        }
    }
}
