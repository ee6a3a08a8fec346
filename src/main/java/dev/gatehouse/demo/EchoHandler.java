package dev.gatehouse.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers every request with {@code 200 text/plain}: the Service name on the first line, then
 * what the backend saw, one {@code name: value} per line (namespace, port, method, path, Host,
 * the X-Forwarded-* / X-Real-IP / X-Request-ID / ssl-client-* headers a proxy adds, and the TLS
 * protocol for HTTPS backends). Request bodies are read and discarded.
 */
final class EchoHandler implements HttpHandler {

    private static final List<String> ECHOED_PREFIXES = List.of("x-forwarded-", "x-real-ip", "x-request-id",
            "x-original-", "ssl-client-", "forwarded");

    private final String namespace;
    private final String service;
    private final int servicePort;

    EchoHandler(String namespace, String service, int servicePort) {
        this.namespace = namespace;
        this.service = service;
        this.servicePort = servicePort;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
            byte[] response = describe(exchange).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("X-Demo-Service", namespace + "/" + service);
            boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            exchange.sendResponseHeaders(200, head ? -1 : response.length);
            if (!head) {
                exchange.getResponseBody().write(response);
            }
        }
    }

    private String describe(HttpExchange exchange) {
        StringBuilder text = new StringBuilder();
        text.append(service).append('\n');
        line(text, "namespace", namespace);
        line(text, "service-port", String.valueOf(servicePort));
        line(text, "method", exchange.getRequestMethod());
        line(text, "path", exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        line(text, "host", exchange.getRequestHeaders().getFirst("Host"));
        Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(exchange.getRequestHeaders());
        sorted.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (ECHOED_PREFIXES.stream().anyMatch(lower::startsWith)) {
                values.forEach(value -> line(text, lower, value));
            }
        });
        if (exchange instanceof HttpsExchange https) {
            line(text, "tls", https.getSSLSession().getProtocol());
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(name).append(": ").append(value == null ? "" : value.replace('\n', ' ')).append('\n');
    }
}
