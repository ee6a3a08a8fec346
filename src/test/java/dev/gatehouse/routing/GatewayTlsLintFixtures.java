package dev.gatehouse.routing;

import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.tls.TestCerts;
import java.util.Map;

/**
 * GH720–GH726: the smallest Gateways whose {@code spec.tls} (frontend client-certificate validation, backend client
 * certificate) raises each code (see {@link LintFixtures}).
 */
final class GatewayTlsLintFixtures {

    private static final String CLASS = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: eg}
            spec: {controllerName: example.com/gateway}
            ---
            """;

    private GatewayTlsLintFixtures() {
    }

    /** Gateway a/gw with one HTTPS listener (Secret a/shop-tls, which exists) and the given {@code spec.tls}. */
    static Fixture gateway(String tls, String more) {
        return new Fixture().yaml(CLASS + """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: a}
                spec:
                  gatewayClassName: eg
                  listeners:
                  - {name: https, port: 443, protocol: HTTPS, hostname: shop.example.com,
                     tls: {certificateRefs: [{name: shop-tls}]}}
                  tls:
                %s
                """.formatted(tls.indent(4)) + (more.isEmpty() ? "" : "---\n" + more))
                .tlsSecret("a", "shop-tls", "shop.example.com");
    }

    /** {@code frontend.default.validation} with one CA reference and a mode. */
    static String frontend(String caRef, String mode) {
        return "frontend:\n  default:\n    validation:\n      caCertificateRefs: [" + caRef + "]\n"
                + (mode.isEmpty() ? "" : "      mode: " + mode + "\n");
    }

    /** A ConfigMap holding the fixture's intermediate CA under ca.crt. */
    static String caConfigMap(Fixture f, String namespace, String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + ", namespace: " + namespace + "}\n"
                + "data:\n  ca.crt: |\n    " + TestCerts.pem(f.intermediate().cert()).replace("\n", "\n    ") + "\n";
    }

    static void addTo(Map<DiagnosticCode, LintFixtures.Scenario> map) {
        map.put(DiagnosticCode.GH720, () -> gateway(frontend("{kind: ConfigMap, name: client-ca}", ""), ""));
        map.put(DiagnosticCode.GH721, () -> {
            Fixture f = gateway(frontend("{kind: ConfigMap, name: client-ca, namespace: pki}", ""), "");
            return f.yaml(caConfigMap(f, "pki", "client-ca"));
        });
        map.put(DiagnosticCode.GH722, () -> {
            Fixture f = gateway(frontend("{kind: ConfigMap, name: client-ca}", "AllowInsecureFallback"), "");
            return f.yaml(caConfigMap(f, "a", "client-ca"));
        });
        map.put(DiagnosticCode.GH723, () -> gateway("backend: {clientCertificateRef: {name: gw-client}}", ""));
        map.put(DiagnosticCode.GH724, () -> gateway("backend: {clientCertificateRef: {name: gw-client, namespace: pki}}",
                "").tlsSecret("pki", "gw-client", "gateway.example.com"));
        map.put(DiagnosticCode.GH725, () -> {
            Fixture f = gateway("backend: {clientCertificateRef: {name: gw-client}}", "");
            TestCerts.Issued one = f.leaf("gateway.example.com");
            TestCerts.Issued two = f.leaf("gateway.example.com");
            return f.secret("a", "gw-client", "kubernetes.io/tls", Map.of("tls.crt",
                    TestCerts.pem(one.cert(), f.intermediate().cert()), "tls.key", TestCerts.pem(two.key())));
        });
        map.put(DiagnosticCode.GH726, () -> {
            Fixture f = gateway("backend: {clientCertificateRef: {name: gw-client}}", "");
            TestCerts.Issued leaf = TestCerts.cert("gateway-client").daysLeft(-5).clientAuthOnly()
                    .issuedBy(f.intermediate()).issue();
            return f.secret("a", "gw-client", "kubernetes.io/tls", Map.of("tls.crt",
                    TestCerts.pem(leaf.cert(), f.intermediate().cert()), "tls.key", TestCerts.pem(leaf.key())));
        });
    }
}
