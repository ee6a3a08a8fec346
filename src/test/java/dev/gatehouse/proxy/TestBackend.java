package dev.gatehouse.proxy;

import dev.gatehouse.proxy.server.ProxyConfig;
import dev.gatehouse.tls.build.CertificateBundle;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A backend for proxy tests on 127.0.0.1: answers every request with its name and what it received
 * (method, path, Host, forwarding headers, TLS), echoes WebSocket text frames on {@code /ws}, and never
 * answers {@code /slow}. {@code /stream} answers chunked: the head at once, the body ("hello world", in
 * two chunks, with an {@code X-Checksum} trailer) once the test lets it ({@link #releaseStreamBody}).
 */
public final class TestBackend implements AutoCloseable {

    private final String name;
    private final EventLoopGroup group;
    private final Channel server;
    private final boolean tls;
    private final AtomicReference<CompletableFuture<Void>> streamBody;

    private TestBackend(String name, EventLoopGroup group, Channel server, boolean tls,
                        AtomicReference<CompletableFuture<Void>> streamBody) {
        this.name = name;
        this.group = group;
        this.server = server;
        this.tls = tls;
        this.streamBody = streamBody;
    }

    /** Lets the body of the {@code /stream} responses in progress (and later ones) go out. */
    void releaseStreamBody() {
        streamBody.get().complete(null);
    }

    static TestBackend http(String name) throws InterruptedException {
        return start(name, null);
    }

    public static TestBackend https(String name, CertificateBundle certificate) throws Exception {
        SslContext context = SslContextBuilder.forServer(certificate.privateKey(),
                certificate.chain().toArray(X509Certificate[]::new)).build();
        return start(name, context);
    }

    /** HTTPS that requires a client certificate issued by {@code clientCa}: the handshake fails without one. */
    static TestBackend mutualTls(String name, CertificateBundle certificate, X509Certificate clientCa) throws Exception {
        SslContext context = SslContextBuilder.forServer(certificate.privateKey(),
                certificate.chain().toArray(X509Certificate[]::new)).trustManager(clientCa)
                .clientAuth(io.netty.handler.ssl.ClientAuth.REQUIRE).build();
        return start(name, context);
    }

    private static TestBackend start(String name, SslContext tls) throws InterruptedException {
        AtomicReference<CompletableFuture<Void>> streamBody = new AtomicReference<>(new CompletableFuture<>());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("test-backend-" + name, true),
                NioIoHandler.newFactory());
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(4 * 1024 * 1024),
                                new WebSocketServerProtocolHandler("/ws"), new Echo(name, streamBody),
                                new WebSocketEcho());
                    }
                }).bind(new InetSocketAddress(ProxyConfig.loopback(), 0)).sync().channel();
        return new TestBackend(name, group, server, tls != null, streamBody);
    }

    String url() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private static final class Echo extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final String name;
        private final AtomicReference<CompletableFuture<Void>> streamBody;

        Echo(String name, AtomicReference<CompletableFuture<Void>> streamBody) {
            this.name = name;
            this.streamBody = streamBody;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (request.uri().startsWith("/slow")) {
                return;
            }
            if (request.uri().startsWith("/stream")) {
                stream(ctx);
                return;
            }
            if (request.uri().startsWith("/hints")) { // 103 Early Hints on its own, the answer a bit later
                FullHttpResponse hints = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.valueOf(103, "Early Hints"));
                hints.headers().set("Link", "</app.css>; rel=preload");
                ctx.writeAndFlush(hints);
                request.retain();
                ctx.executor().schedule(() -> {
                    try {
                        answer(ctx, request);
                    } finally {
                        request.release();
                    }
                }, 100, TimeUnit.MILLISECONDS);
                return;
            }
            answer(ctx, request);
        }

        private void stream(ChannelHandlerContext ctx) {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            head.headers().set("X-Backend", name);
            ctx.writeAndFlush(head);
            streamBody.get().thenRun(() -> ctx.executor().execute(() -> {
                ctx.write(new DefaultHttpContent(Unpooled.copiedBuffer("hello ", StandardCharsets.US_ASCII)));
                LastHttpContent end = new DefaultLastHttpContent(Unpooled.copiedBuffer("world", StandardCharsets.US_ASCII));
                end.trailingHeaders().set("X-Checksum", "42");
                ctx.writeAndFlush(end);
            }));
        }

        private void answer(ChannelHandlerContext ctx, FullHttpRequest request) {
            StringBuilder text = new StringBuilder(name).append('\n');
            text.append("method: ").append(request.method()).append('\n');
            text.append("path: ").append(request.uri()).append('\n');
            Map<String, String> sorted = new TreeMap<>();
            request.headers().forEach(h -> sorted.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            sorted.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
            text.append("body-bytes: ").append(request.content().readableBytes()).append('\n');
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            if (ssl != null) {
                text.append("tls: ").append(ssl.engine().getSession().getProtocol()).append('\n');
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(bytes));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
            response.headers().set("X-Backend", name);
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    private static final class WebSocketEcho extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            ctx.writeAndFlush(new TextWebSocketFrame("echo: " + frame.text()));
        }
    }
}
