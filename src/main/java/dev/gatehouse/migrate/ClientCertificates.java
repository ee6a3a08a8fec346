package dev.gatehouse.migrate;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.ClientCertificatePolicy;
import dev.gatehouse.routing.route.VirtualHost;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.FrontendTLSConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.FrontendTLSValidation;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayTLSConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ObjectReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code auth-tls-*} → the Gateway's frontend client-certificate validation ({@code spec.tls.frontend.default}).
 * ingress-nginx asks for client certificates per host; a Gateway validates per port. So the validation is
 * converted only when every HTTPS host of the migration asks for the same CA; otherwise it is reported with
 * the way out (a Gateway of their own for the hosts that need client certificates).
 */
final class ClientCertificates {

    private static final String SECRET = AnnotationReader.PREFIX + "auth-tls-secret";
    private static final String VERIFY = AnnotationReader.PREFIX + "auth-tls-verify-client";

    private final PlanBuilder plan;

    ClientCertificates(PlanBuilder plan) {
        this.plan = plan;
    }

    void convert(List<VirtualHost> httpsHosts, Set<ObjectRef> selected) {
        Map<String, ClientCertificatePolicy> byHost = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        for (VirtualHost h : httpsHosts) {
            if (h.clientCertificate().isPresent() && selected.contains(h.clientCertificate().get().source())) {
                byHost.put(h.pattern().display(), h.clientCertificate().get());
            } else {
                without.add(h.pattern().display());
            }
        }
        if (byHost.isEmpty()) {
            return;
        }
        Set<ObjectRef> cas = byHost.values().stream().map(ClientCertificatePolicy::caSecret)
                .collect(java.util.stream.Collectors.toSet());
        Set<String> modes = byHost.values().stream().map(p -> p.verify()).collect(java.util.stream.Collectors.toSet());
        if (cas.size() == 1 && modes.size() == 1 && without.isEmpty() && !"off".equals(modes.iterator().next())) {
            ClientCertificatePolicy p = byHost.values().iterator().next();
            ObjectReference ref = new ObjectReference();
            ref.setGroup("");
            ref.setKind("Secret");
            ref.setName(p.caSecret().name());
            if (!p.caSecret().namespace().equals(plan.namespace())) {
                ref.setNamespace(p.caSecret().namespace());
            }
            FrontendTLSValidation validation = new FrontendTLSValidation();
            validation.setCaCertificateRefs(new ArrayList<>(List.of(ref)));
            validation.setMode("on".equals(p.verify()) ? "AllowValidOnly" : "AllowInsecureFallback");
            TLSConfig config = new TLSConfig();
            config.setValidation(validation);
            FrontendTLSConfig frontend = new FrontendTLSConfig();
            frontend.setDefault(config);
            GatewayTLSConfig tls = plan.gateway.getSpec().getTls() == null ? new GatewayTLSConfig()
                    : plan.gateway.getSpec().getTls();
            tls.setFrontend(frontend);
            plan.gateway.getSpec().setTls(tls);
            plan.comment(plan.gateway, "spec.tls.frontend: client certificates checked against " + p.caSecret()
                    + " (auth-tls-secret of " + String.join(", ", byHost.keySet()) + ")");
            for (ClientCertificatePolicy each : byHost.values()) {
                plan.note(ConversionNote.partial(each.source(), SECRET, each.caSecret().path(), "Gateway spec.tls"
                        + ".frontend.default.validation (mode " + validation.getMode() + ", CA Secret "
                        + p.caSecret().path() + ")", "a Gateway asks every HTTPS connection on the port for a"
                        + " client certificate, and refuses the handshake when none is valid, where ingress-nginx"
                        + " answers 400; core support names a ConfigMap with ca.crt, a Secret is implementation-specific",
                        "if your implementation only takes ConfigMaps, copy the Secret's ca.crt into a ConfigMap"));
                plan.note(ConversionNote.converted(each.source(), VERIFY, each.verify(), "the validation mode "
                        + validation.getMode()));
            }
            return;
        }
        for (ClientCertificatePolicy each : byHost.values()) {
            plan.note(ConversionNote.notConverted(each.source(), SECRET, each.caSecret().path(), "a Gateway checks"
                    + " client certificates per port, not per host, and the HTTPS hosts of this migration do not all"
                    + " ask for the same CA" + (without.isEmpty() ? "" : " (" + String.join(", ", without)
                    + " ask for none)"), "migrate the hosts that need client certificates to a Gateway of their own"
                    + " (--gateway NAME with a selection of those Ingresses), with spec.tls.frontend.default"));
        }
    }
}
