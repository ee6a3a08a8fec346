package dev.gatehouse.migrate;

import dev.gatehouse.proxy.backend.BackendKey;
import dev.gatehouse.proxy.backend.BackendSource;
import dev.gatehouse.proxy.backend.BackendTarget;
import dev.gatehouse.proxy.backend.BackendUnavailableException;
import dev.gatehouse.tls.build.CertificateBuilder;
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
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.OptionalSslHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Local stand-ins for the Services of the side-by-side replay: the user's Pods cannot be reached from a desktop,
 * so every Service port either proxy sends a request to gets its own echo server on 127.0.0.1 (an ephemeral port,
 * bound on first use), shared by both proxies. Each answers {@code 200 text/plain} naming the Service port it
 * stands for and what it received — the path and query, the Host, whether the proxy came over TLS (plain HTTP and
 * TLS are both accepted on the one port; the TLS certificate is the stand-in's own, self-signed). A proxy's
 * verified re-encryption (BackendTLSPolicy, {@code proxy-ssl-verify}) therefore fails against a stand-in.
 */
public final class StandInBackends implements BackendSource {

    /** The response header naming the Service port the stand-in answers for. */
    public static final String SERVICE_HEADER = "X-Gatehouse-Stand-In";
    /** The response header saying whether the request reached the stand-in over TLS ({@code yes}/{@code no}). */
    public static final String TLS_HEADER = "X-Gatehouse-Stand-In-TLS";
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(5);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Map<String, CompletableFuture<BackendTarget>> bound = new ConcurrentHashMap<>();
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final SslContext tls;
    private final CertificateBundle certificate;
    private volatile boolean closed;

    public StandInBackends(Clock clock) {
        this.certificate = CertificateBuilder.create(clock).subject("CN=Gatehouse stand-in backend")
                .sans("stand-in.gatehouse.invalid").serverAuth().selfSigned().build();
        try {
            this.tls = SslContextBuilder.forServer(certificate.privateKey(),
                    certificate.chain().toArray(X509Certificate[]::new)).build();
        } catch (SSLException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("TLS for the stand-in backends cannot be set up: " + e.getMessage(), e);
        }
    }

    /** The certificate every stand-in presents over TLS (a passthrough listener hands it to the client). */
    public CertificateBundle certificate() {
        return certificate;
    }

    /** How a Service port is named in reports: {@code namespace/service:port}, the port as a number when known. */
    public static String identity(BackendKey key) {
        return key.namespace() + "/" + key.service() + ":" + key.number().map(String::valueOf).orElse(key.port());
    }

    @Override
    public String name() {
        return "stand-in";
    }

    @Override
    public Optional<CompletableFuture<BackendTarget>> locate(BackendKey key) {
        if (closed) {
            return Optional.of(CompletableFuture.failedFuture(new BackendUnavailableException("the replay stopped")));
        }
        String id = identity(key);
        return Optional.of(bound.computeIfAbsent(id, this::bind));
    }

    @Override
    public Optional<String> preview(BackendKey key) {
        return Optional.of("a Gatehouse stand-in echo backend for " + identity(key) + " (not your Pods)");
    }

    private CompletableFuture<BackendTarget> bind(String id) {
        CompletableFuture<BackendTarget> out = new CompletableFuture<>();
        new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new OptionalSslHandler(tls), new HttpServerCodec(),
                                new HttpObjectAggregator(1 << 20), new Echo(id));
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        out.completeExceptionally(new BackendUnavailableException("the stand-in backend for " + id
                                + " could not listen: " + f.cause().getMessage()));
                        return;
                    }
                    channels.put(id, f.channel());
                    int port = ((InetSocketAddress) f.channel().localAddress()).getPort();
                    out.complete(new BackendTarget("127.0.0.1", port, false, "stand-in echo backend for " + id));
                });
        return out.orTimeout(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many Service ports have a stand-in now. */
    public int count() {
        return channels.size();
    }

    @Override
    public void close() {
        closed = true;
        channels.values().forEach(Channel::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** Answers every request with what it received. */
    private static final class Echo extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final String id;

        Echo(String id) {
            this.id = id;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean viaTls = ctx.pipeline().get(SslHandler.class) != null;
            String host = request.headers().get(HttpHeaderNames.HOST, "");
            String body = "Gatehouse stand-in backend for Service " + id + " (not your Pods)\n"
                    + "service: " + id + "\npath: " + request.uri().replace('\n', ' ') + "\nhost: "
                    + host.replace('\n', ' ') + "\ntls: " + (viaTls ? "yes" : "no") + "\n";
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                    .set(SERVICE_HEADER, id).set(TLS_HEADER, viaTls ? "yes" : "no");
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            HttpUtil.setKeepAlive(response, keepAlive);
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
