package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.proxy.server.Transport;
import io.netty.channel.epoll.Epoll;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The proxy behaves the same on each socket transport: the best one here (io_uring on Linux), epoll
 * (Linux without io_uring) and Java NIO, which macOS and Windows use. Keep-alive clients that send their next request before the previous
 * answer (pipelining) get every answer, in order, from the right backend.
 */
@ExtendWith(NettyLeakWatch.class)
class TransportsTest {

    private static Set<Transport> transports() {
        Set<Transport> transports = EnumSet.of(Transport.best(), Transport.NIO);
        if (Epoll.isAvailable()) {
            transports.add(Transport.EPOLL); // the fallback where containers switch io_uring off
        }
        return transports;
    }

    @Test
    void eachTransportRoutesRedirectsAndAnswersPipelinedRequestsInOrder() throws Exception {
        for (Transport transport : transports()) {
            try (ProxyFixture fixture = new ProxyFixture(ProxyFixture.testConfig(), transport)) {
                var routed = fixture.https("shop.test", "/cart?x=1");
                assertThat(routed.status()).as(transport.display()).isEqualTo(200);
                assertThat(routed.body()).startsWith("web\n").contains("path: /cart?x=1");
                assertThat(fixture.http("shop.test", "/cart").status()).as(transport.display()).isEqualTo(308);

                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.httpPort())) {
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    out.write((get("/one") + get("/two")).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    List<String> bodies = new ArrayList<>();
                    bodies.add(readResponse(in));
                    bodies.add(readResponse(in));
                    out.write(get("/three").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    bodies.add(readResponse(in));
                    assertThat(bodies).as(transport.display()).satisfiesExactly(
                            b -> assertThat(b).contains("path: /one"),
                            b -> assertThat(b).contains("path: /two"),
                            b -> assertThat(b).contains("path: /three"));
                }
            }
        }
    }

    @Test
    void aTooLargeRequestQueuedBehindAnotherGets413AfterIt() throws Exception {
        try (ProxyFixture fixture = new ProxyFixture();
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.httpPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write((get("/first") + "POST /upload HTTP/1.1\r\nHost: plain.test\r\nContent-Length: 5000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in, 200)).contains("path: /first");
            assertThat(readResponse(in, 413)).contains("larger than");
        }
    }

    @Test
    void noContinueIsSentInsideTheResponseToAnEarlierRequest() throws Exception {
        try (ProxyFixture fixture = new ProxyFixture();
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.httpPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write((get("/first") + "POST /form HTTP/1.1\r\nHost: plain.test\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 5\r\n\r\nhello").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in, 200)).contains("path: /first");
            assertThat(readResponse(in, 200)).contains("path: /form");
        }
    }

    @Test
    void aBackendsInterimResponseIsNotTakenForItsAnswer() throws Exception {
        try (ProxyFixture fixture = new ProxyFixture()) {
            var answer = fixture.http("plain.test", "/hints");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("path: /hints");
            assertThat(fixture.http("plain.test", "/after").body()).as("the connection pool is still sound")
                    .contains("path: /after");
        }
    }

    private static String get(String path) {
        return new String(HttpWire.get("plain.test", path), StandardCharsets.US_ASCII);
    }

    private static String readResponse(InputStream in) throws IOException {
        return HttpWire.response(in, 200);
    }

    private static String readResponse(InputStream in, int expectedStatus) throws IOException {
        return HttpWire.response(in, expectedStatus);
    }
}
