package dev.gatehouse.tls;

/** Whether a certificate covers a host name. */
public enum HostCoverage {
    /** A DNS or IP subject alternative name matches. */
    SAN,
    /**
     * Only the subject common name matches (the certificate has no SANs). ingress-nginx still
     * accepts this, but browsers and current TLS clients ignore the common name.
     */
    COMMON_NAME_ONLY,
    /** Nothing matches. */
    NONE;

    /** True when TLS clients accept the certificate for the host. */
    public boolean coversForClients() {
        return this == SAN;
    }
}
