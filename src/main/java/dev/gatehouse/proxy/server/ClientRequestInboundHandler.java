package dev.gatehouse.proxy.server;

import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.Outcome;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.route.RequestHeaders;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.Attribute;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client side, inbound, last handler: takes each whole request, asks the engine (through the current
 * {@link RouteTable}) where it goes, and either answers itself (redirect, 404, client-certificate
 * errors, 503) or hands it to a {@link ProxiedExchange} for the backend. HTTP/1 requests are answered
 * one at a time, in order; while one is answered at most one more read is done (bounded read-ahead), and
 * reading resumes only after its response went out. Requests that arrive together (pipelining) wait in
 * {@link PipelinedRequests}; beyond its bounds the client gets 429 after the answers to those kept.
 */
final class ClientRequestInboundHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ClientRequestInboundHandler.class);

    private final ProxyServices services;
    /** Requests read while another is answered: {@link FullHttpRequest}s and {@link OversizedRequest}s. */
    private final PipelinedRequests pipelined;
    private ChannelHandlerContext ctx;
    private SlowRequestGuard guard;
    private InputCutoff cutoff;
    private ConnectionInfo connection;
    private Deadline responseDeadline;
    private Exchange current;
    /** Where the other handlers find {@link #current} (looked up once, not per request). */
    private Attribute<Exchange> exchangeAttribute;
    /** A queued request is about to be handled (in a task, so answers do not recurse). */
    private boolean nextScheduled;
    private ProxiedExchange proxied;

    ClientRequestInboundHandler(ProxyServices services) {
        this.services = services;
        this.pipelined = new PipelinedRequests(services.config().maxBodyBytes());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.guard = ctx.pipeline().get(SlowRequestGuard.class);
        this.cutoff = ctx.pipeline().get(InputCutoff.class);
        this.exchangeAttribute = ctx.channel().attr(Exchange.KEY);
        this.responseDeadline = new Deadline(ctx.executor(), () -> {
            if (proxied != null) {
                proxied.responseTimedOut();
            }
        });
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        responseDeadline.close();
    }

    /** The backend's time to start its response; armed and cleared by the exchange in progress. */
    Deadline responseDeadline() {
        return responseDeadline;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (guard != null) {
            guard.requestReceived();
        }
        if (busy()) {
            pipelined.offer(request); // released instead when over the bound: answered with 429 in turn
            if (pipelined.refusing() && cutoff != null) {
                cutoff.cut(); // what is already decoded is released; nothing more is read
            }
            return;
        }
        handleThenReadAhead(request);
    }

    /** A request is being answered, or the next queued one is about to be: new ones wait in the queue. */
    private boolean busy() {
        return current != null || nextScheduled;
    }

    /**
     * Handles the request, then, while a keep-alive request is answered, lets one more be read and
     * queued: the socket stays registered for reading instead of being switched off and on for every
     * request (two system calls each time), and buffering stays bounded because nothing more is read
     * while a request waits. Never after an upgrade request, whose next bytes are not HTTP.
     */
    private void handleThenReadAhead(FullHttpRequest request) {
        boolean upgrade = request.headers().contains(HttpHeaderNames.UPGRADE);
        handle(request);
        if (!upgrade && current != null && current.keepAlive() && pipelined.isEmpty() && !http2()) {
            ctx.read();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof OversizedRequest big) {
            if (guard != null) {
                guard.requestReceived();
            }
            if (!busy()) {
                tooLarge(big);
            } else {
                pipelined.offer(big); // answered in turn; nothing more is read meanwhile
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    /** 413 for a request whose body is over the limit (not read); the connection then closes. */
    private void tooLarge(OversizedRequest big) {
        String host = RequestProbe.hostOnly(big.host()).orElse(big.host());
        current = begin(big.method(), host, big.uri(), protocol(null), false);
        respond(ErrorPages.page(ctx.alloc(), HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "The request body is"
                + " larger than " + big.bytes() + " bytes (ingress-nginx's proxy-body-size default is 1m)."),
                "request body too large");
    }

    private void handle(FullHttpRequest request) {
        boolean handedOver = false;
        try {
            ConnectionInfo info = connection();
            boolean keepAlive = !http2() && HttpUtil.isKeepAlive(request);
            DecoderResult decoded = request.decoderResult();
            if (decoded.isFailure()) {
                current = begin(request.method().name(), "", request.uri(), protocol(request), false);
                malformed(decoded.cause());
                return;
            }
            if (!http2() && !request.protocolVersion().equals(HttpVersion.HTTP_1_1)
                    && !request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
                current = begin(request.method().name(), "", request.uri(), request.protocolVersion().text(), false);
                respond(ErrorPages.page(ctx.alloc(), HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, "Only HTTP/1.0,"
                        + " HTTP/1.1 and HTTP/2 are spoken here, not " + request.protocolVersion().text() + "."),
                        "unsupported HTTP version");
                return;
            }
            // HTTP/1 headers were validated by the decoder; HTTP/2's arrive unchecked from HPACK.
            RequestProbe.Result parsed = http2() ? RequestProbe.checkedHeaders(request, info,
                    ctx.channel().attr(Http2AuthorityCheck.PROBLEM).get()) : RequestProbe.of(request, info);
            if (parsed.probe().isEmpty()) {
                current = begin(request.method().name(), parsed.hostHeader(), request.uri(), protocol(request), false);
                respond(ErrorPages.page(ctx.alloc(), HttpResponseStatus.BAD_REQUEST, "Bad request: " + parsed.problem()
                        + "."), parsed.problem());
                return;
            }
            ProbeRequest probe = parsed.probe().get();
            current = begin(request.method().name(), probe.host(), request.uri(), protocol(request), keepAlive);
            RouteTable table = services.routes().get();
            if (info.tls()) {
                ClientCertificate presented = info.clientCertificate(table, probe.host());
                if (presented != ClientCertificate.NONE) {
                    probe = probe.withClientCertificate(presented);
                }
            }
            if (table.hasGateways()) {
                probe = forGateways(probe, table, request, info);
            }
            RouteTable.Route route = table.route(probe, services.draw());
            current.explained(route.explanation(), info.tls() && route.hsts());
            if (!request.uri().startsWith("/") && !request.uri().equals("*")) {
                request.headers().set(HttpHeaderNames.HOST, parsed.hostHeader()); // RFC 9112 §3.2.2
            }
            handedOver = dispatch(request, route, parsed.target());
        } finally {
            if (!handedOver) {
                request.release();
            }
        }
    }

    /**
     * The request as the Gateway sees it: on the listener port the local port serves, with the headers some
     * HTTPRoute matches on (the route cache is keyed by the whole request, so these must be in it).
     */
    private ProbeRequest forGateways(ProbeRequest probe, RouteTable table, FullHttpRequest request, ConnectionInfo info) {
        int listenerPort = services.ports().listenerPort(info.localPort());
        ProbeRequest onPort = listenerPort == probe.port() ? probe : new ProbeRequest(probe.method(), probe.scheme(),
                probe.host(), listenerPort, probe.path(), probe.query(), probe.sni(), probe.clientCertificate(),
                probe.headers());
        if (info.tls()) { // the listener's spec.tls.frontend CA verifies the certificate, not the Ingress host's
            onPort = info.gatewayClientCertificate(table, listenerPort).map(onPort::withClientCertificate).orElse(onPort);
        }
        RequestHeaders headers = table.matchHeaders(request.headers());
        return headers.isEmpty() ? onPort : onPort.withHeaders(headers);
    }

    private Exchange begin(String method, String host, String uri, String protocol, boolean keepAlive) {
        Exchange exchange = new Exchange(services.routes().get().clock().instant(), connection(), protocol, method, host, uri,
                keepAlive);
        exchangeAttribute.set(exchange);
        return exchange;
    }

    /**
     * Answers or proxies; true when the request was handed to the backend side.
     *
     * @param target the request target as received (what the backend and a redirect get unless rewritten)
     */
    private boolean dispatch(FullHttpRequest request, RouteTable.Route route, String target) {
        Outcome outcome = route.explanation().decision().outcome();
        if (outcome == Outcome.ROUTED || outcome == Outcome.DEFAULT_BACKEND) {
            proxied = new ProxiedExchange(ctx, this, services, current, request, route, target);
            proxied.start();
            return true;
        }
        if (route.unsupported().isPresent()) {
            String why = route.unsupported().get();
            respond(ErrorPages.page(ctx.alloc(), HttpResponseStatus.NOT_IMPLEMENTED, why + "."), why);
            return false;
        }
        ProxyAnswers.Answer answer = ProxyAnswers.of(ctx.alloc(), route.explanation(), target,
                services.httpsPort().getAsInt(), services.ports());
        respond(answer.response(), answer.note());
        return false;
    }

    private void malformed(Throwable cause) {
        HttpResponseStatus status;
        String text;
        if (cause instanceof TooLongHttpHeaderException) {
            status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            text = "The request headers are larger than " + services.config().maxHeaderBytes() + " bytes.";
        } else if (cause instanceof TooLongHttpLineException) {
            status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
            text = "The request line is longer than " + services.config().maxInitialLineBytes() + " bytes.";
        } else {
            status = HttpResponseStatus.BAD_REQUEST;
            text = "The request is not valid HTTP: " + (cause == null ? "unreadable" : cause.getMessage());
        }
        respond(ErrorPages.page(ctx.alloc(), status, text), text);
    }

    /** Sends a response the proxy made itself and completes the exchange. */
    private void respond(FullHttpResponse response, String note) {
        Exchange exchange = current;
        exchange.status(response.status().code());
        exchange.note(note);
        boolean keepOpen = exchange.keepAlive();
        if (!http2() && !keepOpen) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ctx.writeAndFlush(response).addListener(f -> exchangeComplete(f.isSuccess() && keepOpen));
    }

    /** Answers for the backend side (502, 504 pages). */
    void respondFromProxy(FullHttpResponse response, String note) {
        respond(response, note);
    }

    /** The exchange became a WebSocket tunnel: log the 101; this handler is out of the pipeline from now on. */
    void tunnelled() {
        Exchange done = current;
        current = null;
        proxied = null;
        exchangeAttribute.set(null);
        if (done != null) {
            services.log(done);
        }
        releasePipelined();
    }

    /** The response is out: log it, then read the next request, or close. */
    void exchangeComplete(boolean keepOpen) {
        Exchange done = current;
        current = null;
        proxied = null;
        exchangeAttribute.set(null);
        if (done != null) {
            services.log(done);
        }
        if (http2()) {
            return;
        }
        if (!keepOpen || !ctx.channel().isActive()) {
            releasePipelined();
            ctx.close();
            return;
        }
        Object queued = pipelined.poll();
        if (queued == null && pipelined.refusing()) {
            nextScheduled = true;
            ctx.executor().execute(this::tooManyPipelined);
            return;
        }
        if (queued != null) {
            nextScheduled = true;
            ctx.executor().execute(() -> {
                nextScheduled = false;
                if (queued instanceof OversizedRequest big) {
                    tooLarge(big);
                } else if (!ctx.channel().isActive()) {
                    ReferenceCountUtil.release(queued); // the client left meanwhile
                } else {
                    handleThenReadAhead((FullHttpRequest) queued);
                }
            });
            return;
        }
        if (guard != null) {
            guard.awaitNext();
        }
        ctx.read();
    }

    /** 429 for the first pipelined request beyond the bounds, after the answers to those before it; then close. */
    private void tooManyPipelined() {
        nextScheduled = false;
        if (!ctx.channel().isActive()) {
            return;
        }
        PipelinedRequests.Refused refused = pipelined.refused();
        String host = RequestProbe.hostOnly(refused.host()).orElse(refused.host());
        current = begin(refused.method(), host, refused.uri(), refused.protocol(), false);
        respond(ErrorPages.page(ctx.alloc(), HttpResponseStatus.TOO_MANY_REQUESTS, "Too many requests were sent"
                + " ahead on one connection (HTTP pipelining): the proxy keeps at most "
                + PipelinedRequests.MAX_WAITING + " requests (and " + services.config().maxBodyBytes() + " body bytes)"
                + " waiting behind the one it answers. It answered those before this one and read neither this one"
                + " nor any after it: send them again on a new connection."), "too many pipelined requests");
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        responseDeadline.close();
        releasePipelined();
        if (proxied != null) {
            proxied.clientGone();
        }
        if (current != null && current.status() == 0) {
            current.status(499);
            current.note("the client closed the connection before the response");
            services.log(current);
            current = null;
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof io.netty.handler.codec.PrematureChannelClosureException) {
            // the client went away (mid-body too: found by ProxyRequestFuzzTest#http1), not a proxy failure
            LOG.debug("Client connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else if (cause instanceof io.netty.handler.codec.http2.Http2Exception) {
            // a malformed HTTP/2 request (e.g. a content-length that is no number, or two of them: RFC 9113 §8.1.1);
            // the frame codec has reset the stream with PROTOCOL_ERROR already (ProxyRequestFuzzTest#http2 found it)
            LOG.debug("HTTP/2 stream of {} refused: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("Client connection {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }

    private void releasePipelined() {
        pipelined.releaseAll();
    }

    /** The client connection (for an HTTP/2 stream, the connection it belongs to). */
    private ConnectionInfo connection() {
        if (connection == null) {
            connection = ConnectionInfo.of(ctx.channel());
        }
        return connection;
    }

    private boolean http2() {
        return ctx.channel() instanceof Http2StreamChannel;
    }

    private String protocol(FullHttpRequest request) {
        if (http2()) {
            return "h2";
        }
        return request == null ? HttpVersion.HTTP_1_1.text() : request.protocolVersion().text();
    }

    Channel channel() {
        return ctx.channel();
    }
}
