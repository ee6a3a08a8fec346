package dev.gatehouse.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * Sends one HTTP/1.1 request to a proxy listener the way a client addressing the URL's host would:
 * the SNI of your choice (or none), optionally a client certificate, and reports what came back — the
 * certificate chain presented (accepted whatever it is, to show it), TLS version and cipher, status,
 * headers and the start of the body. Blocking: call it off UI threads.
 */
public final class ProxyProbe {

    /** Most body bytes read; the rest is counted as cut off. */
    public static final int MAX_BODY = 1024 * 1024;
    private static final int PREVIEW = 16 * 1024;

    /**
     * A request.
     *
     * @param method            e.g. GET
     * @param url               the URL as the client addresses it (host becomes Host and default SNI)
     * @param connectTo         the listener to connect to (the proxy's HTTPS or HTTP address)
     * @param sni               the SNI to send for https; empty = none
     * @param headers           extra headers, in order
     * @param clientKey         key of a client certificate to present
     * @param clientChain       its chain (leaf first)
     * @param timeout           connect and read timeout
     */
    public record Request(String method, URI url, InetSocketAddress connectTo, Optional<String> sni,
                          List<Map.Entry<String, String>> headers, Optional<PrivateKey> clientKey,
                          List<X509Certificate> clientChain, Duration timeout) {
        public Request {
            headers = List.copyOf(headers);
            clientChain = List.copyOf(clientChain);
        }
    }

    /**
     * What came back.
     *
     * @param status        status code
     * @param reason        reason phrase
     * @param headers       response headers in order
     * @param body          the start of the body as UTF-8
     * @param bodyBytes     body bytes read (at most {@link #MAX_BODY})
     * @param serverChain   the certificates the server presented (https)
     * @param tlsVersion    negotiated TLS version (https)
     * @param cipher        negotiated cipher suite (https)
     */
    public record Response(int status, String reason, List<Map.Entry<String, String>> headers, String body,
                           long bodyBytes, List<X509Certificate> serverChain, Optional<String> tlsVersion,
                           Optional<String> cipher) {
        public Response {
            headers = List.copyOf(headers);
            serverChain = List.copyOf(serverChain);
        }

        /** The first value of a header (case-insensitive). */
        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
        }
    }

    private ProxyProbe() {
    }

    /**
     * Sends the request and reads the whole response ({@code Connection: close}).
     *
     * @throws IOException with a plain message when connecting, the handshake or reading fails
     */
    public static Response send(Request request) throws IOException {
        boolean https = "https".equalsIgnoreCase(request.url().getScheme());
        int timeout = (int) request.timeout().toMillis();
        Socket plain = new Socket();
        try {
            plain.connect(request.connectTo(), timeout);
            plain.setSoTimeout(timeout);
            Socket socket = plain;
            List<X509Certificate> chain = List.of();
            Optional<String> version = Optional.empty();
            Optional<String> cipher = Optional.empty();
            if (https) {
                SSLSocket tls = handshake(plain, request);
                SSLSession session = tls.getSession();
                chain = x509(session.getPeerCertificates());
                version = Optional.of(session.getProtocol());
                cipher = Optional.of(session.getCipherSuite());
                socket = tls;
            }
            write(socket.getOutputStream(), request);
            return read(socket.getInputStream(), chain, version, cipher, request.method());
        } finally {
            plain.close();
        }
    }

    private static SSLSocket handshake(Socket plain, Request request) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(request), new TrustManager[] {new ShowEverything()}, null);
            String host = request.url().getHost() == null ? "localhost" : request.url().getHost();
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host,
                    request.connectTo().getPort(), false);
            SSLParameters params = tls.getSSLParameters();
            List<SNIServerName> names = new ArrayList<>();
            request.sni().filter(s -> !s.isBlank()).ifPresent(s -> names.add(new SNIHostName(s)));
            params.setServerNames(names);
            params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            params.setApplicationProtocols(new String[] {"http/1.1"});
            tls.setSSLParameters(params);
            tls.startHandshake();
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS cannot be set up: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException("\"" + request.sni().orElse("") + "\" is not a valid SNI name", e);
        }
    }

    private static KeyManager[] keyManagers(Request request) throws GeneralSecurityException, IOException {
        if (request.clientKey().isEmpty() || request.clientChain().isEmpty()) {
            return null;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry("client", request.clientKey().get(), password,
                request.clientChain().toArray(X509Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        X509KeyManager chosen = (X509KeyManager) factory.getKeyManagers()[0];
        return new KeyManager[] {new AlwaysPresent(chosen)};
    }

    private static void write(OutputStream out, Request request) throws IOException {
        URI url = request.url();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        StringBuilder head = new StringBuilder();
        head.append(request.method().toUpperCase(Locale.ROOT)).append(' ').append(path).append(" HTTP/1.1\r\n");
        boolean hasHost = request.headers().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("host"));
        if (!hasHost) {
            head.append("Host: ").append(url.getRawAuthority()).append("\r\n");
        }
        for (Map.Entry<String, String> h : request.headers()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static Response read(InputStream in, List<X509Certificate> chain, Optional<String> version,
                                 Optional<String> cipher, String method) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/")) {
            throw new IOException("The server did not answer with HTTP (got \"" + statusLine + "\")");
        }
        String[] parts = statusLine.split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            throw new IOException("Unreadable status line \"" + statusLine + "\"", e);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String h;
        while ((h = line(in)) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (!"HEAD".equalsIgnoreCase(method) && status >= 200 && status != 204 && status != 304) {
            readBody(in, headers, body);
        }
        byte[] bytes = body.toByteArray();
        String preview = new String(bytes, 0, Math.min(bytes.length, PREVIEW), StandardCharsets.UTF_8);
        return new Response(status, parts.length > 2 ? parts[2] : "", headers, preview, bytes.length, chain, version,
                cipher);
    }

    private static void readBody(InputStream in, List<Map.Entry<String, String>> headers, ByteArrayOutputStream body)
            throws IOException {
        Optional<String> encoding = headers.stream().filter(e -> e.getKey().equalsIgnoreCase("Transfer-Encoding"))
                .map(Map.Entry::getValue).findFirst();
        Optional<String> length = headers.stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Length"))
                .map(Map.Entry::getValue).findFirst();
        if (encoding.map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            String size;
            while ((size = line(in)) != null) {
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    break;
                }
                copy(in, body, n);
                line(in);
            }
        } else if (length.isPresent()) {
            copy(in, body, Long.parseLong(length.get().trim()));
        } else {
            copy(in, body, Long.MAX_VALUE);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, long n) throws IOException {
        byte[] buf = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                return;
            }
            if (out.size() < MAX_BODY) {
                out.write(buf, 0, Math.min(r, MAX_BODY - out.size()));
            }
            left -= r;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = b.length();
                return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
            }
            b.append((char) c);
            if (b.length() > 64 * 1024) {
                throw new IOException("A response line is longer than 64 KiB");
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static List<X509Certificate> x509(Certificate[] certificates) {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certificates) {
            if (c instanceof X509Certificate x) {
                out.add(x);
            }
        }
        return out;
    }

    /**
     * Presents the chosen certificate whatever issuers the server asks for, as {@code curl --cert} does (the
     * JDK's own choice would stay silent when the issuer is not in the server's list).
     */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private final X509KeyManager keys;

        AlwaysPresent(X509KeyManager keys) {
            this.keys = keys;
        }

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, Socket socket) {
            return "client";
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
                                              javax.net.ssl.SSLEngine engine) {
            return "client";
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return new String[] {"client"};
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }

    /** Accepts any server certificate: the probe shows what was presented rather than judging it. */
    private static final class ShowEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // shown to the user, not verified
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
