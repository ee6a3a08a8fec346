package dev.gatehouse.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.proxy.NettyLeakWatch;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
}
