package dev.gatehouse.migrate;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.BackendRef;
import dev.gatehouse.routing.route.Upstream;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicyBuilder;
import java.util.Optional;

/**
 * {@code backend-protocol: HTTPS} (+ {@code proxy-ssl-secret} / {@code proxy-ssl-verify} / {@code proxy-ssl-name})
 * as a BackendTLSPolicy for the Service. Gateway API has no unverified re-encryption: a backend ingress-nginx
 * re-encrypts to without checking its certificate gets a policy that checks it against the system roots and the
 * Service's DNS name, and the note says so plainly.
 */
final class BackendTlsConverter {

    private static final String KEY = AnnotationReader.PREFIX + "backend-protocol";

    private final PlanBuilder plan;

    BackendTlsConverter(PlanBuilder plan) {
        this.plan = plan;
    }

    void convert(ObjectRef ingress, BackendRef backend, Optional<Integer> port, Upstream upstream) {
        String name = backend.name() + "-backend-tls";
        String hostname = upstream.serverName().orElse(backend.name() + "." + backend.namespace() + ".svc");
        BackendTLSPolicyBuilder b = new BackendTLSPolicyBuilder().withNewMetadata().withNamespace(backend.namespace())
                .withName(name).endMetadata().withNewSpec().addNewTargetRef().withGroup("").withKind("Service")
                .withName(backend.name()).endTargetRef().withNewValidation().withHostname(hostname).endValidation()
                .endSpec();
        boolean verified = upstream.verification() == Upstream.Verification.VERIFIED && upstream.caSecret().isPresent();
        if (verified) {
            ObjectRef ca = upstream.caSecret().get();
            b.editSpec().editValidation().addNewCaCertificateRef().withGroup("").withKind("Secret").withName(ca.name())
                    .endCaCertificateRef().endValidation().endSpec();
        } else {
            b.editSpec().editValidation().withWellKnownCACertificates("System").endValidation().endSpec();
        }
        BackendTLSPolicy policy = plan.add(b.build());
        plan.comment(policy, "from " + ingress + ": backend-protocol " + upstream.protocol() + " to Service "
                + backend.namespace() + "/" + backend.name() + (verified ? ", verified with the CA of "
                + upstream.caSecret().get() + " (proxy-ssl-secret, proxy-ssl-verify on)" : ", NOT verified by"
                + " ingress-nginx; this policy verifies against the system roots"));
        if (verified) {
            plan.note(ConversionNote.converted(ingress, KEY, upstream.protocol().name(), "BackendTLSPolicy "
                    + backend.namespace() + "/" + name + " (CA from Secret " + upstream.caSecret().get().path()
                    + " ca.crt, hostname " + hostname + ")"));
            for (String k : new String[] {"proxy-ssl-secret", "proxy-ssl-verify", "proxy-ssl-name"}) {
                plan.note(ConversionNote.converted(ingress, AnnotationReader.PREFIX + k, "", "BackendTLSPolicy "
                        + backend.namespace() + "/" + name));
            }
        } else {
            plan.note(ConversionNote.partial(ingress, KEY, upstream.protocol().name(), "BackendTLSPolicy "
                    + backend.namespace() + "/" + name + " (wellKnownCACertificates: System, hostname " + hostname + ")",
                    "ingress-nginx re-encrypts to this backend without checking its certificate (encrypted, not"
                    + " authenticated); Gateway API has no unverified re-encryption: the Gateway checks the"
                    + " backend's certificate, and a self-signed or private-CA backend certificate makes every"
                    + " request fail with a 5xx", "put the backend's CA in a ConfigMap (ca.crt) and name it in"
                    + " validation.caCertificateRefs, with the name its certificate is issued for as hostname"));
        }
        upstream.clientCertificate().ifPresent(c -> plan.note(ConversionNote.notConverted(ingress,
                AnnotationReader.PREFIX + "proxy-ssl-secret (client certificate)", c.secret().path(), "the Gateway's"
                + " client certificate to backends is one per Gateway (spec.tls.backend.clientCertificateRef), not per"
                + " Ingress", "set spec.tls.backend.clientCertificateRef on the Gateway if every backend accepts it")));
    }
}
