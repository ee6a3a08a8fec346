package dev.gatehouse.proxy.server;

import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.proxy.route.UpstreamTlsContexts;
import dev.gatehouse.proxy.route.WeightDraw;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The Netty side of the proxy: one acceptor thread, the I/O event loops (clients and their backend
 * connections share a loop), and the HTTPS and HTTP listeners. Start with {@link #bind}; {@link #close}
 * stops accepting and closes every connection.
 */
public final class ProxyServer implements AutoCloseable {

    private final ProxyConfig config;
    private final Transport transport;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final ConnectionGate gate;
    private final UpstreamPool pool;
    private final ProxyServices services;
    private final AtomicInteger httpsPort = new AtomicInteger();
    private final ListenerPorts ports = new ListenerPorts();
    private final List<ListenerPorts.Extra> extras;
    private final boolean gatewayHttps;
    private final boolean gatewayHttp;
    private final List<Channel> extraListeners = new ArrayList<>();
    private Channel httpsListener;
    private Channel httpListener;

    public ProxyServer(ProxyConfig config, Transport transport, Supplier<RouteTable> routes, BackendDirectory backends,
                       UpstreamTlsContexts upstreamTls, AccessLogSink accessLog) {
        this(config, transport, routes, backends, upstreamTls, accessLog, List.of(), true, true, WeightDraw.random());
    }

    /**
     * @param extras       Gateway listener ports served on local ports of their own
     * @param gatewayHttps the HTTPS port serves Gateway listener port 443 (not mapped elsewhere)
     * @param gatewayHttp  the HTTP port serves Gateway listener port 80
     * @param draw         picks among weighted backends per request
     */
    public ProxyServer(ProxyConfig config, Transport transport, Supplier<RouteTable> routes, BackendDirectory backends,
                       UpstreamTlsContexts upstreamTls, AccessLogSink accessLog, List<ListenerPorts.Extra> extras,
                       boolean gatewayHttps, boolean gatewayHttp, WeightDraw draw) {
        this(config, transport, routes, backends, upstreamTls, accessLog, ProxyServer::eventLoops, extras,
                gatewayHttps, gatewayHttp, draw);
    }

    ProxyServer(ProxyConfig config, Transport transport, Supplier<RouteTable> routes, BackendDirectory backends,
                UpstreamTlsContexts upstreamTls, AccessLogSink accessLog, BiFunction<ProxyConfig, Transport, Loops> loops) {
        this(config, transport, routes, backends, upstreamTls, accessLog, loops, List.of(), true, true,
                WeightDraw.random());
    }

    /** With the way event loops are made given (tests make one transport fail). */
    private ProxyServer(ProxyConfig config, Transport transport, Supplier<RouteTable> routes, BackendDirectory backends,
                        UpstreamTlsContexts upstreamTls, AccessLogSink accessLog,
                        BiFunction<ProxyConfig, Transport, Loops> loops, List<ListenerPorts.Extra> extras,
                        boolean gatewayHttps, boolean gatewayHttp, WeightDraw draw) {
        this.config = config;
        this.extras = ListenerPorts.sorted(extras);
        this.gatewayHttps = gatewayHttps;
        this.gatewayHttp = gatewayHttp;
        Loops made = Transport.firstWorking(transport, t -> loops.apply(config, t));
        this.transport = made.transport();
        this.acceptor = made.acceptor();
        this.workers = made.workers();
        try {
            this.gate = new ConnectionGate(config.maxConnections());
            this.pool = new UpstreamPool(config, upstreamTls, this.transport);
            this.services = new ProxyServices(config, routes, backends, pool, upstreamTls, accessLog, httpsPort::get,
                    ports, draw);
        } catch (RuntimeException e) {
            acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** The event loops of one proxy and the transport they run on. */
    record Loops(Transport transport, EventLoopGroup acceptor, EventLoopGroup workers) {
    }

    /** The acceptor loop and the I/O loops; nothing is left running when either cannot be made. */
    static Loops eventLoops(ProxyConfig config, Transport transport) {
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("gatehouse-proxy-accept", true), transport.ioHandlerFactory());
        try {
            return new Loops(transport, acceptor, new MultiThreadIoEventLoopGroup(config.ioThreads(),
                    new DefaultThreadFactory("gatehouse-proxy-io", true), transport.ioHandlerFactory()));
        } catch (RuntimeException | LinkageError e) {
            acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * Binds both listeners.
     *
     * @throws BindException when a port is in use or the address cannot be bound (nothing stays bound)
     */
    public void bind() throws BindException, InterruptedException {
        try {
            httpsListener = listen(config.httpsPort(), new HttpsChannelInitializer(gate, services), "HTTPS");
            httpsPort.set(((InetSocketAddress) httpsListener.localAddress()).getPort());
            httpListener = listen(config.httpPort(), new HttpChannelInitializer(gate, services), "HTTP");
            if (gatewayHttps) {
                ports.bound(443, httpsAddress().getPort());
            }
            if (gatewayHttp) {
                ports.bound(80, httpAddress().getPort());
            }
            for (ListenerPorts.Extra extra : extras) {
                Channel ch = listen(extra.localPort(), extra.tls() ? new HttpsChannelInitializer(gate, services)
                        : new HttpChannelInitializer(gate, services), "Gateway listener port " + extra.listenerPort());
                extraListeners.add(ch);
                ports.bound(extra.listenerPort(), ((InetSocketAddress) ch.localAddress()).getPort());
            }
        } catch (BindException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Channel listen(int port, ChannelInitializer<SocketChannel> initializer, String what)
            throws BindException, InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer);
        var bound = bootstrap.bind(new InetSocketAddress(config.bindAddress(), port)).await();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            BindException e = new BindException("Cannot listen for " + what + " on "
                    + config.bindAddress().getHostAddress() + ":" + port + ": " + (cause == null ? "unknown"
                    : cause.getMessage()));
            if (cause != null) {
                e.initCause(cause);
            }
            throw e;
        }
        return bound.channel();
    }

    public InetSocketAddress httpsAddress() {
        return (InetSocketAddress) httpsListener.localAddress();
    }

    public InetSocketAddress httpAddress() {
        return (InetSocketAddress) httpListener.localAddress();
    }

    /** Which Gateway listener port each local port serves. */
    public ListenerPorts listenerPorts() {
        return ports;
    }

    /** The socket transport in use (io_uring, epoll or NIO). */
    public Transport transport() {
        return transport;
    }

    /** Client connections open now. */
    public int openConnections() {
        return gate.open();
    }

    @Override
    public void close() {
        if (httpsListener != null) {
            httpsListener.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
        if (httpListener != null) {
            httpListener.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
        extraListeners.forEach(ch -> ch.close().awaitUninterruptibly(10, TimeUnit.SECONDS));
        pool.close();
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
