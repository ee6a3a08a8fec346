package dev.gatehouse.probe;

/**
 * Whether the server accepts one TLS version when it is the only one offered.
 *
 * @param protocol e.g. {@code TLSv1}
 * @param result   accepted, refused, or not known
 * @param detail   the cipher negotiated, the refusal, or why it was not tested
 */
public record VersionSupport(String protocol, Result result, String detail) {

    /** What the handshake said. */
    public enum Result {
        ACCEPTED,
        REFUSED,
        /** The connection failed for another reason (a timeout, a reset). */
        UNKNOWN,
        /** This machine's TLS cannot offer the version. */
        NOT_TESTED
    }

    /** "TLS 1.0" for {@code TLSv1}, "TLS 1.3" for {@code TLSv1.3}. */
    public static String label(String protocol) {
        return switch (protocol) {
            case "TLSv1" -> "TLS 1.0";
            case "SSLv3" -> "SSL 3.0";
            default -> protocol.replace("TLSv", "TLS ");
        };
    }

    public String label() {
        return label(protocol);
    }
}
