package dev.gatehouse.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.proxy.route.TlsProvider;
import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.proxy.route.ServerTlsContexts;
import dev.gatehouse.proxy.route.UpstreamTlsContexts;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.InMemoryClusterView;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.build.CertificateBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When a transport passes its probe but cannot be set up for the proxy (io_uring under a locked-memory
 * limit: Netty reports "failed to create a child event loop" around the kernel's error), the proxy starts
 * on the next transport and serves; when nothing can be set up, the start fails with every reason kept.
 */
class TransportFallbackTest {

    private static RouteTable empty;
    private final List<AccessLogEvent> log = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void rules() throws Exception {
        RoutingEngine engine = new RoutingEngine(InMemoryClusterView.empty(), ControllerProfile.ingressNginx(),
                TestCerts.CLOCK, TrustAnchors.none());
        var fake = CertificateBuilder.create(TestCerts.CLOCK).subject("CN=fake").selfSigned().build();
        empty = RouteTable.build(engine.snapshot(), new ServerTlsContexts(TlsProvider.detect(), fake), "no rules",
                TestCerts.CLOCK);
    }

    private ProxyServer server(Transport start, BiFunction<ProxyConfig, Transport, ProxyServer.Loops> loops) {
        ProxyConfig config = ProxyConfig.defaults().withPorts(0, 0).withTimeouts(Duration.ofSeconds(2),
                Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(2));
        return new ProxyServer(config, start, () -> empty, new BackendDirectory(List.of()),
                new UpstreamTlsContexts(TlsProvider.detect()), log::add, loops);
    }

    private static IllegalStateException refused(Transport transport) {
        return new IllegalStateException("failed to create a child event loop",
                new IOException(transport.display() + " setup: Cannot allocate memory"));
    }

    @Test
    void aProxyWhoseIoUringCannotBeSetUpListensAndServesOnTheFallback() throws Exception {
        List<Transport> tried = new ArrayList<>();
        ProxyServer server = server(Transport.IO_URING, (config, transport) -> {
            tried.add(transport);
            if (transport == Transport.IO_URING) {
                throw refused(transport);
            }
            return ProxyServer.eventLoops(config, transport);
        });
        try {
            server.bind();
            Transport fallback = Transport.IO_URING.fallback();
            assertThat(server.transport()).isEqualTo(fallback);
            assertThat(tried).containsExactly(Transport.IO_URING, fallback);
            assertThat(statusLine(server.httpAddress().getPort())).isEqualTo("HTTP/1.1 404 Not Found");
        } finally {
            server.close();
        }
    }

    @Test
    void whenNoTransportCanBeSetUpTheStartFailsWithEveryReason() {
        assertThatThrownBy(() -> server(Transport.IO_URING, (config, transport) -> {
            throw refused(transport);
        }))
                .hasMessage("failed to create a child event loop")
                .satisfies(e -> assertThat(Transport.reason(e)).isEqualTo("NIO setup: Cannot allocate memory"))
                .satisfies(e -> assertThat(e.getSuppressed()).isNotEmpty());
    }

    @Test
    void theSelfCheckNamesATransportThatReallyWorksHere() {
        assertThat(Transport.best().verified()).isEqualTo(Transport.best());
        assertThat(Transport.NIO.verified()).isEqualTo(Transport.NIO);
    }

    private static String statusLine(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: nothing.test\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }
}
