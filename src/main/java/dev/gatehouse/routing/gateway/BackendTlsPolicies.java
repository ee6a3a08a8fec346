package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.SecretStore;
import dev.gatehouse.routing.route.Upstream;
import dev.gatehouse.routing.route.UpstreamProtocol;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.LocalObjectReference;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * BackendTLSPolicy: how the Gateway speaks to a Service port. A policy makes the leg HTTPS, verified with its
 * CA ({@code caCertificateRefs}: ConfigMap or Secret key {@code ca.crt}, or {@code wellKnownCACertificates:
 * System}) and its {@code hostname} (the SNI and the name checked). A policy whose CA cannot be read makes the
 * connection fail (5xx), so such a backend is not valid.
 */
public final class BackendTlsPolicies {

    /** The decision for one backend. */
    public record Decision(Upstream upstream, Optional<ObjectRef> policy, Optional<String> problem) {
        /** The backend can take traffic (no policy, or a policy with a usable CA). */
        public boolean usable() {
            return problem.isEmpty();
        }
    }

    private final ClusterView view;
    private final CaCertificateReader cas;

    public BackendTlsPolicies(ClusterView view, SecretStore secrets) {
        this.view = view;
        this.cas = new CaCertificateReader(view, secrets);
    }

    /** The upstream for Service {@code namespace/name} port {@code port}. */
    public Decision decide(String namespace, String name, int port) {
        Optional<String> portName = view.service(namespace, name).flatMap(s -> s.getSpec() == null
                || s.getSpec().getPorts() == null ? Optional.empty() : s.getSpec().getPorts().stream()
                .filter(p -> Objects.equals(p.getPort(), port)).map(ServicePort::getName).filter(Objects::nonNull)
                .findFirst());
        Optional<BackendTLSPolicy> policy = view.backendTlsPolicies().stream()
                .filter(p -> ObjectRef.namespaceOf(p).equals(namespace) && p.getSpec() != null
                        && p.getSpec().getTargetRefs() != null)
                .filter(p -> p.getSpec().getTargetRefs().stream().anyMatch(t -> "Service".equals(t.getKind())
                        && (t.getGroup() == null || t.getGroup().isEmpty()) && name.equals(t.getName())
                        && (t.getSectionName() == null || t.getSectionName().isEmpty()
                        || portName.map(t.getSectionName()::equals).orElse(false))))
                .min(Comparator.comparing((BackendTLSPolicy p) -> p.getMetadata().getCreationTimestamp() == null ? "~"
                        : p.getMetadata().getCreationTimestamp()).thenComparing(ObjectRef::nameOf));
        if (policy.isEmpty()) {
            return new Decision(new Upstream(UpstreamProtocol.HTTP, Upstream.Verification.NOT_ENCRYPTED,
                    "no BackendTLSPolicy targets the Service", Optional.empty(), List.of(), Optional.empty(),
                    Optional.empty()), Optional.empty(), Optional.empty());
        }
        return fromPolicy(policy.get());
    }

    private Decision fromPolicy(BackendTLSPolicy policy) {
        ObjectRef ref = new ObjectRef("BackendTLSPolicy", ObjectRef.namespaceOf(policy), ObjectRef.nameOf(policy));
        var validation = policy.getSpec().getValidation();
        Optional<String> hostname = Optional.ofNullable(validation == null ? null : validation.getHostname())
                .filter(h -> !h.isBlank());
        List<LocalObjectReference> caRefs = validation == null || validation.getCaCertificateRefs() == null
                ? List.of() : validation.getCaCertificateRefs();
        String wellKnown = validation == null ? null : validation.getWellKnownCACertificates();
        if (caRefs.isEmpty() && "System".equals(wellKnown)) {
            return new Decision(new Upstream(UpstreamProtocol.HTTPS, Upstream.Verification.VERIFIED, ref.path()
                    + ": verified with the system's trusted roots (wellKnownCACertificates: System)", Optional.empty(),
                    List.of(), hostname, Optional.empty()), Optional.of(ref), Optional.empty());
        }
        List<X509Certificate> certificates = new ArrayList<>();
        Optional<ObjectRef> first = Optional.empty();
        Optional<String> problem = Optional.empty();
        boolean notInInput = false;
        for (LocalObjectReference ca : caRefs) {
            String kind = ca.getKind() == null ? "" : ca.getKind();
            ObjectRef caRef = new ObjectRef(kind, ref.namespace(), ca.getName());
            first = first.or(() -> Optional.of(caRef));
            CaCertificateReader.Read read = switch (kind) {
                case "ConfigMap", "Secret" -> cas.read(caRef);
                default -> new CaCertificateReader.Read(List.of(), Optional.of(caRef
                        + " is not a ConfigMap or Secret (InvalidKind)"), false);
            };
            certificates.addAll(read.certificates());
            notInInput |= read.notInInput();
            if (problem.isEmpty()) {
                problem = read.problem();
            }
        }
        if (caRefs.isEmpty()) {
            problem = Optional.of(ref.path() + " names no caCertificateRefs and no wellKnownCACertificates");
        }
        if (problem.isPresent()) {
            return new Decision(new Upstream(UpstreamProtocol.HTTPS, Upstream.Verification.CA_UNUSABLE, problem.get(),
                    first, List.of(), hostname, Optional.empty()), Optional.of(ref), problem);
        }
        Upstream.Verification verification = notInInput && certificates.isEmpty()
                ? Upstream.Verification.CA_NOT_IN_INPUT : Upstream.Verification.VERIFIED;
        return new Decision(new Upstream(UpstreamProtocol.HTTPS, verification, ref.path() + ": verified with ca.crt of "
                + first.map(ObjectRef::toString).orElse("") + hostname.map(h -> ", name " + h).orElse(""), first,
                certificates, hostname, Optional.empty()), Optional.of(ref), Optional.empty());
    }
}
