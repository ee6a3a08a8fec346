package dev.gatehouse.proxy.server;

import dev.gatehouse.proxy.backend.BackendKey;
import dev.gatehouse.proxy.backend.BackendTarget;
import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.proxy.route.UpstreamTls;
import dev.gatehouse.routing.Explanation;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Backend side: one request forwarded to its backend. Finds the backend (mapping, demo, port-forward),
 * takes a pooled connection, sends the request, and relays the response to the client piece by piece,
 * reading more from the backend only once the client took the previous piece. A failure before the
 * response started becomes 502 (504 when the backend is too slow) with a page naming the backend and
 * why; a reused keep-alive connection that turns out closed is retried once on a new one. A WebSocket
 * upgrade (101) turns both connections into a byte tunnel. Runs on the client's event loop.
 */
final class ProxiedExchange {

    private final ChannelHandlerContext client;
    private final ClientRequestInboundHandler owner;
    private final ProxyServices services;
    private final Exchange exchange;
    private final FullHttpRequest request;
    private final RouteTable.Route route;
    /** The request target as the client sent it: what the backend receives unless a rewrite changed it. */
    private final String requestTarget;
    private final Explanation explanation;
    private final boolean http2;
    private final boolean websocket;
    private boolean clientKeepAlive;
    private BackendKey key;
    private BackendTarget target;
    private UpstreamTls tls = UpstreamTls.PLAIN;
    private Channel backend;
    private boolean reused;
    private boolean retried;
    private boolean responseStarted;
    private boolean backendKeepAlive;
    private boolean upgrading;
    private boolean done;
    private ChannelFuture pendingWrite;
    private boolean lastReceived;
    private boolean skippingInterim;
    /** The response head, until the next piece of the response or the end of the backend's read batch. */
    private HttpResponse heldHead;
    private final List<ByteBuf> earlyTunnelData = new ArrayList<>();

    ProxiedExchange(ChannelHandlerContext client, ClientRequestInboundHandler owner, ProxyServices services,
                    Exchange exchange, FullHttpRequest request, RouteTable.Route route, String requestTarget) {
        this.client = client;
        this.owner = owner;
        this.services = services;
        this.exchange = exchange;
        this.request = request;
        this.route = route;
        this.requestTarget = requestTarget;
        this.explanation = route.explanation();
        this.http2 = client.channel() instanceof Http2StreamChannel;
        this.websocket = !http2 && UpstreamRequests.websocket(request);
        this.clientKeepAlive = exchange.keepAlive();
    }

    void start() {
        Optional<BackendKey> key = route.backend();
        if (key.isEmpty()) {
            fail(HttpResponseStatus.BAD_GATEWAY, "The matched rule names no Service backend.");
            return;
        }
        this.key = key.get();
        exchange.backend(this.key, null, null);
        CompletableFuture<BackendTarget> lookup = services.backends().locate(this.key);
        if (lookup.isDone() && client.executor().inEventLoop()) {
            located(lookup); // a mapping or demo backend: known at once, no hop through the task queue
        } else {
            lookup.whenComplete((found, error) -> client.executor().execute(() -> located(lookup)));
        }
    }

    private void located(CompletableFuture<BackendTarget> lookup) {
        if (done) {
            return;
        }
        BackendTarget found;
        try {
            found = lookup.join();
        } catch (CompletionException | CancellationException error) {
            fail(HttpResponseStatus.BAD_GATEWAY, "Gatehouse has no way to reach " + backendName() + ": "
                    + BackendFailures.reason(error));
            return;
        }
        located(found, key);
    }

    /** Connects as the engine's one answer says ({@link RouteTable.Route#upstreamTls()}); a mismatch gets a 502. */
    private void located(BackendTarget found, BackendKey key) {
        target = found;
        tls = route.upstreamTls();
        exchange.backend(key, found, tls);
        if (found.tls() && !tls.enabled()) {
            fail(HttpResponseStatus.BAD_GATEWAY, BackendFailures.mismatch(backendName(), found,
                    explanation.carriage().upstream()));
            return;
        }
        connect(false);
    }

    private void connect(boolean fresh) {
        EventLoop loop = client.channel().eventLoop();
        Channel idle = fresh ? null : services.pool().pollIdle(loop, target, tls);
        if (idle != null) {
            send(new UpstreamPool.Lease(idle, true));
            return;
        }
        services.pool().open(loop, target, tls)
                .addListener((Future<UpstreamPool.Lease> f) -> {
                    if (done) {
                        if (f.isSuccess()) {
                            services.pool().release(f.getNow().channel());
                        }
                        return;
                    }
                    if (!f.isSuccess()) {
                        fail(HttpResponseStatus.BAD_GATEWAY, "Gatehouse could not connect to " + backendAt() + ": "
                                + BackendFailures.reason(f.cause()));
                        return;
                    }
                    send(f.getNow());
                });
    }

    private void send(UpstreamPool.Lease lease) {
        backend = lease.channel();
        reused = lease.reused();
        BackendResponseInboundHandler.of(backend).bind(this);
        // As nginx's proxy_pass without a URI part: the target as sent, or the rewritten (normalised) one.
        String uri = GatewayFilters.upstreamUri(explanation, requestTarget);
        FullHttpRequest upstream = UpstreamRequests.build(request, uri, exchange.connection(),
                explanation.request().scheme(), websocket);
        GatewayFilters.request(upstream.headers(), explanation); // HTTPRoute filters: Host rewrite, header changes
        Channel sentOn = backend;
        backend.writeAndFlush(upstream).addListener(w -> {
            if (!w.isSuccess() && sentOn == backend) {
                onBackendFailure(w.cause());
            }
        });
        backend.read();
        owner.responseDeadline().arm(services.config().upstreamResponseTimeout().toNanos());
    }

    /** A response object (head, content, or tunnel bytes after a 101) from the backend. */
    void onBackendMessage(Object msg) {
        if (done) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (upgrading && !(msg instanceof LastHttpContent) && msg instanceof ByteBuf early) {
            earlyTunnelData.add(early);
            return;
        }
        if (msg instanceof HttpResponse interim && interim(interim.status().code())) {
            skippingInterim = !(msg instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            return;
        }
        if (skippingInterim) {
            skippingInterim = !(msg instanceof LastHttpContent); // the interim response's (empty) end
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpResponse response) {
            cancelTimer();
            responseStarted = true;
            prepare(response);
            if (!(msg instanceof LastHttpContent) && !upgrading) {
                heldHead = response; // goes out with the next piece: one message to encode and encrypt
                return;
            }
        } else if (heldHead != null) {
            if (msg instanceof LastHttpContent end) {
                msg = new DefaultFullHttpResponse(heldHead.protocolVersion(), heldHead.status(), end.content(),
                        heldHead.headers(), end.trailingHeaders());
                heldHead = null;
            } else {
                relayHeldHead();
            }
        }
        relay(msg, msg instanceof LastHttpContent);
    }

    private void relayHeldHead() {
        if (heldHead != null) {
            HttpResponse head = heldHead;
            heldHead = null;
            relay(head, false);
        }
    }

    /** Writes a piece of the response to the client; flushed once per batch the backend delivered. */
    private void relay(Object msg, boolean last) {
        lastReceived |= last;
        ChannelFuture written = last ? client.writeAndFlush(msg) : client.write(msg);
        pendingWrite = written;
        written.addListener(f -> {
            if (!f.isSuccess()) {
                abort("the client went away during the response");
            } else if (last) {
                finish();
            }
        });
    }

    /**
     * A 1xx other than a passed-through 101: not relayed, the final response follows (as nginx does;
     * the proxy never asks a backend for 100 Continue, it sends whole requests).
     */
    private boolean interim(int status) {
        return status >= 100 && status < 200 && !(websocket && status == HttpResponseStatus.SWITCHING_PROTOCOLS.code());
    }

    /** The backend delivered what it had: flush it to the client and read more once the client took it. */
    void onBackendReadComplete() {
        if (done || backend == null) {
            return;
        }
        relayHeldHead(); // the body has not come yet: the head goes out alone
        ChannelFuture written = pendingWrite;
        pendingWrite = null;
        if (written == null) {
            if (!lastReceived) {
                backend.read(); // nothing to relay yet (a partial head, or only an interim 1xx): read on
            }
            return;
        }
        if (lastReceived) {
            return; // the last piece went out with its own flush; an empty flush would still cost a TLS wrap
        }
        client.flush();
        written.addListener(f -> {
            if (f.isSuccess() && !done && !lastReceived && backend != null) {
                backend.read();
            }
        });
    }

    private void prepare(HttpResponse response) {
        int status = response.status().code();
        exchange.status(status);
        upgrading = websocket && status == HttpResponseStatus.SWITCHING_PROTOCOLS.code();
        UpstreamRequests.stripResponseHopByHop(response.headers(), upgrading);
        GatewayFilters.response(response.headers(), explanation);
        boolean bodyless = status < 200 || status == 204 || status == 304 || request.method().equals(HttpMethod.HEAD);
        boolean framed = HttpUtil.isContentLengthSet(response) || HttpUtil.isTransferEncodingChunked(response);
        backendKeepAlive = HttpUtil.isKeepAlive(response) && (framed || bodyless) && !upgrading;
        if (http2 || upgrading) {
            return;
        }
        if (!framed && !bodyless) {
            if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
                HttpUtil.setTransferEncodingChunked(response, true);
            } else {
                clientKeepAlive = false;
            }
        }
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
        if (!clientKeepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        if (upgrading) {
            tunnel();
            return;
        }
        Channel b = detachBackend();
        if (backendKeepAlive) {
            services.pool().release(b);
        } else {
            b.close();
        }
        request.release();
        owner.exchangeComplete(clientKeepAlive);
    }

    /** The backend connection failed or closed (cause null) before the exchange finished. */
    void onBackendFailure(Throwable cause) {
        if (done) {
            return;
        }
        if (!responseStarted) {
            if (reused && !retried) {
                retried = true;
                Channel stale = detachBackend();
                stale.close();
                connect(true);
                return;
            }
            fail(HttpResponseStatus.BAD_GATEWAY, "The connection to " + backendAt() + " failed before a response: "
                    + (cause == null ? "the backend closed the connection" : BackendFailures.reason(cause)));
            return;
        }
        abort("the backend closed the connection in the middle of the response");
    }

    /** The backend did not start its response within the upstream response timeout. */
    void responseTimedOut() {
        if (done || responseStarted) {
            return;
        }
        Channel slow = detachBackend();
        if (slow != null) {
            slow.close();
        }
        fail(HttpResponseStatus.GATEWAY_TIMEOUT, backendAt() + " did not answer within "
                + services.config().upstreamResponseTimeout().toSeconds() + " s.");
    }

    /** The client closed its connection. */
    void clientGone() {
        if (done) {
            return;
        }
        done = true;
        cancelTimer();
        Channel b = detachBackend();
        if (b != null) {
            b.close();
        }
        request.release();
        releaseEarly();
    }

    private void fail(HttpResponseStatus status, String why) {
        done = true;
        cancelTimer();
        Channel b = detachBackend();
        if (b != null) {
            b.close();
        }
        request.release();
        owner.respondFromProxy(ErrorPages.page(client.alloc(), status, why), why);
    }

    private void abort(String why) {
        done = true;
        cancelTimer();
        exchange.note(why);
        Channel b = detachBackend();
        if (b != null) {
            b.close();
        }
        request.release();
        releaseEarly();
        owner.exchangeComplete(false);
    }

    /** After a 101: both connections become a byte tunnel. */
    private void tunnel() {
        Channel b = detachBackend();
        Channel c = client.channel();
        request.release();
        owner.tunnelled();
        TunnelRelayHandler.splice(c, b, earlyTunnelData);
        earlyTunnelData.clear();
    }

    private Channel detachBackend() {
        Channel b = backend;
        backend = null;
        if (b != null) {
            BackendResponseInboundHandler relay = BackendResponseInboundHandler.of(b);
            if (relay != null) {
                relay.unbind();
            }
        }
        return b;
    }

    private void cancelTimer() {
        owner.responseDeadline().disarm();
    }

    private void releaseEarly() {
        earlyTunnelData.forEach(ReferenceCountUtil::release);
        earlyTunnelData.clear();
    }

    private String backendName() {
        return key == null ? "the backend" : "Service " + key.namespace() + "/" + key.service() + " port " + key.port();
    }

    /** The Service port and the address it was reached at, for the 502 and 504 pages. */
    private String backendAt() {
        return backendName() + " at " + target.host() + ":" + target.port() + " (" + target.origin() + ")";
    }
}
