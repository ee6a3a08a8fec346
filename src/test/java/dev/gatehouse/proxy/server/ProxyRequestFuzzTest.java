package dev.gatehouse.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gatehouse.proxy.NettyLeakWatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2FrameReader;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Raw bytes from a client into the proxy's HTTP/1 and HTTP/2 pipelines: whatever arrives, no exception
 * escapes (nor reaches the request handler's "failed" log), every answer is a well-formed response
 * with a valid status, and no buffer leaks (paranoid leak detection, {@link NettyLeakWatch}). In
 * {@code mvn verify} the committed seeds in {@code ProxyRequestFuzzTestInputs/} are replayed;
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/proxy.md).
 */
@ExtendWith(NettyLeakWatch.class)
class ProxyRequestFuzzTest {

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Built once: the rules and the fake certificate are the slow part. */
    private static EmbeddedProxy proxy;
    private final ListAppender<ILoggingEvent> failures = new ListAppender<>();

    @BeforeAll
    static void rules() throws Exception {
        proxy = new EmbeddedProxy(event -> { });
    }

    @BeforeEach
    void watchTheLog() {
        failures.start();
        watchedLoggers().forEach(l -> l.addAppender(failures));
    }

    @AfterEach
    void stopWatching() {
        watchedLoggers().forEach(l -> l.detachAppender(failures));
    }

    /** The request handler's and the HTTP/2 connection's failure logs (a WARN there is an exception the proxy did not expect). */
    private static List<Logger> watchedLoggers() {
        return List.of((Logger) LoggerFactory.getLogger(ClientRequestInboundHandler.class),
                (Logger) LoggerFactory.getLogger(ClientPipelines.ConnectionErrors.class));
    }

    @FuzzTest
    void http1(byte[] input) {
        EmbeddedChannel ch = proxy.http1();
        try {
            ch.writeInbound(Unpooled.wrappedBuffer(input));
            ch.runPendingTasks();
            ch.close();
            List<Integer> statuses = http1Statuses(outbound(ch));
            assertThat(statuses).allSatisfy(s -> assertThat(s).isBetween(100, 599));
            noFailureLogged();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @FuzzTest
    void http2(byte[] input) throws Exception {
        EmbeddedChannel ch = proxy.http2();
        try {
            byte[] withPreface = startsWith(input, PREFACE) ? input : concat(PREFACE, input);
            ch.writeInbound(Unpooled.wrappedBuffer(withPreface));
            ch.runPendingTasks();
            ch.close();
            ch.runPendingTasks();
            List<Integer> statuses = http2Statuses(outbound(ch));
            assertThat(statuses).allSatisfy(s -> assertThat(s).isBetween(200, 599));
            noFailureLogged();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    private void noFailureLogged() {
        assertThat(failures.list).as("handler failures logged").noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    }

    private static ByteBuf outbound(EmbeddedChannel ch) {
        ByteBuf all = Unpooled.buffer();
        Object o;
        while ((o = ch.readOutbound()) != null) {
            if (o instanceof ByteBuf b) {
                all.writeBytes(b);
            }
            ReferenceCountUtil.release(o);
        }
        return all;
    }

    /**
     * Reads the bytes as HTTP/1.1 responses, each a status line, header fields and a body framed by
     * Content-Length (absent after a HEAD request: then the next response follows the head); returns
     * their statuses, failing on anything else.
     */
    static List<Integer> http1Statuses(ByteBuf bytes) {
        String wire = bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        bytes.release();
        List<Integer> statuses = new ArrayList<>();
        int at = 0;
        while (at < wire.length()) {
            assertThat(wire.startsWith("HTTP/1.1 ", at)).as("a status line at " + at + " of " + wire).isTrue();
            int headEnd = wire.indexOf("\r\n\r\n", at);
            assertThat(headEnd).as("the end of the head").isPositive();
            String head = wire.substring(at, headEnd);
            assertThat(head.charAt(12)).as("status line of " + head).isEqualTo(' ');
            int status = Integer.parseInt(head.substring(9, 12));
            statuses.add(status);
            int body = headEnd + 4;
            Integer length = null;
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                    length = Integer.parseInt(line.substring(colon + 1).trim());
                }
            }
            if (status < 200 || status == 204 || status == 304) {
                at = body;
                continue;
            }
            assertThat(length).as("Content-Length of " + head).isNotNull();
            int next = body + length;
            boolean fits = next == wire.length() || next < wire.length() && wire.startsWith("HTTP/1.1 ", next);
            boolean headOnly = body == wire.length() || wire.startsWith("HTTP/1.1 ", body);
            assertThat(fits || headOnly).as("a body of " + length + " bytes after " + head).isTrue();
            at = fits ? next : body;
        }
        return statuses;
    }

    /** Reads the bytes as HTTP/2 frames from the server: they must parse; returns the :status of each HEADERS. */
    private static List<Integer> http2Statuses(ByteBuf bytes) throws Http2Exception {
        List<Integer> statuses = new ArrayList<>();
        EmbeddedChannel sink = new EmbeddedChannel();
        ChannelHandlerContext ctx = sink.pipeline().firstContext() == null
                ? sink.pipeline().addLast(new ChannelInboundHandlerAdapter()).firstContext()
                : sink.pipeline().firstContext();
        try (DefaultHttp2FrameReader reader = new DefaultHttp2FrameReader(true)) {
            Http2FrameAdapter listener = new Http2FrameAdapter() {
                @Override
                public void onHeadersRead(ChannelHandlerContext c, int streamId, Http2Headers headers, int padding,
                                          boolean endStream) {
                    if (headers.status() != null) {
                        statuses.add(Integer.parseInt(headers.status().toString()));
                    }
                }

                @Override
                public void onHeadersRead(ChannelHandlerContext c, int streamId, Http2Headers headers,
                                          int streamDependency, short weight, boolean exclusive, int padding,
                                          boolean endStream) {
                    onHeadersRead(c, streamId, headers, padding, endStream);
                }
            };
            while (bytes.isReadable()) {
                int before = bytes.readableBytes();
                reader.readFrame(ctx, bytes, listener);
                if (bytes.readableBytes() == before) {
                    break; // an incomplete frame at the end: the connection was closed mid-write
                }
            }
        } finally {
            bytes.release();
            sink.finishAndReleaseAll();
        }
        return statuses;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
