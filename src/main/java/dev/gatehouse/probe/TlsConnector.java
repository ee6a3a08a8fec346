package dev.gatehouse.probe;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Makes one TLS connection at a time on its own small Netty event loop: the versions and ALPN protocols to offer,
 * the SNI (or none), optionally {@code GET /} after the handshake. It accepts any certificate (it records what is
 * served; {@link ProbeJudge} judges it). TLS is BoringSSL (netty-tcnative) when its native library loads, so TLS 1.0
 * and 1.1 can be offered without touching the JVM's security properties; otherwise the JDK's TLS, which tests only
 * the versions the JVM allows ({@link #testableProtocols()}).
 *
 * <p>Every phase is bounded by the request's timeout: TCP connect, TLS handshake, and the response head to
 * {@code GET /}. Blocking: call it off UI threads. Thread-safe.
 */
final class TlsConnector implements AutoCloseable {

    /** The versions a probe can ask about, oldest first. */
    static final List<String> ALL_PROTOCOLS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final int MAX_HEAD = 64 * 1024;
    private static final int PEEK = 256;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("gatehouse-probe", true), NioIoHandler.newFactory());
    private final boolean boringSsl = boringSslAvailable();

    /**
     * One connection.
     *
     * @param address   where to connect (resolved)
     * @param where     how messages name it, e.g. "203.0.113.10:443"
     * @param sni       the server name to send; empty = none
     * @param protocols the TLS versions to offer
     * @param alpn      the ALPN protocols to offer; empty = no ALPN extension
     * @param httpHost  when present, send {@code GET /} with this Host after the handshake and read the head
     * @param timeout   per phase
     */
    record Request(InetSocketAddress address, String where, Optional<String> sni, List<String> protocols,
                   List<String> alpn, Optional<String> httpHost, Duration timeout) {
        Request {
            protocols = List.copyOf(protocols);
            alpn = List.copyOf(alpn);
        }
    }

    /** The versions this connector can offer one at a time. */
    List<String> testableProtocols() {
        if (boringSsl) {
            return ALL_PROTOCOLS;
        }
        try {
            List<String> enabled = List.of(javax.net.ssl.SSLContext.getDefault().getDefaultSSLParameters().getProtocols());
            return ALL_PROTOCOLS.stream().filter(enabled::contains).toList();
        } catch (java.security.NoSuchAlgorithmException e) {
            return List.of("TLSv1.2", "TLSv1.3");
        }
    }

    /** Which TLS implementation offers the versions, for reports. */
    String implementation() {
        return boringSsl ? OpenSsl.versionString() : "the JDK's TLS (BoringSSL unavailable: TLS 1.0 and 1.1 untested)";
    }

    /** Connects, handshakes and (when asked) sends {@code GET /}; never throws, never waits beyond the timeouts. */
    Attempt attempt(Request r) {
        SslContext context;
        try {
            context = context(r);
        } catch (SSLException | IllegalArgumentException e) {
            return Attempt.failed(new NetworkProblem(NetworkProblem.Kind.OTHER, "cannot offer " + r.protocols()
                    + " here: " + e.getMessage()));
        }
        long millis = Math.max(1, r.timeout().toMillis());
        CompletableFuture<Attempt> result = new CompletableFuture<>();
        Connection connection = new Connection(r, result);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, millis))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler ssl = r.sni().map(s -> context.newHandler(ch.alloc(), s, r.address().getPort()))
                                .orElseGet(() -> context.newHandler(ch.alloc()));
                        ssl.setHandshakeTimeoutMillis(millis);
                        ch.pipeline().addLast("peek", connection.peek).addLast("tls", ssl)
                                .addLast("head", connection.head);
                        ssl.handshakeFuture().addListener(f -> {
                            if (f.isSuccess()) {
                                connection.handshakeDone(ch, ssl.engine());
                            } else if (connection.peek.connected) {
                                result.complete(Attempt.failed(NetworkProblems.handshake(f.cause(), r.where(),
                                        r.timeout(), connection.peek.first())));
                                ch.close();
                            }
                            // never connected: the connect listener names the failure (refused, timed out…); a
                            // failed connect closes the channel, which fails the handshake too, sometimes first
                        });
                    }
                });
        ChannelFuture connect = bootstrap.connect(r.address());
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                result.complete(Attempt.failed(NetworkProblems.connect(f.cause(), r.where(), r.timeout())));
            }
        });
        try {
            return result.get(millis * 3 + 2000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Attempt.failed(new NetworkProblem(NetworkProblem.Kind.HANDSHAKE_TIMEOUT, r.where()
                    + " gave no answer within " + NetworkProblems.seconds(r.timeout().multipliedBy(3))));
        } catch (ExecutionException e) {
            return Attempt.failed(NetworkProblems.other(e.getCause(), "connecting to " + r.where()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed(new NetworkProblem(NetworkProblem.Kind.OTHER, "the probe was cancelled"));
        } finally {
            connect.channel().close();
        }
    }

    private SslContext context(Request r) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(boringSsl ? SslProvider.OPENSSL : SslProvider.JDK)
                .protocols(r.protocols())
                .trustManager(InsecureTrustManagerFactory.INSTANCE);
        if (boringSsl) {
            // Every suite BoringSSL has, so that old versions are judged on the version, not on the ciphers.
            builder.ciphers(OpenSsl.availableJavaCipherSuites()).enableOcsp(OpenSsl.isOcspSupported());
        }
        if (!r.alpn().isEmpty()) {
            builder.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, r.alpn()));
        }
        return builder.build();
    }

    private static boolean boringSslAvailable() {
        try {
            return OpenSsl.isAvailable();
        } catch (LinkageError e) {
            return false;
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** The state of one connection: handlers, timing and the result to complete once. */
    private static final class Connection {
        final Request request;
        final CompletableFuture<Attempt> result;
        final Peek peek = new Peek();
        final Head head;
        Handshake handshake;

        Connection(Request request, CompletableFuture<Attempt> result) {
            this.request = request;
            this.result = result;
            this.head = new Head(this);
        }

        void handshakeDone(Channel ch, SSLEngine engine) {
            SSLSession session = engine.getSession();
            List<X509Certificate> chain = new ArrayList<>();
            try {
                for (Certificate c : session.getPeerCertificates()) {
                    if (c instanceof X509Certificate x) {
                        chain.add(x);
                    }
                }
            } catch (SSLPeerUnverifiedException e) {
                // no certificate sent: an empty chain, judged later
            }
            Optional<byte[]> ocsp = engine instanceof ReferenceCountedOpenSslEngine openssl
                    ? Optional.ofNullable(openssl.getOcspResponse()) : Optional.empty();
            String alpn = engine.getApplicationProtocol();
            handshake = new Handshake(chain, session.getProtocol(), session.getCipherSuite(),
                    Optional.ofNullable(alpn).filter(a -> !a.isEmpty()), ocsp,
                    Duration.ofNanos(System.nanoTime() - peek.activeAt));
            if (request.httpHost().isEmpty()) {
                result.complete(Attempt.completed(handshake));
                ch.close();
                return;
            }
            String get = "GET / HTTP/1.1\r\nHost: " + request.httpHost().get() + "\r\nUser-Agent: gatehouse-probe\r\n"
                    + "Accept: */*\r\nConnection: close\r\n\r\n";
            ch.writeAndFlush(Unpooled.copiedBuffer(get, StandardCharsets.US_ASCII));
            ch.eventLoop().schedule(() -> {
                if (result.complete(new Attempt(Optional.of(handshake), Optional.empty(), Optional.of(
                        new NetworkProblem(NetworkProblem.Kind.NO_HTTP_ANSWER, request.where() + " completed the TLS"
                                + " handshake but sent no answer to GET / within "
                                + NetworkProblems.seconds(request.timeout())))))) {
                    ch.close();
                }
            }, request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        }

        void headRead(Channel ch, byte[] bytes, boolean complete) {
            Optional<HttpHead> parsed = HttpHead.parse(bytes);
            Attempt attempt = parsed.map(h -> new Attempt(Optional.of(handshake), Optional.of(h), Optional.empty()))
                    .orElseGet(() -> new Attempt(Optional.of(handshake), Optional.empty(), Optional.of(new NetworkProblem(
                            NetworkProblem.Kind.BAD_HTTP_ANSWER, request.where() + " answered GET / with something"
                            + " that is not HTTP/1.x" + (bytes.length == 0 ? "" : " (\""
                            + NetworkProblems.printable(bytes) + "\")") + (complete ? "" : ", then closed")))));
            result.complete(attempt);
            ch.close();
        }

        void failedAfterHandshake(Channel ch, Throwable cause) {
            result.complete(new Attempt(Optional.of(handshake), Optional.empty(),
                    Optional.of(NetworkProblems.http(cause, request.where()))));
            ch.close();
        }
    }

    /** Before TLS: remembers when the connection opened and the first bytes the peer sent (not consumed). */
    private static final class Peek extends ChannelInboundHandlerAdapter {
        private final ByteArrayOutputStream first = new ByteArrayOutputStream();
        volatile long activeAt = System.nanoTime();
        volatile boolean connected;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            activeAt = System.nanoTime();
            connected = true;
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf buf && first.size() < PEEK) {
                int n = Math.min(PEEK - first.size(), buf.readableBytes());
                byte[] bytes = new byte[n];
                buf.getBytes(buf.readerIndex(), bytes);
                synchronized (first) {
                    first.writeBytes(bytes);
                }
            }
            ctx.fireChannelRead(msg);
        }

        byte[] first() {
            synchronized (first) {
                return first.toByteArray();
            }
        }
    }

    /** After TLS: collects the response head to {@code GET /}. */
    private static final class Head extends ChannelInboundHandlerAdapter {
        private final Connection connection;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Head(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf buf) {
                try {
                    if (connection.handshake != null && !connection.result.isDone()) {
                        byte[] chunk = new byte[Math.min(buf.readableBytes(), MAX_HEAD - bytes.size())];
                        buf.readBytes(chunk);
                        bytes.writeBytes(chunk);
                        String text = bytes.toString(StandardCharsets.ISO_8859_1);
                        if (text.contains("\r\n\r\n") || bytes.size() >= MAX_HEAD) {
                            connection.headRead(ctx.channel(), bytes.toByteArray(), true);
                        }
                    }
                } finally {
                    buf.release();
                }
            } else {
                io.netty.util.ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (connection.handshake != null && !connection.result.isDone()) {
                if (bytes.size() > 0) {
                    connection.headRead(ctx.channel(), bytes.toByteArray(), false);
                } else {
                    connection.failedAfterHandshake(ctx.channel(), new ClosedChannelException());
                }
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (connection.handshake != null) {
                connection.failedAfterHandshake(ctx.channel(), cause);
            }
            // before the handshake the handshake future reports the failure
            ctx.close();
        }
    }
}
