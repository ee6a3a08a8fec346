package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.proxy.server.AccessLogEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad and hostile clients get the right status codes, and the proxy keeps serving everyone else. */
@ExtendWith(NettyLeakWatch.class)
class ProxyAbuseTest {

    private static ProxyFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        // Generous backend timeout: 2,000 requests at once under paranoid leak detection take a while.
        fixture = new ProxyFixture(ProxyFixture.testConfig().withTimeouts(Duration.ofSeconds(2),
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @AfterEach
    void stillServing() throws Exception {
        assertThat(fixture.http("plain.test", "/alive").status()).isEqualTo(200);
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", fixture.httpPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends raw bytes and reads until the proxy closes (or the status line and headers, for keep-alive). */
    private static String exchange(byte[] request) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request);
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        try {
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // the proxy may reset after answering a request it refused to read
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aMalformedRequestLineGets400() throws Exception {
        assertThat(exchange("GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII))).startsWith("HTTP/1.1 400");
        assertThat(exchange("GET / HTTP/9.9\r\nHost: plain.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .startsWith("HTTP/1.1 505");
        assertThat(exchange("GET / HTTP/1.1\r\nHost: plain.test\r\nBad Header\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII))).startsWith("HTTP/1.1 400");
        assertThat(exchange("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .as("no Host").startsWith("HTTP/1.1 400").contains("must have a Host header");
    }

    @Test
    void headersOf64KibGet431AndAHugeUriGets414() throws Exception {
        String big = "GET / HTTP/1.1\r\nHost: plain.test\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n";
        assertThat(exchange(big.getBytes(StandardCharsets.US_ASCII))).startsWith("HTTP/1.1 431");
        String longUri = "GET /" + "u".repeat(10_000) + " HTTP/1.1\r\nHost: plain.test\r\n\r\n";
        assertThat(exchange(longUri.getBytes(StandardCharsets.US_ASCII))).startsWith("HTTP/1.1 414");
    }

    @Test
    void aBodyOverTheLimitGets413() throws Exception {
        String head = "POST /upload HTTP/1.1\r\nHost: plain.test\r\nContent-Length: " + (2 * 1024 * 1024) + "\r\n\r\n";
        try (Socket socket = connect()) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            assertThat(readAll(socket.getInputStream())).startsWith("HTTP/1.1 413");
        }
        AccessLogEvent event = fixture.log.next("/upload");
        assertThat(event.status()).isEqualTo(413);
    }

    @Test
    void aSlowlorisClientGets408AndIsDisconnected() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /slowloris HTTP/1.1\r\nHost: plain.test\r\nX-a: 1\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            String answer = readAll(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the 408").isLessThan(8_000);
        }
    }

    @Test
    void twoThousandConcurrentConnectionsAreAllAnswered() throws Exception {
        int count = 2000;
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(connect());
            }
            byte[] request = "GET /many HTTP/1.1\r\nHost: plain.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            for (Socket s : sockets) {
                s.getOutputStream().write(request);
            }
            int ok = 0;
            for (Socket s : sockets) {
                byte[] status = s.getInputStream().readNBytes(12);
                if (new String(status, StandardCharsets.US_ASCII).equals("HTTP/1.1 200")) {
                    ok++;
                }
            }
            assertThat(ok).isEqualTo(count);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void connectionsBeyondTheCapAreClosedAndServiceResumes() throws Exception {
        try (ProxyFixture capped = new ProxyFixture(ProxyFixture.testConfig().withMaxConnections(50))) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 60; i++) {
                    Socket s = new Socket("127.0.0.1", capped.httpPort());
                    s.setSoTimeout(5000);
                    sockets.add(s);
                }
                byte[] request = "GET /cap HTTP/1.1\r\nHost: plain.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                int ok = 0;
                int refused = 0;
                for (Socket s : sockets) {
                    try {
                        s.getOutputStream().write(request);
                        byte[] status = s.getInputStream().readNBytes(12);
                        if (new String(status, StandardCharsets.US_ASCII).equals("HTTP/1.1 200")) {
                            ok++;
                        } else {
                            refused++;
                        }
                    } catch (SocketTimeoutException e) {
                        throw e;
                    } catch (IOException closed) {
                        refused++;
                    }
                }
                assertThat(ok).isEqualTo(50);
                assertThat(refused).isEqualTo(10);
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
            // Service resumes once the server has seen the capped connections close (that is asynchronous).
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            int status = 0;
            while (status != 200 && System.nanoTime() < deadline) {
                try {
                    status = capped.http("plain.test", "/after-cap").status();
                } catch (IOException stillAtTheCap) {
                    status = 0;
                }
            }
            assertThat(status).isEqualTo(200);
        }
    }
}
