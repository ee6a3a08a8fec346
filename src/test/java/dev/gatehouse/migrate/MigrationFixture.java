package dev.gatehouse.migrate;

import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.Severity;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import java.util.List;

/** Small manifests → a migration, and the generated YAML read back through the project's own loader. */
final class MigrationFixture {

    static final String SERVICES = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              ports: [{name: http, port: 80}, {name: https, port: 443}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: shop}
            spec:
              ports: [{name: http, port: 8080}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: canary, namespace: shop}
            spec:
              ports: [{name: http, port: 80}]
            """;

    private MigrationFixture() {
    }

    /** A kubernetes.io/tls Secret with a leaf for the hosts (valid around TestCerts.NOW) and its chain. */
    static String tlsSecret(String namespace, String name, String... hosts) {
        var chain = dev.gatehouse.tls.TestCerts.chain(hosts);
        var b64 = java.util.Base64.getEncoder();
        String crt = b64.encodeToString(dev.gatehouse.tls.TestCerts.pem(chain.get(0).cert(), chain.get(1).cert())
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String key = b64.encodeToString(dev.gatehouse.tls.TestCerts.pem(chain.get(0).keys().getPrivate())
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return "apiVersion: v1\nkind: Secret\nmetadata: {name: " + name + ", namespace: " + namespace + "}\n"
                + "type: kubernetes.io/tls\ndata: {tls.crt: " + crt + ", tls.key: " + key + "}\n";
    }

    static ClusterView view(String yaml) {
        LoadResult r = new YamlClusterLoader().parse(yaml, "test.yaml");
        if (r instanceof LoadResult.Loaded loaded) {
            return loaded.view();
        }
        throw new AssertionError("test YAML does not load: " + r);
    }

    static MigrationResult migrate(String ingresses) {
        return migrate(ingresses, MigrationRequest.everything(), ControllerProfile.ingressNginx());
    }

    static MigrationResult migrate(String ingresses, MigrationRequest request, ControllerProfile profile) {
        try {
            return new Migrator(profile, TestCerts.CLOCK, TrustAnchors.jdkDefaults())
                    .migrate(view(SERVICES + "---\n" + ingresses), request);
        } catch (NginxProvider.NothingToConvert e) {
            throw new AssertionError(e.getMessage());
        }
    }

    /** The generated YAML loaded back (with the input's Services and Secrets) and linted: its GH7xx errors. */
    static List<Diagnostic> gatewayErrors(MigrationResult result, String input) {
        String className = result.plan().gatewayClass();
        String yaml = SERVICES + "---\n" + withoutIngresses(input) + "---\napiVersion: gateway.networking.k8s.io/v1\n"
                + "kind: GatewayClass\nmetadata: {name: " + className + "}\nspec: {controllerName: example.net/gw}\n"
                + result.yaml();
        ClusterView view = view(yaml);
        return new RoutingEngine(view, ControllerProfile.ingressNginx(), TestCerts.CLOCK, TrustAnchors.jdkDefaults())
                .diagnose().diagnostics().stream().filter(d -> d.code().name().startsWith("GH7"))
                .filter(d -> d.severity() == Severity.ERROR).toList();
    }

    private static String withoutIngresses(String input) {
        StringBuilder out = new StringBuilder();
        for (String doc : input.split("(?m)^---\\s*$")) {
            if (!doc.contains("kind: Ingress") && !doc.isBlank()) {
                out.append(doc.strip()).append("\n---\n");
            }
        }
        return out.toString();
    }
}
