package dev.gatehouse.ui.proxy;

import dev.gatehouse.proxy.LocalProxy;
import dev.gatehouse.proxy.ProxyProbe;
import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.route.RequestHeaders;
import dev.gatehouse.ui.common.FxBackground;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * The request tester: sends one request through the running proxy (method, URL, SNI, headers, an
 * optional client certificate) and shows the certificate chain presented, the engine's route decision
 * and the response. Never touches a Node.
 */
public final class RequestTester {

    private final FxBackground background;
    private final Supplier<Optional<LocalProxy>> proxy;
    private final Supplier<Optional<java.nio.file.Path>> ca;
    private final StringProperty method = new SimpleStringProperty("GET");
    private final StringProperty url = new SimpleStringProperty("https://");
    private final StringProperty sni = new SimpleStringProperty("");
    private final StringProperty headers = new SimpleStringProperty("");
    private final ObjectProperty<ClientCertificateChoice> clientCertificate = new SimpleObjectProperty<>();
    private final BooleanProperty sending = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty responseHeaders = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final StringProperty chain = new SimpleStringProperty("");
    private final StringProperty decision = new SimpleStringProperty("");
    private final StringProperty curl = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    RequestTester(FxBackground background, Supplier<Optional<LocalProxy>> proxy,
                  Supplier<Optional<java.nio.file.Path>> ca) {
        this.background = background;
        this.proxy = proxy;
        this.ca = ca;
    }

    /** Suggests a URL from the rules when none was typed yet. */
    void rulesChanged(RouteTable table) {
        if (url.get() == null || url.get().isBlank() || url.get().equals("https://")) {
            table.hosts().stream().filter(h -> h.tls() && !h.wildcard()).findFirst()
                    .ifPresent(h -> url.set("https://" + h.host() + "/"));
        }
    }

    /** Sends the request through the running proxy. */
    public void send() {
        error.set("");
        Optional<LocalProxy> running = proxy.get();
        if (running.isEmpty()) {
            error.set("Start the proxy first.");
            return;
        }
        ProbeRequest.Parsed parsed = ProbeRequest.parse(method.get(), url.get());
        if (parsed instanceof ProbeRequest.Invalid invalid) {
            error.set(invalid.message() + ".");
            return;
        }
        ProbeRequest probe = ((ProbeRequest.Valid) parsed).request();
        if (probe.https() && sni.get() != null && !sni.get().isBlank()) {
            probe = probe.withSni(Optional.of(sni.get().trim()));
        }
        List<Map.Entry<String, String>> extra = new ArrayList<>();
        for (String line : (headers.get() == null ? "" : headers.get()).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                error.set("\"" + line.trim() + "\" is not a header: write Name: value, one per line.");
                return;
            }
            extra.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        LocalProxy p = running.get();
        ClientCertificateChoice cert = probe.https() ? clientCertificate.get() : null;
        InetSocketAddress address = probe.https() ? p.httpsAddress() : p.httpAddress();
        RequestHeaders sent = RequestHeaders.empty();
        for (Map.Entry<String, String> h : extra) {
            sent = sent.with(h.getKey(), h.getValue());
        }
        ProbeRequest request = probe.withHeaders(sent); // the decision shown is for the request as sent
        URI uri = URI.create(url.get().trim());
        curl.set(probe.https() ? CurlLines.https(probe.host(), probe.pathAndQuery(), address.getPort(), ca.get())
                + (request.sni().isEmpty() ? "   (note: curl sends the host as SNI)" : "")
                : CurlLines.http(probe.host(), probe.pathAndQuery(), address.getPort()));
        sending.set(true);
        Task<String[]> task = new Task<>() {
            @Override
            protected String[] call() throws Exception {
                RouteTable table = p.routes();
                ClientCertificate presented = cert == null ? ClientCertificate.NONE
                        : table.clientCertificate(request.host(), cert.chain());
                Explanation explanation = table.explain(request.withClientCertificate(presented));
                ProxyProbe.Response response = ProxyProbe.send(new ProxyProbe.Request(request.method(), uri, address,
                        request.sni(), extra, Optional.ofNullable(cert).map(ClientCertificateChoice::key),
                        cert == null ? List.of() : cert.chain(), Duration.ofSeconds(30)));
                return new String[] {response.status() + " " + response.reason()
                        + response.tlsVersion().map(v -> "  \u00b7  " + v + " " + response.cipher().orElse("")).orElse(""),
                        headersText(response), response.body() + (response.bodyBytes() > response.body().length()
                        ? "\n… (" + response.bodyBytes() + " bytes)" : ""), chainText(response.serverChain()),
                        DecisionText.of(explanation)};
            }
        };
        task.setOnSucceeded(e -> {
            sending.set(false);
            String[] r = task.getValue();
            status.set(r[0]);
            responseHeaders.set(r[1]);
            body.set(r[2]);
            chain.set(r[3]);
            decision.set(r[4]);
        });
        task.setOnFailed(e -> {
            sending.set(false);
            Throwable t = task.getException();
            status.set("");
            error.set("The request failed: " + (t == null || t.getMessage() == null ? "unknown error" : t.getMessage()));
        });
        background.run(task);
    }

    private static String headersText(ProxyProbe.Response response) {
        StringBuilder b = new StringBuilder();
        response.headers().forEach(h -> b.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        return b.toString();
    }

    static String chainText(List<X509Certificate> certificates) {
        if (certificates.isEmpty()) {
            return "No certificate (plain HTTP).";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < certificates.size(); i++) {
            X509Certificate c = certificates.get(i);
            b.append(i).append("  ").append(c.getSubjectX500Principal().getName()).append('\n')
                    .append("   issued by ").append(c.getIssuerX500Principal().getName()).append('\n')
                    .append("   valid until ").append(c.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate())
                    .append('\n');
        }
        return b.toString();
    }

    public StringProperty methodProperty() { return method; }
    public StringProperty urlProperty() { return url; }
    public StringProperty sniProperty() { return sni; }
    public StringProperty headersProperty() { return headers; }
    public ObjectProperty<ClientCertificateChoice> clientCertificateProperty() { return clientCertificate; }
    public BooleanProperty sendingProperty() { return sending; }
    public StringProperty statusProperty() { return status; }
    public StringProperty responseHeadersProperty() { return responseHeaders; }
    public StringProperty bodyProperty() { return body; }
    public StringProperty chainProperty() { return chain; }
    public StringProperty decisionProperty() { return decision; }
    public StringProperty curlProperty() { return curl; }
    public StringProperty errorProperty() { return error; }
}
