package dev.gatehouse.fleet;

import java.time.Duration;
import java.util.List;

/** What scanning one context came to: its certificates, or why it could not be read. Never both. */
public sealed interface ContextScan permits ContextScan.Read, ContextScan.Failed {

    String context();

    /**
     * The context was read.
     *
     * @param context      the context
     * @param server       its API server (without credentials)
     * @param certificates its TLS certificates
     * @param notes        what could be read only in part (e.g. Ingresses forbidden: "used by" unknown)
     * @param took         how long it took
     */
    record Read(String context, String server, List<FleetCertificate> certificates, List<String> notes,
                Duration took) implements ContextScan {
        public Read {
            certificates = List.copyOf(certificates);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The context could not be read.
     *
     * @param context the context
     * @param reason  what kind of failure
     * @param message a plain sentence naming the problem
     */
    record Failed(String context, Reason reason, String message) implements ContextScan {
    }

    /** Kinds of failure, for the per-source error series and the status colours. */
    enum Reason {
        /** The kubeconfig entry cannot be used (missing files, bad credentials data). */
        CONFIG,
        /** The API server could not be reached or did not answer in time. */
        UNREACHABLE,
        /** The credentials were refused (401: expired token, revoked certificate). */
        UNAUTHORIZED,
        /** The credentials may not list Secrets (403). */
        FORBIDDEN,
        /** Anything else the API server answered. */
        ERROR
    }
}
