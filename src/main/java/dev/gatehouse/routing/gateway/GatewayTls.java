package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.ClientCertificatePolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.FrontendTLSValidation;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayTLSConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ObjectReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSPortConfig;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Gateway's {@code spec.tls}: the client-certificate validation of its HTTPS listeners ({@code frontend}: the
 * {@code perPort} entry of a listener's port, else {@code default}) and the client certificate it presents to
 * backends ({@code backend.clientCertificateRef}), with every reference resolved (ReferenceGrant for another
 * namespace).
 */
final class GatewayTls {

    private final ReferenceGrants grants;
    private final CaCertificateReader cas;
    private final CertificateResolver certificates;

    GatewayTls(ReferenceGrants grants, CaCertificateReader cas, CertificateResolver certificates) {
        this.grants = grants;
        this.cas = cas;
        this.certificates = certificates;
    }

    /** The validation of an HTTPS listener on {@code port}; empty when the Gateway validates no client certificates. */
    Optional<FrontendValidation> frontend(Gateway gateway, int port) {
        GatewayTLSConfig tls = gateway.getSpec() == null ? null : gateway.getSpec().getTls();
        if (tls == null || tls.getFrontend() == null) {
            return Optional.empty();
        }
        ObjectRef ref = GatewayModelBuilder.ref("Gateway", gateway);
        List<TLSPortConfig> perPort = tls.getFrontend().getPerPort() == null ? List.of() : tls.getFrontend().getPerPort();
        Optional<TLSPortConfig> own = perPort.stream().filter(p -> Objects.equals(p.getPort(), port)).findFirst();
        if (own.isPresent()) {
            return validation(ref, OptionalInt.of(port), own.get().getTls());
        }
        return validation(ref, OptionalInt.empty(), tls.getFrontend().getDefault());
    }

    private Optional<FrontendValidation> validation(ObjectRef gateway, OptionalInt port, TLSConfig config) {
        FrontendTLSValidation v = config == null ? null : config.getValidation();
        if (v == null) {
            return Optional.empty();
        }
        String mode = v.getMode() == null || v.getMode().isBlank() ? FrontendValidation.ALLOW_VALID_ONLY : v.getMode();
        List<FrontendValidation.CaRef> refs = new ArrayList<>();
        List<X509Certificate> read = new ArrayList<>();
        for (ObjectReference r : v.getCaCertificateRefs() == null ? List.<ObjectReference>of() : v.getCaCertificateRefs()) {
            refs.add(caRef(gateway, r, read));
        }
        boolean usable = refs.stream().anyMatch(FrontendValidation.CaRef::usable);
        ObjectRef first = refs.isEmpty() ? new ObjectRef("ConfigMap", gateway.namespace(), "")
                : refs.stream().filter(FrontendValidation.CaRef::usable).findFirst().orElse(refs.get(0)).ref();
        String verify = FrontendValidation.ALLOW_INSECURE_FALLBACK.equals(mode) ? "optional_no_ca" : "on";
        ClientCertificatePolicy policy = new ClientCertificatePolicy(gateway, first, usable, verify, Optional.empty(),
                read, ClientCertificatePolicy.Enforcement.HANDSHAKE);
        return Optional.of(new FrontendValidation(gateway, port, mode, refs, policy));
    }

    private FrontendValidation.CaRef caRef(ObjectRef gateway, ObjectReference r, List<X509Certificate> read) {
        String ns = r.getNamespace() == null || r.getNamespace().isEmpty() ? gateway.namespace() : r.getNamespace();
        String kind = r.getKind() == null || r.getKind().isEmpty() ? "ConfigMap" : r.getKind();
        String group = r.getGroup() == null ? "" : r.getGroup();
        ObjectRef ref = new ObjectRef(kind, ns, r.getName() == null ? "" : r.getName());
        if (!group.isEmpty() || !(kind.equals("ConfigMap") || kind.equals("Secret"))) {
            return new FrontendValidation.CaRef(ref, FrontendValidation.Resolution.INVALID_KIND, "caCertificateRefs"
                    + " names a " + (group.isEmpty() ? "" : group + "/") + kind + "; only a ConfigMap (or a Secret) with"
                    + " ca.crt is supported (InvalidCACertificateKind)");
        }
        if (!ns.equals(gateway.namespace()) && grants.permitting("Gateway", gateway.namespace(), kind, ns,
                ref.name()).isEmpty()) {
            return new FrontendValidation.CaRef(ref, FrontendValidation.Resolution.NOT_PERMITTED, ref + " is in"
                    + " another namespace and no ReferenceGrant in " + ns + " lets Gateways of " + gateway.namespace()
                    + " use it (RefNotPermitted)");
        }
        CaCertificateReader.Read ca = cas.read(ref);
        if (ca.problem().isPresent()) {
            return new FrontendValidation.CaRef(ref, FrontendValidation.Resolution.INVALID, ca.problem().get());
        }
        read.addAll(ca.certificates());
        return new FrontendValidation.CaRef(ref, FrontendValidation.Resolution.RESOLVED, ca.notInInput()
                ? ref + " is not in the input; assumed usable"
                : ref + " holds " + ca.certificates().size() + " CA certificate(s) in ca.crt");
    }

    /** {@code spec.tls.backend.clientCertificateRef}, resolved like a listener certificate; empty when not set. */
    Optional<CertificateRef> backendClientCertificate(Gateway gateway) {
        GatewayTLSConfig tls = gateway.getSpec() == null ? null : gateway.getSpec().getTls();
        if (tls == null || tls.getBackend() == null || tls.getBackend().getClientCertificateRef() == null) {
            return Optional.empty();
        }
        return Optional.of(certificates.resolve(tls.getBackend().getClientCertificateRef(), "Gateway",
                ObjectRef.namespaceOf(gateway), "clientCertificateRef", "InvalidClientCertificateRef"));
    }
}
