package dev.gatehouse.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.proxy.NettyLeakWatch;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** HTTP/2 requests whose Host disagrees with :authority, or whose path escapes the root, get 400 (RFC 9113). */
@ExtendWith(NettyLeakWatch.class)
class Http2RequestHygieneTest {

    private final List<AccessLogEvent> log = new ArrayList<>();
    private EmbeddedChannel server;
    private Http2Client client;

    @BeforeEach
    void connect() throws Exception {
        server = new EmbeddedProxy(log::add).http2();
        client = new Http2Client(server);
    }

    @AfterEach
    void close() {
        client.close();
        server.finishAndReleaseAll();
    }

    private static Http2Headers get(String authority, String path) {
        Http2Headers h = new DefaultHttp2Headers().method("GET").scheme("https").path(path);
        return authority == null ? h : h.authority(authority);
    }

    /** Headers the client codec sends as they are (no validation): what a hostile client can send. */
    private static Http2Headers raw(String authority, String path) {
        return new DefaultHttp2Headers(false).method("GET").scheme("https").authority(authority).path(path);
    }

    @Test
    void aHostHeaderNamingAnotherHostThanAuthorityGets400() {
        Http2Client.Response r = client.send(get("shop.test", "/exact").add("host", "evil.test"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("the Host header &quot;evil.test&quot; names another host than :authority"
                + " &quot;shop.test&quot; (RFC 9113");
        assertThat(log).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void aHostHeaderEqualToAuthorityAfterNormalisationIsAccepted() {
        Http2Client.Response r = client.send(get("shop.test", "/exact").add("host", "Shop.Test:443"));
        assertThat(r.status()).as("routed (its backend is not reachable here)").isEqualTo(502);
        assertThat(r.body()).contains("Service shop/web port 80");
    }

    @Test
    void twoHostHeadersWithoutAuthorityGet400() {
        Http2Client.Response r = client.send(get(null, "/exact").add("host", "shop.test").add("host", "evil.test"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("2 Host headers");
    }

    @Test
    void theNormalisedPathIsMatchedAndAPathAboveTheRootGets400() {
        assertThat(client.send(get("shop.test", "/x/..//exact")).status()).as("matched as /exact").isEqualTo(502);
        Http2Client.Response up = client.send(get("shop.test", "/x/../../exact"));
        assertThat(up.status()).isEqualTo(400);
        assertThat(up.body()).contains("goes above the root");
    }

    /**
     * ProxyRequestFuzzTest#http2's crash-feee7409…: no :method and a :path with non-ASCII bytes and a space.
     * Netty's conversion to HTTP/1 threw on it and leaked the request buffer (NettyLeakWatch fails on a leak);
     * now each malformed request line is answered 400 naming the problem (an empty :path: the stream is reset
     * with PROTOCOL_ERROR, RFC 9113 §8.1.1), and nothing is logged as a failure.
     */
    @Test
    void aMalformedRequestLineGets400NamingTheProblemAndNothingLeaks() {
        ListAppender<ILoggingEvent> failures = new ListAppender<>();
        failures.start();
        Logger handler = (Logger) LoggerFactory.getLogger(ClientRequestInboundHandler.class);
        handler.addAppender(failures);
        try {
            String nonAscii = "/\u0088\u00d0\u00d1* HTTP/2.0";
            assertThat(client.send(new DefaultHttp2Headers(false).scheme("https").authority("shop.test")
                    .path(new AsciiString(nonAscii.getBytes(StandardCharsets.ISO_8859_1)))))
                    .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                    .satisfies(r -> assertThat(r.body()).contains("no :method pseudo-header"));
            assertThat(client.send(get("shop.test", "/caf\u00e9").path(
                    new AsciiString("/caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)))))
                    .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                    .satisfies(r -> assertThat(r.body()).contains("the :path pseudo-header contains the byte 0xe9 at 4"));
            assertThat(client.send(get("shop.test", "/a b")).body()).contains("contains the byte 0x20 at 2");
            assertThat(client.send(raw("shop.test", "/").method("GE T")))
                    .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                    .satisfies(r -> assertThat(r.body()).contains("the :method pseudo-header &quot;GE\\x20T&quot; is not"));
            assertThat(client.send(new DefaultHttp2Headers(false).method("CONNECT")))
                    .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                    .satisfies(r -> assertThat(r.body()).contains("no :authority pseudo-header"));
            assertThat(client.send(raw("shop.test", ""))).as("Netty's HPACK decoder refuses an empty :path itself")
                    .satisfies(r -> assertThat(r.status()).isZero())
                    .satisfies(r -> assertThat(r.resetCode()).isEqualTo(Http2Error.PROTOCOL_ERROR.code()));
            assertThat(log).hasSize(5).allSatisfy(e -> assertThat(e.status()).isEqualTo(400));
            assertThat(failures.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        } finally {
            handler.detachAppender(failures);
        }
    }
}
