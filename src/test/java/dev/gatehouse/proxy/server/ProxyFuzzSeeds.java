package dev.gatehouse.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the HTTP/2 seeds of {@link ProxyRequestFuzzTest} (what a client codec sends for a few
 * requests, preface included). Run once when the seeds should change:
 * {@code java -cp target/test-classes:target/classes:$(deps) dev.gatehouse.proxy.server.ProxyFuzzSeeds DIR}.
 */
public final class ProxyFuzzSeeds {

    private ProxyFuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0]
                : "src/test/resources/dev/gatehouse/proxy/server/ProxyRequestFuzzTestInputs/http2");
        Files.createDirectories(dir);
        Map<String, Http2Headers> seeds = new LinkedHashMap<>();
        seeds.put("get", get("shop.test", "/exact"));
        seeds.put("host-conflict", get("shop.test", "/exact").add("host", "evil.test"));
        seeds.put("host-same", get("shop.test", "/exact").add("host", "Shop.Test:443"));
        seeds.put("two-hosts", new DefaultHttp2Headers(false).method("GET").scheme("https").path("/")
                .add("host", "a.test").add("host", "b.test"));
        seeds.put("above-root", get("shop.test", "/a/../../x"));
        seeds.put("dot-segments", get("shop.test", "/x/..//%65xact?q=1"));
        seeds.put("no-authority", new DefaultHttp2Headers(false).method("GET").scheme("https").path("/exact"));
        seeds.put("smuggling-value", get("shop.test", "/").add("x-a", "a\r\nX-Injected: 1"));
        for (Map.Entry<String, Http2Headers> seed : seeds.entrySet()) {
            try (Http2Client client = new Http2Client(new EmbeddedChannel())) {
                ByteBuf bytes = client.bytesOf(seed.getValue());
                Files.write(dir.resolve(seed.getKey()), ByteBufUtil.getBytes(bytes));
                bytes.release();
            }
        }
    }

    private static Http2Headers get(String authority, String path) {
        return new DefaultHttp2Headers(false).method("GET").scheme("https").authority(authority).path(path);
    }
}
