package dev.gatehouse.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each conversion rule: the generated YAML, and the behavioural diff (none where the conversion is exact). */
class ConversionRulesTest {

    static final String TLS_SECRET = MigrationFixture.tlsSecret("shop", "shop-tls", "shop.example.com");

    static final String PLAIN = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web, namespace: shop}
            spec:
              ingressClassName: nginx
              tls: [{hosts: [shop.example.com], secretName: shop-tls}]
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                  - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {name: http}}}}
                  - {path: /exact, pathType: Exact, backend: {service: {name: api, port: {number: 8080}}}}
            """;

    @Test
    void prefixAndExactPathsWithTlsConvertExactly() {
        MigrationResult r = MigrationFixture.migrate(TLS_SECRET + "---\n" + PLAIN);
        r.diff().differences().forEach(d -> System.out.println(d.probe().purpose() + " " + d.probe().request().url()
                + " sni=" + d.probe().request().sni() + ": " + d.summary() + " " + d.explanations()));
        System.out.println(r.yaml());
    }
}
