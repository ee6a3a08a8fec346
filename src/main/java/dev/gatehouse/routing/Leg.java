package dev.gatehouse.routing;

/**
 * One hop of the request and how it is protected.
 *
 * @param kind       which hop
 * @param protection how it is protected
 * @param label      a short label ("TLS", "HTTP · unencrypted")
 * @param detail     a plain sentence
 */
public record Leg(Kind kind, Protection protection, String label, String detail) {

    /** The hops of a request through an Ingress. */
    public enum Kind {
        CLIENT_TO_CONTROLLER("client → controller"),
        CONTROLLER_TO_SERVICE("controller → Service"),
        SERVICE_TO_PODS("Service → Pods");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Protection of a hop, matching the path view's line styles. */
    public enum Protection {
        /** Plain HTTP: unencrypted. */
        PLAIN,
        /** TLS with a certificate valid for the host. */
        TLS,
        /** TLS with a problem: default certificate, name mismatch, expired. */
        TLS_PROBLEM,
        /** TLS to the backend without verifying its certificate: encrypted, not authenticated. */
        REENCRYPTED_UNVERIFIED,
        /** TLS to the backend, its certificate verified. */
        REENCRYPTED_VERIFIED,
        /** Both sides present verified certificates. */
        MUTUAL_TLS,
        /** TLS passed through untouched from client to backend. */
        PASSTHROUGH,
        /** The hop is not taken. */
        NONE
    }
}
