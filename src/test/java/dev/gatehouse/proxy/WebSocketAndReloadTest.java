package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.proxy.server.AccessLogEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.security.KeyStore;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** WebSocket upgrades pass through; reloads change the rules without dropping open connections; ALPN offers h2. */
@ExtendWith(NettyLeakWatch.class)
class WebSocketAndReloadTest {

    private static ProxyFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ProxyFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aWebSocketUpgradeIsPassedThroughOnPlainHttp() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", fixture.httpPort())) {
            socket.setSoTimeout(5000);
            assertEcho(socket, "plain.test");
        }
        AccessLogEvent event = fixture.log.next("/ws");
        assertThat(event.status()).isEqualTo(101);
    }

    @Test
    void aWebSocketUpgradeIsPassedThroughOverTls() throws Exception {
        try (SSLSocket socket = tls("shop.test")) {
            assertEcho(socket, "shop.test");
        }
    }

    @Test
    void alpnOffersHttp2ThenHttp11() throws Exception {
        try (SSLSocket socket = tls("shop.test", "h2", "http/1.1")) {
            assertThat(socket.getApplicationProtocol()).isEqualTo("h2");
        }
        try (SSLSocket socket = tls("shop.test", "http/1.1")) {
            assertThat(socket.getApplicationProtocol()).isEqualTo("http/1.1");
        }
    }

    @Test
    void reloadingKeepsAnOpenConnectionAndAppliesTheNewRulesToItsNextRequest() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", fixture.httpPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(get("plain.test", "/before"));
            assertThat(response(in)).contains("200 OK").contains("\r\n\r\nweb\n");
            String changed = fixture.yaml().replace(ProxyFixture.path("/", "web", 80)
                    .replace("path: /", "path: /"), ProxyFixture.path("/", "api", 8080));
            fixture.mappings.put("shop/api:8080", fixture.api.url());
            fixture.replaceRules(changed);
            out.write(get("plain.test", "/after"));
            assertThat(response(in)).as("same connection, new rules").contains("200 OK").contains("\r\n\r\napi\n");
        } finally {
            fixture.replaceRules(fixture.yaml());
        }
    }

    private static byte[] get(String host, String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads one response with a Content-Length body. */
    private static String response(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed");
            }
            head.write(c);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = Integer.parseInt(text.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void assertEcho(Socket socket, String host) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(in.read());
        }
        assertThat(head.toString(StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 101")
                .containsIgnoringCase("upgrade: websocket").contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        for (String message : List.of("hello", "again")) {
            byte[] payload = message.getBytes(StandardCharsets.UTF_8);
            byte[] mask = {1, 2, 3, 4};
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x81);
            frame.write(0x80 | payload.length);
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            out.write(frame.toByteArray());
            assertThat(in.read()).isEqualTo(0x81);
            int length = in.read();
            assertThat(new String(in.readNBytes(length), StandardCharsets.UTF_8)).isEqualTo("echo: " + message);
        }
    }

    private static SSLSocket tls(String sni, String... alpn) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", fixture.pki.root.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", fixture.httpsPort());
        socket.setSoTimeout(5000);
        SSLParameters params = socket.getSSLParameters();
        params.setServerNames(List.of(new SNIHostName(sni)));
        if (alpn.length > 0) {
            params.setApplicationProtocols(alpn);
        }
        socket.setSSLParameters(params);
        socket.startHandshake();
        return socket;
    }
}
