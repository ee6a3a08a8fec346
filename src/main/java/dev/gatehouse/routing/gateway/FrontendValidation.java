package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.ClientCertificatePolicy;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The client-certificate validation a Gateway's {@code spec.tls.frontend} gives one HTTPS listener: the default,
 * or the {@code perPort} entry of the listener's port, with its CA references resolved.
 *
 * @param gateway the Gateway it is written on
 * @param perPort the {@code perPort} entry's port when that entry applies; empty = {@code default}
 * @param mode    {@code AllowValidOnly} (the default) or {@code AllowInsecureFallback}, as written
 * @param caRefs  {@code caCertificateRefs}, resolved
 * @param policy  the neutral policy the explainer and the proxy read
 */
public record FrontendValidation(ObjectRef gateway, OptionalInt perPort, String mode, List<CaRef> caRefs,
                                 ClientCertificatePolicy policy) {

    public static final String ALLOW_VALID_ONLY = "AllowValidOnly";
    public static final String ALLOW_INSECURE_FALLBACK = "AllowInsecureFallback";

    public FrontendValidation {
        caRefs = List.copyOf(caRefs);
    }

    /** What became of one {@code caCertificateRefs} entry. */
    public enum Resolution {
        /** Read (or not in the input, assumed fine). */
        RESOLVED,
        /** In another namespace without a ReferenceGrant ({@code RefNotPermitted}). */
        NOT_PERMITTED,
        /** Neither a ConfigMap nor a Secret ({@code InvalidCACertificateKind}). */
        INVALID_KIND,
        /** Missing, without {@code ca.crt}, or no readable certificate in it ({@code InvalidCACertificateRef}). */
        INVALID
    }

    /**
     * One CA reference.
     *
     * @param ref        the object (kind, namespace defaulted to the Gateway's, name)
     * @param resolution what became of it
     * @param reason     a plain sentence
     */
    public record CaRef(ObjectRef ref, Resolution resolution, String reason) {

        public boolean usable() {
            return resolution == Resolution.RESOLVED;
        }

        /** The listener condition reason for a reference that cannot be used. */
        public String conditionReason() {
            return switch (resolution) {
                case RESOLVED -> "ResolvedRefs";
                case NOT_PERMITTED -> "RefNotPermitted";
                case INVALID_KIND -> "InvalidCACertificateKind";
                case INVALID -> "InvalidCACertificateRef";
            };
        }
    }

    /** AllowInsecureFallback: connections without a valid certificate are accepted too. */
    public boolean insecureFallback() {
        return ALLOW_INSECURE_FALLBACK.equals(mode);
    }

    /** The first reference that cannot be used. */
    public Optional<CaRef> problem() {
        return caRefs.stream().filter(c -> !c.usable()).findFirst();
    }

    /** No reference can be used: the listener is not accepted ({@code NoValidCACertificate}). */
    public boolean noValidCa() {
        return caRefs.stream().noneMatch(CaRef::usable);
    }

    /** {@code spec.tls.frontend.default} or {@code spec.tls.frontend.perPort[port 8443]}. */
    public String field() {
        return perPort.isPresent() ? "spec.tls.frontend.perPort[port " + perPort.getAsInt() + "]"
                : "spec.tls.frontend.default";
    }

    /** {@code ConfigMap shop/client-ca, ConfigMap shop/other-ca}. */
    public String cas() {
        return String.join(", ", caRefs.stream().map(c -> c.ref().toString()).toList());
    }
}
