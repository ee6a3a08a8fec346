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

    /** Nothing serves this name here (a listener that is not programmed, no TLSRoute): fail the handshake. */
    record Refuse(String why) implements TlsChoice {
    }
}
