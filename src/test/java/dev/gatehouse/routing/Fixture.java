package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.InMemoryClusterView;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a cluster for routing tests from YAML snippets plus generated certificates. Certificates are
 * issued by a per-fixture root (trusted) through an intermediate; "now" is {@link TestCerts#NOW}.
 */
final class Fixture {

    static final Clock CLOCK = Clock.fixed(TestCerts.NOW, ZoneOffset.UTC);
    /** Building the YAML mapper is the slow part; one loader serves all fixtures (it holds no state). */
    private static final YamlClusterLoader LOADER = new YamlClusterLoader();

    private final List<HasMetadata> objects = new ArrayList<>();
    private final TestCerts.Issued root = TestCerts.cert("Fixture Root CA").ca().issue();
    private final TestCerts.Issued intermediate = TestCerts.cert("Fixture Intermediate CA").ca().issuedBy(root).issue();
    private ControllerProfile profile = ControllerProfile.ingressNginx();
    private ClusterView.Scope scope = ClusterView.Scope.COMPLETE;

    /** Adds the objects of a YAML text (multi-document). */
    Fixture yaml(String yaml) {
        LoadResult result = LOADER.parse(yaml, "fixture.yaml");
        assertThat(result).as("fixture YAML").isInstanceOf(LoadResult.Loaded.class);
        objects.addAll(((LoadResult.Loaded) result).objects());
        return this;
    }

    /** A Service with one port (named "http" unless a name is given) and {@code ready} ready endpoints. */
    Fixture service(String namespace, String name, int port, int ready) {
        return service(namespace, name, port, "http", ready, 0);
    }

    Fixture service(String namespace, String name, int port, String portName, int ready, int notReady) {
        StringBuilder endpoints = new StringBuilder();
        for (int i = 0; i < ready + notReady; i++) {
            endpoints.append("- addresses: [\"10.0.0.").append(i + 1).append("\"]\n  conditions:\n    ready: ")
                    .append(i < ready).append('\n');
        }
        return yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s, namespace: %2$s}
                spec:
                  ports:
                  - {name: %4$s, port: %3$d, targetPort: 8080}
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: %1$s-abc
                  namespace: %2$s
                  labels: {kubernetes.io/service-name: %1$s}
                addressType: IPv4
                ports: [{name: %4$s, port: 8080}]
                %5$s
                """.formatted(name, namespace, port, portName,
                endpoints.length() == 0 ? "endpoints: []" : "endpoints:\n" + endpoints));
    }

    /** A kubernetes.io/tls Secret with leaf (for the DNS names) + intermediate and the matching key. */
    Fixture tlsSecret(String namespace, String name, String... dnsNames) {
        TestCerts.Issued leaf = leaf(dnsNames);
        return secret(namespace, name, "kubernetes.io/tls",
                Map.of("tls.crt", TestCerts.pem(leaf.cert(), intermediate.cert()), "tls.key", TestCerts.pem(leaf.key())));
    }

    TestCerts.Issued leaf(String... dnsNames) {
        return TestCerts.cert(dnsNames[0]).dns(dnsNames).issuedBy(intermediate).issue();
    }

    TestCerts.Issued intermediate() {
        return intermediate;
    }

    /** A Secret with the given string values (stored base64 in data). */
    Fixture secret(String namespace, String name, String type, Map<String, String> values) {
        Map<String, String> data = new LinkedHashMap<>();
        values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        Secret secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withType(type).withData(data).build();
        objects.add(secret);
        return this;
    }

    /** A CA Secret (ca.crt only) holding the fixture root, optionally with a client cert and key. */
    Fixture caSecret(String namespace, String name, boolean withClientCertificate) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ca.crt", TestCerts.pem(root.cert()));
        if (withClientCertificate) {
            TestCerts.Issued client = TestCerts.cert("gatehouse-client").issuedBy(intermediate).clientAuthOnly().issue();
            values.put("tls.crt", TestCerts.pem(client.cert(), intermediate.cert()));
            values.put("tls.key", TestCerts.pem(client.key()));
        }
        return secret(namespace, name, "Opaque", values);
    }

    Fixture profile(ControllerProfile profile) {
        this.profile = profile;
        return this;
    }

    Fixture scope(ClusterView.Scope scope) {
        this.scope = scope;
        return this;
    }

    ClusterView view() {
        return InMemoryClusterView.of(objects, scope);
    }

    RoutingEngine engine() {
        return new RoutingEngine(view(), profile, CLOCK, TrustAnchors.of(root.cert()));
    }

    Explanation explain(String url) {
        return engine().explain(request(url));
    }

    Explanation explain(String url, Optional<String> sni) {
        return engine().explain(request(url).withSni(sni));
    }

    DiagnosticReport lint() {
        return engine().diagnose();
    }

    static ProbeRequest request(String url) {
        ProbeRequest.Parsed parsed = ProbeRequest.parse("GET", url);
        assertThat(parsed).isInstanceOf(ProbeRequest.Valid.class);
        return ((ProbeRequest.Valid) parsed).request();
    }

    /** An Ingress (class nginx) with one host and paths given as "path:type:service:port" items. */
    static String ingress(String namespace, String name, String host, String... paths) {
        StringBuilder p = new StringBuilder();
        for (String spec : paths) {
            String[] parts = spec.split(":");
            p.append("          - path: ").append(parts[0]).append('\n')
                    .append("            pathType: ").append(parts[1]).append('\n')
                    .append("            backend: {service: {name: ").append(parts[2]).append(", port: {number: ")
                    .append(parts[3]).append("}}}\n");
        }
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: %s, namespace: %s}
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: "%s"
                    http:
                      paths:
                %s""".formatted(name, namespace, host, p);
    }
}
