package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests nginx would refuse or read differently, through a running proxy to a real backend: one Host,
 * the path matched as nginx normalises it while the backend gets the target as sent, and a pipelining
 * burst answered in order (or refused with a status).
 */
@ExtendWith(NettyLeakWatch.class)
class ProxyRequestHygieneTest {

    private static ProxyFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ProxyFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", fixture.httpPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String get(String target, String host) {
        return "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
    }

    /** One request on a new connection; the status and the body. */
    private static Map.Entry<Integer, String> exchange(String request) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            int code = Integer.parseInt(status.substring(9, 12));
            return Map.entry(code, HttpWire.response(prefixed(status, in), code));
        }
    }

    /** The stream again with the status line's first bytes in front (they were read to learn the code). */
    private static InputStream prefixed(String start, InputStream rest) {
        return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(
                start.getBytes(StandardCharsets.US_ASCII)), rest);
    }

    @Test
    void twoHostHeadersGet400AndNeitherReachesABackend() throws Exception {
        var answer = exchange("GET / HTTP/1.1\r\nHost: plain.test\r\nHost: only.test\r\n\r\n");
        assertThat(answer.getKey()).isEqualTo(400);
        assertThat(answer.getValue()).contains("2 Host headers");
        assertThat(fixture.log.next("/").status()).isEqualTo(400);
    }

    @Test
    void theBackendGetsTheTargetAsSentWhileTheNormalisedPathIsMatched() throws Exception {
        var dotted = exchange(get("/x/..//only?q=/../a", "only.test"));
        assertThat(dotted.getKey()).as("matched Exact /only").isEqualTo(200);
        assertThat(dotted.getValue()).contains("path: /x/..//only?q=/../a").contains("x-original-uri: /x/..//only");
        var encoded = exchange(get("/%6Fnly", "only.test"));
        assertThat(encoded.getKey()).isEqualTo(200);
        assertThat(encoded.getValue()).contains("path: /%6Fnly");
        assertThat(exchange(get("/only/.", "only.test")).getKey()).as("/only/ is not Exact /only").isEqualTo(404);
    }

    @Test
    void aPathAboveTheRootGets400AndNoBackendSeesIt() throws Exception {
        var answer = exchange(get("/a/../../etc/passwd", "plain.test"));
        assertThat(answer.getKey()).isEqualTo(400);
        assertThat(answer.getValue()).contains("goes above the root");
    }

    @Test
    void aRewriteSendsTheNormalisedRewrittenPathEscapedAsNginxDoes() throws Exception {
        var answer = exchange(get("/app//a%20b/./c", "rewrite.test"));
        assertThat(answer.getKey()).isEqualTo(200);
        assertThat(answer.getValue()).contains("path: /a%20b/c");
    }

    @Test
    void anAbsoluteTargetRoutesByItsAuthorityAndTheBackendGetsThatHost() throws Exception {
        var answer = exchange("GET http://only.test/only HTTP/1.1\r\nHost: only.test\r\n\r\n");
        assertThat(answer.getKey()).isEqualTo(200);
        assertThat(answer.getValue()).contains("path: /only\n").contains("host: only.test");
        var conflict = exchange("GET http://only.test/only HTTP/1.1\r\nHost: plain.test\r\n\r\n");
        assertThat(conflict.getKey()).isEqualTo(400);
    }

    @Test
    void aHundredPipelinedRequestsInOneWriteAreAllProxiedAndAnsweredInOrder() throws Exception {
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            burst.append(get("/burst/" + i, "plain.test"));
        }
        try (Socket socket = connect()) {
            socket.getOutputStream().write(burst.toString().getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 100; i++) {
                assertThat(HttpWire.response(in, 200)).as("answer " + i).contains("path: /burst/" + i + "\n");
            }
        }
    }

    @Test
    void aBurstBeyondTheBoundIsAnsweredUpToItThenRefusedWith429AndClosed() throws Exception {
        int kept = dev.gatehouse.proxy.server.PipelinedRequestsAccess.maxAnswered();
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < kept + 20; i++) {
            burst.append(get("/burst/" + i, "plain.test"));
        }
        try (Socket socket = connect()) {
            socket.getOutputStream().write(burst.toString().getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            for (int i = 0; i < kept; i++) {
                assertThat(HttpWire.response(in, 200)).as("answer " + i).contains("path: /burst/" + i + "\n");
            }
            Map<String, String> refusal = HttpWire.head(in, 429);
            assertThat(refusal).containsEntry("connection", "close");
            in.readNBytes(Integer.parseInt(refusal.get("content-length")));
            assertThat(in.read()).as("closed after the 429").isEqualTo(-1);
        }
    }
}
