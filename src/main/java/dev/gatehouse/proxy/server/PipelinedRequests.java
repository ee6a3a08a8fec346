package dev.gatehouse.proxy.server;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * HTTP/1 requests that arrived while another is answered (pipelining: many requests in one write), in
 * order. Bounded by count and by the body bytes held: a request over either bound is not kept, and
 * neither is anything after it. The connection then answers the ones kept and, after them, the
 * first request it refused with 429 and {@code Connection: close} ({@link #refused}).
 */
final class PipelinedRequests {

    /** Requests kept waiting at most, besides the one being answered. */
    static final int MAX_WAITING = 128;

    /** The first request that did not fit, for the 429 (its body is not kept). */
    record Refused(String method, String host, String uri, String protocol) {
    }

    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private final long maxBodyBytes;
    private long bodyBytes;
    private Refused refused;

    /** @param maxBodyBytes body bytes held together at most (one maximal request body) */
    PipelinedRequests(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Keeps a {@link FullHttpRequest} or an {@link OversizedRequest} for later, or, over a bound or once a
     * request was refused, releases it (remembering the first refused one).
     */
    void offer(Object request) {
        long body = request instanceof FullHttpRequest full ? full.content().readableBytes() : 0;
        if (refused == null && waiting.size() < MAX_WAITING && bodyBytes + body <= maxBodyBytes) {
            waiting.add(request);
            bodyBytes += body;
            return;
        }
        if (refused == null) {
            refused = describe(request);
        }
        ReferenceCountUtil.release(request);
    }

    /** The next request to answer, or null. */
    Object poll() {
        Object next = waiting.poll();
        if (next instanceof FullHttpRequest full) {
            bodyBytes -= full.content().readableBytes();
        }
        return next;
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** True once a request did not fit: nothing more is kept on this connection. */
    boolean refusing() {
        return refused != null;
    }

    /** The first request that did not fit; null when none. */
    Refused refused() {
        return refused;
    }

    void releaseAll() {
        Object r;
        while ((r = waiting.poll()) != null) {
            ReferenceCountUtil.release(r);
        }
        bodyBytes = 0;
    }

    private static Refused describe(Object request) {
        if (request instanceof FullHttpRequest full) {
            return new Refused(full.method().name(), full.headers().get("Host", ""), full.uri(),
                    full.protocolVersion().text());
        }
        if (request instanceof OversizedRequest big) {
            return new Refused(big.method(), big.host(), big.uri(), "HTTP/1.1");
        }
        return new Refused("", "", "", "HTTP/1.1");
    }
}
