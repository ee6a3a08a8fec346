package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How a backend's response reaches the client, seen on the wire: a streamed response's head goes out
 * before its body exists, chunked bodies and their trailers arrive intact, a HEAD answer has no body,
 * and the keep-alive connection serves the next request afterwards.
 */
@ExtendWith(NettyLeakWatch.class)
class ResponseRelayTest {

    @Test
    void aStreamedResponsesHeadReachesTheClientBeforeItsBodyExists() throws Exception {
        try (ProxyFixture fixture = new ProxyFixture();
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.httpPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(HttpWire.get("plain.test", "/stream"));
            out.flush();
            // the backend holds the body back until the client has the head
            assertThat(HttpWire.head(in, 200)).containsEntry("transfer-encoding", "chunked")
                    .containsEntry("x-backend", "web");
            fixture.web.releaseStreamBody();
            HttpWire.Chunked body = HttpWire.chunked(in);
            assertThat(body.body()).isEqualTo("hello world");
            assertThat(body.trailers()).containsEntry("x-checksum", "42");

            out.write(HttpWire.get("plain.test", "/after"));
            out.flush();
            assertThat(HttpWire.response(in, 200)).contains("path: /after");
        }
    }

    @Test
    void aChunkedResponseThatArrivesWholeKeepsItsBodyAndTrailers() throws Exception {
        try (ProxyFixture fixture = new ProxyFixture();
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.httpPort())) {
            socket.setSoTimeout(10_000);
            fixture.web.releaseStreamBody();
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 3; i++) {
                out.write(HttpWire.get("plain.test", "/stream"));
                out.flush();
                assertThat(HttpWire.head(in, 200)).containsEntry("transfer-encoding", "chunked");
                HttpWire.Chunked body = HttpWire.chunked(in);
                assertThat(body.body()).isEqualTo("hello world");
                assertThat(body.trailers()).containsEntry("x-checksum", "42");
            }
        }
    }

    @Test
    void aHeadRequestGetsTheHeadersWithoutABodyAndTheConnectionStaysUsable() throws Exception {
        try (ProxyFixture fixture = new ProxyFixture();
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.httpPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(HttpWire.request("HEAD", "plain.test", "/page"));
            out.flush();
            var head = HttpWire.head(in, 200);
            assertThat(head).containsEntry("x-backend", "web");
            assertThat(Integer.parseInt(head.get("content-length"))).as("the length of the body a GET would get")
                    .isPositive();

            out.write(HttpWire.get("plain.test", "/next")); // no body bytes may be left in between
            out.flush();
            assertThat(HttpWire.response(in, 200)).startsWith("web\n").contains("path: /next");
        }
    }
}
