package dev.gatehouse.proxy.route;

import dev.gatehouse.proxy.backend.BackendKey;
import io.netty.handler.ssl.SslContext;

/** What the proxy does with a TLS connection once it read the SNI, as the engine's explanation says. */
public sealed interface TlsChoice {

    /** Terminate TLS with this context (a Gateway listener's certificate, or the Ingress mapping's). */
    record Terminate(SslContext context) implements TlsChoice {
    }

    /** A TLSRoute on a Passthrough listener: forward the TCP stream to this Service port untouched. */
    record Passthrough(BackendKey backend, String why) implements TlsChoice {
    }

    /**
     * Nothing serves this name here (a listener that is not programmed, no TLSRoute, no listener for the SNI): fail
     * the handshake with a fatal TLS alert.
     *
     * @param why   for the access log
     * @param alert the TLS alert description sent ({@link #HANDSHAKE_FAILURE}, {@link #UNRECOGNIZED_NAME})
     */
    record Refuse(String why, int alert) implements TlsChoice {
        /** handshake_failure (RFC 8446 section 6). */
        public static final int HANDSHAKE_FAILURE = 40;
        /** unrecognized_name (RFC 6066 section 3): no listener for the SNI. */
        public static final int UNRECOGNIZED_NAME = 112;

        public Refuse(String why) {
            this(why, HANDSHAKE_FAILURE);
        }

        /** No listener takes the name the client asked for. */
        public static Refuse unknownName(String why) {
            return new Refuse(why, UNRECOGNIZED_NAME);
        }
    }
}
