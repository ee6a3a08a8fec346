package dev.gatehouse.migrate;

import dev.gatehouse.routing.ProbeRequest;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Sends one request of the corpus to a local proxy over a real connection, exactly as written: the request target
 * byte for byte ({@code /./x}, {@code //x} and {@code x/..} are not tidied as URL libraries do), the Host header,
 * and for https the SNI the request names (none when it names none). Every certificate is accepted, because the
 * point is to record which one is served (the SHA-256 of the leaf). One connection per request, closed after it;
 * the TLS session is thrown away so no later handshake resumes it under another SNI. Every step is bounded by the
 * timeout; a failure is an {@link Answer} with a plain message, never an exception.
 */
final class ReplayClient {

    private static final int MAX_RESPONSE = 1 << 20;

    private final Duration timeout;
    private final SSLContext tls;

    ReplayClient(Duration timeout) {
        this.timeout = timeout;
        try {
            this.tls = SSLContext.getInstance("TLS");
            // records, never judges: which certificate is served is compared, not whether it is trusted
            tls.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS client: " + e.getMessage(), e);
        }
    }

    /**
     * What came back.
     *
     * @param status  the HTTP status, or -1 when there was no answer
     * @param error   why there was no answer ("" when there was one)
     * @param headers the response headers, lower-case names, the first value of each
     * @param body    the response body (UTF-8)
     * @param leaf    SHA-256 of the served leaf certificate (colon-separated upper-case hex; "" for plain HTTP or
     *                when the handshake failed)
     */
    record Answer(int status, String error, Map<String, String> headers, String body, String leaf) {

        static Answer failed(String error, String leaf) {
            return new Answer(-1, error, Map.of(), "", leaf);
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        /** A {@code name: value} line of the stand-in backend's body. */
        Optional<String> echoed(String name) {
            for (String line : body.split("\n")) {
                if (line.startsWith(name + ": ")) {
                    return Optional.of(line.substring(name.length() + 2));
                }
            }
            return Optional.empty();
        }
    }

    Answer send(InetSocketAddress address, ProbeRequest request) {
        String where = address.getAddress().getHostAddress() + ":" + address.getPort();
        String leaf = "";
        try (Socket plain = new Socket()) {
            plain.connect(address, (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            Socket socket = plain;
            if (request.https()) {
                SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, address.getAddress()
                        .getHostAddress(), address.getPort(), false);
                SSLParameters p = s.getSSLParameters();
                p.setServerNames(request.sni().<List<SNIServerName>>map(n -> List.of(new SNIHostName(n)))
                        .orElse(List.of()));
                p.setApplicationProtocols(new String[] {"http/1.1"});
                s.setSSLParameters(p);
                try {
                    s.startHandshake();
                } catch (SSLException e) {
                    return Answer.failed("TLS handshake refused by " + where + ": " + e.getMessage(), "");
                }
                Certificate[] chain = s.getSession().getPeerCertificates();
                leaf = chain.length == 0 ? "" : sha256(chain[0]);
                s.getSession().invalidate();
                socket = s;
            }
            write(socket.getOutputStream(), request);
            return read(socket.getInputStream(), leaf);
        } catch (ConnectException e) {
            return Answer.failed("connection refused by " + where + ": nothing listens there", leaf);
        } catch (SocketTimeoutException e) {
            return Answer.failed("no answer from " + where + " within " + timeout.toSeconds() + " s", leaf);
        } catch (IOException | IllegalArgumentException e) {
            return Answer.failed("the exchange with " + where + " failed: " + e.getMessage(), leaf);
        }
    }

    private static void write(OutputStream out, ProbeRequest q) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(q.method()).append(' ').append(q.path()).append(q.query().isEmpty() ? "" : "?" + q.query())
                .append(" HTTP/1.1\r\nHost: ").append(q.host()).append("\r\n");
        q.headers().values().forEach((name, values) -> values.forEach(v -> s.append(name).append(": ").append(v)
                .append("\r\n")));
        s.append("User-Agent: gatehouse-migrate-replay\r\nConnection: close\r\n\r\n");
        out.write(s.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static Answer read(InputStream in, String leaf) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return Answer.failed("the connection closed before a complete response", leaf);
            }
            head.write(b);
            state = b == (state % 2 == 0 ? '\r' : '\n') ? state + 1 : b == '\r' ? 1 : 0;
            if (head.size() > 64 * 1024) {
                return Answer.failed("the response headers exceed 64 KiB", leaf);
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            return Answer.failed("not an HTTP response: \"" + lines[0] + "\"", leaf);
        }
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Math.min(MAX_RESPONSE, Integer.parseInt(headers.get("content-length"))));
        } else {
            body = in.readNBytes(MAX_RESPONSE);
        }
        return new Answer(status, "", headers, new String(body, StandardCharsets.UTF_8), leaf);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < MAX_RESPONSE) {
            String size = line(in);
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                break;
            }
            out.write(in.readNBytes(n));
            line(in);
        }
        return out.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                s.append((char) b);
            }
        }
        return s.toString();
    }

    static String sha256(Certificate c) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
