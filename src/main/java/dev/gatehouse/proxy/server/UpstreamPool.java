package dev.gatehouse.proxy.server;

import dev.gatehouse.proxy.backend.BackendTarget;
import dev.gatehouse.proxy.route.UpstreamTls;
import dev.gatehouse.proxy.route.UpstreamTlsContexts;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backend side: keep-alive connections to backends, per event loop (a client and its backend
 * connection share one thread, so no locking and no hand-over) and per backend + TLS setting. Idle
 * connections keep a read pending so that a backend closing them is noticed; they are closed after the
 * upstream idle timeout.
 */
final class UpstreamPool implements AutoCloseable {

    /** A backend connection handed out: new, or reused from the pool (may have been closed meanwhile). */
    record Lease(Channel channel, boolean reused) {
    }

    /** Connections are interchangeable when they reach the same address with the same TLS setting. */
    private record PoolKey(String host, int port, String tls) {
        static PoolKey of(BackendTarget target, UpstreamTls tls) {
            return new PoolKey(target.host(), target.port(), tls.id());
        }
    }

    private static final AttributeKey<PoolKey> KEY = AttributeKey.valueOf("gatehouse.upstream");

    private final ProxyConfig config;
    private final UpstreamTlsContexts tlsContexts;
    private final Transport transport;
    private final Map<EventLoop, Map<PoolKey, ArrayDeque<Channel>>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    UpstreamPool(ProxyConfig config, UpstreamTlsContexts tlsContexts, Transport transport) {
        this.config = config;
        this.tlsContexts = tlsContexts;
        this.transport = transport;
    }

    /** The most recently used open idle connection of this loop to the target, or null. On {@code loop}. */
    Channel pollIdle(EventLoop loop, BackendTarget target, UpstreamTls tls) {
        ArrayDeque<Channel> deque = idle(loop).get(PoolKey.of(target, tls));
        Channel ch;
        while (deque != null && (ch = deque.pollLast()) != null) {
            if (ch.isActive()) {
                return ch;
            }
        }
        return null;
    }

    /** A plain TCP connection to the target with one handler (TLS passthrough); not pooled. */
    Future<Channel> openRaw(EventLoop loop, BackendTarget target, io.netty.channel.ChannelHandler handler) {
        Promise<Channel> opened = loop.newPromise();
        new Bootstrap().group(loop).channel(transport.socketChannel())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.upstreamConnectTimeout().toMillis())
                .handler(handler)
                .connect(target.host(), target.port()).addListener((ChannelFuture connected) -> {
                    if (connected.isSuccess()) {
                        opened.setSuccess(connected.channel());
                    } else {
                        opened.setFailure(connected.cause());
                    }
                });
        return opened;
    }

    /** A new connection to the target (TLS handshake done when re-encrypting). Completes on {@code loop}. */
    Future<Lease> open(EventLoop loop, BackendTarget target, UpstreamTls tls) {
        PoolKey key = PoolKey.of(target, tls);
        Promise<Lease> leased = loop.newPromise();
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(transport.socketChannel())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.upstreamConnectTimeout().toMillis())
                .handler(new BackendChannelInitializer(config, tlsContexts, tls, target));
        bootstrap.connect(target.host(), target.port()).addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                leased.setFailure(connected.cause());
                return;
            }
            Channel ch = connected.channel();
            ch.attr(KEY).set(key);
            ch.closeFuture().addListener(f -> forget(ch));
            SslHandler ssl = ch.pipeline().get(SslHandler.class);
            if (ssl == null) {
                leased.setSuccess(new Lease(ch, false));
                return;
            }
            ch.read();
            ssl.handshakeFuture().addListener(h -> {
                if (h.isSuccess()) {
                    leased.setSuccess(new Lease(ch, false));
                } else {
                    ch.close();
                    leased.setFailure(h.cause());
                }
            });
        });
        return leased;
    }

    /** Returns a connection whose response was read completely; closes it when the pool is full. */
    void release(Channel ch) {
        PoolKey key = ch.attr(KEY).get();
        if (closed || key == null || !ch.isActive()) {
            ch.close();
            return;
        }
        ArrayDeque<Channel> deque = idle(ch.eventLoop()).computeIfAbsent(key, k -> new ArrayDeque<>());
        if (deque.size() >= config.maxIdleUpstreamPerLoop()) {
            ch.close();
            return;
        }
        deque.addLast(ch);
        ch.read();
    }

    private void forget(Channel ch) {
        PoolKey key = ch.attr(KEY).get();
        Map<PoolKey, ArrayDeque<Channel>> byKey = idle.get(ch.eventLoop());
        if (key != null && byKey != null) {
            ArrayDeque<Channel> deque = byKey.get(key);
            if (deque != null) {
                deque.remove(ch);
            }
        }
    }

    private Map<PoolKey, ArrayDeque<Channel>> idle(EventLoop loop) {
        return idle.computeIfAbsent(loop, l -> new HashMap<>());
    }

    @Override
    public void close() {
        closed = true;
        idle.forEach((loop, byKey) -> loop.execute(() -> {
            for (ArrayDeque<Channel> deque : byKey.values()) {
                List<Channel> open = new ArrayList<>(deque);
                deque.clear();
                open.forEach(Channel::close);
            }
        }));
    }
}
