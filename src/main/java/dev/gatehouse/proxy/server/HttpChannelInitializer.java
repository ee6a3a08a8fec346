package dev.gatehouse.proxy.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/** The plain-HTTP listener's connections: admit, then HTTP/1 (redirects to HTTPS come from the rules). */
final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ConnectionGate gate;
    private final ProxyServices services;

    HttpChannelInitializer(ConnectionGate gate, ProxyServices services) {
        this.gate = gate;
        this.services = services;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast("connection-gate", gate);
        ClientPipelines.http1(ch.pipeline(), services);
    }
}
