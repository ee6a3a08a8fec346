package dev.gatehouse.proxy.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SniHandler;

/**
 * The HTTPS listener's connections: admit, pick the certificate by SNI from the route table in force,
 * record the TLS session (or, for a TLSRoute on a Passthrough listener, relay
 * the TLS stream to its backend), then HTTP/2 or HTTP/1.1 as ALPN agreed.
 */
final class HttpsChannelInitializer extends ChannelInitializer<SocketChannel> {

    private static final int MAX_CLIENT_HELLO = 16 * 1024;

    private final ConnectionGate gate;
    private final ProxyServices services;

    HttpsChannelInitializer(ConnectionGate gate, ProxyServices services) {
        this.gate = gate;
        this.services = services;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("connection-gate", gate)
                .addLast("tls-sni", sniHandler())
                .addLast("tls-session", new TlsSessionRecorder())
                .addLast("alpn", new AlpnProtocolConfigurer(services));
    }

    /** Reads the current table at handshake time, so a reload applies to the next connection. */
    private SniHandler sniHandler() {
        return new ListenerSniHandler(services, MAX_CLIENT_HELLO);
    }
}
