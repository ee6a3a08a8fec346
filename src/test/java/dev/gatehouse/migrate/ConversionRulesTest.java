package dev.gatehouse.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each conversion rule: the generated YAML, and the behavioural diff (none where the conversion is exact). */
class ConversionRulesTest {

    static final String TLS_SECRET = MigrationFixture.tlsSecret("shop", "shop-tls", "shop.example.com");

    static String ingress(String name, String annotations, boolean tls, String paths) {
        return "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: " + name + "\n  namespace: shop\n"
                + (annotations.isEmpty() ? "" : "  annotations:\n" + annotations.indent(4))
                + "spec:\n  ingressClassName: nginx\n"
                + (tls ? "  tls: [{hosts: [shop.example.com], secretName: shop-tls}]\n" : "")
                + "  rules:\n  - host: shop.example.com\n    http:\n      paths:\n" + paths.indent(6);
    }

    static final String PATHS = """
            - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
            - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {name: http}}}}
            - {path: /exact, pathType: Exact, backend: {service: {name: api, port: {number: 8080}}}}
            """;

    /** Only the https request without SNI differs (and that is explained). */
    static void onlyNoSniDiffers(MigrationResult r) {
        assertThat(r.diff().differences()).allSatisfy(d -> {
            assertThat(d.probe().purpose()).isEqualTo(Probe.Purpose.NO_SNI);
            assertThat(d.explanations()).anySatisfy(e -> assertThat(e).startsWith("no SNI"));
        });
    }

    @Test
    void prefixExactTlsAndSslRedirectConvertExactly() {
        String input = TLS_SECRET + "---\n" + ingress("web", "", true, PATHS);
        MigrationResult r = MigrationFixture.migrate(input);
        assertThat(r.yaml()).contains("# from Ingress shop/web, host shop.example.com, on listener https-shop-example-com")
                .contains("# rules[1] ← Ingress shop/web rules[0].paths[1] /api (Prefix)")
                .contains("name: \"https-shop-example-com\"").contains("name: \"shop-tls\"")
                .contains("type: \"PathPrefix\"\n        value: \"/api\"").contains("port: 8080")
                .contains("scheme: \"https\"\n        statusCode: 308")
                .contains("name: \"Strict-Transport-Security\"");
        onlyNoSniDiffers(r);
        assertThat(r.diff().compared()).isGreaterThan(30);
        assertThat(MigrationFixture.gatewayErrors(r, input)).isEmpty();
        assertThat(r.yaml()).isEqualTo(MigrationFixture.migrate(input).yaml());
    }

    @Test
    void sslRedirectFalseServesPlainHttpOnTheHttpListener() {
        MigrationResult r = MigrationFixture.migrate(TLS_SECRET + "---\n"
                + ingress("web", "nginx.ingress.kubernetes.io/ssl-redirect: \"false\"", true, PATHS));
        HttpRouteView http = HttpRouteView.of(r, "web-shop-example-com-http");
        assertThat(http.yaml()).contains("backendRefs").doesNotContain("requestRedirect")
                .doesNotContain("Strict-Transport-Security");
        onlyNoSniDiffers(r);
    }

    @Test
    void forceSslRedirectWithoutTlsRedirectsButHasNoHttpsListener() {
        MigrationResult r = MigrationFixture.migrate(ingress("web",
                "nginx.ingress.kubernetes.io/force-ssl-redirect: \"true\"", false, PATHS));
        assertThat(r.yaml()).contains("statusCode: 308").doesNotContain("HTTPS");
        assertThat(r.diff().differences()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.probe().request().https()).isTrue();
            assertThat(d.explained()).isTrue();
        });
        assertThat(r.diff().differences()).anySatisfy(d -> assertThat(d.explanations())
                .anySatisfy(e -> assertThat(e).startsWith("the host has no tls section")));
    }

    @Test
    void canonicalRewriteTargetBecomesReplacePrefixMatchAndTheRegexTrapsShow() {
        MigrationResult r = MigrationFixture.migrate(TLS_SECRET + "---\n" + ingress("web",
                "nginx.ingress.kubernetes.io/rewrite-target: /$2", true,
                "- {path: /api(/|$)(.*), pathType: ImplementationSpecific, backend: {service: {name: api, port: {number: 8080}}}}"));
        assertThat(r.yaml()).contains("type: \"PathPrefix\"\n        value: \"/api\"")
                .contains("replacePrefixMatch: \"/\"").contains("type: \"ReplacePrefixMatch\"");
        assertThat(note(r, "web", "nginx.ingress.kubernetes.io/rewrite-target").status())
                .isEqualTo(ConversionNote.Status.CONVERTED);
        assertThat(r.diff().differences()).noneMatch(d -> d.probe().purpose() == Probe.Purpose.DEEPER);
        Difference upper = r.diff().differences().stream().filter(d -> d.probe().purpose() == Probe.Purpose.UPPER_CASE
                && d.probe().request().https()).findFirst().orElseThrow();
        assertThat(upper.explanations()).anySatisfy(e -> assertThat(e).startsWith("regex paths are case-insensitive"))
                .anySatisfy(e -> assertThat(e).startsWith("rewrite-target implies regex"));
        assertThat(r.diff().unexplained()).isEmpty();
    }

    @Test
    void rewriteWithCaptureGroupsIsReportedNotConverted() {
        MigrationResult r = MigrationFixture.migrate(TLS_SECRET + "---\n" + ingress("web",
                "nginx.ingress.kubernetes.io/rewrite-target: /v2/$1", true,
                "- {path: /old/(.+)/item, pathType: ImplementationSpecific, backend: {service: {name: api, port: {number: 8080}}}}"));
        ConversionNote n = note(r, "web", "nginx.ingress.kubernetes.io/rewrite-target");
        assertThat(n.status()).isEqualTo(ConversionNote.Status.NOT_CONVERTED);
        assertThat(n.why()).contains("capture groups");
        assertThat(r.yaml()).contains("type: \"RegularExpression\"\n        value: \"(?i)/old/(.+)/item.*\"");
        assertThat(r.diff().unexplained()).isEmpty();
    }

    @Test
    void useRegexOnOneIngressMakesEveryPathOfTheHostARegex() {
        MigrationResult r = MigrationFixture.migrate(TLS_SECRET + "---\n"
                + ingress("regex", "nginx.ingress.kubernetes.io/use-regex: \"true\"", true,
                "- {path: '/api/v[0-9]+', pathType: ImplementationSpecific, backend: {service: {name: api, port: {number: 8080}}}}")
                + "---\n" + ingress("shop", "", false,
                "- {path: /cart, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}"));
        assertThat(r.yaml()).contains("value: \"(?i)/api/v[0-9]+.*\"")
                .contains("type: \"PathPrefix\"\n        value: \"/cart\"");
        Difference upper = r.diff().differences().stream().filter(d -> d.probe().request().path().equals("/CART")
                && d.probe().request().https()).findFirst().orElseThrow();
        assertThat(upper.before().status()).isEqualTo(200);
        assertThat(upper.after().status()).isEqualTo(404);
        assertThat(upper.explanations()).anySatisfy(e -> assertThat(e)
                .startsWith("use-regex on one Ingress turns every path of the host into a regex"));
        Difference neighbour = r.diff().differences().stream().filter(d -> d.probe().request().path().equals("/cartx")
                && d.probe().request().https()).findFirst().orElseThrow();
        assertThat(neighbour.explanations()).anySatisfy(e -> assertThat(e).contains("prefix matches of the string"));
        assertThat(r.diff().unexplained()).isEmpty();
    }

    @Test
    void implementationSpecificIsAStringPrefixInIngressNginx() {
        MigrationResult r = MigrationFixture.migrate(ingress("web", "", false,
                "- {path: /docs, pathType: ImplementationSpecific, backend: {service: {name: api, port: {number: 8080}}}}"));
        Difference d = r.diff().differences().stream().filter(x -> x.probe().request().path().equals("/docsx")
                && !x.probe().request().https()).findFirst().orElseThrow();
        assertThat(d.before().status()).isEqualTo(200);
        assertThat(d.after().status()).isEqualTo(404);
        assertThat(d.explanations()).anySatisfy(e -> assertThat(e).startsWith("ImplementationSpecific is a string prefix"));
    }

    @Test
    void everyAnnotationIsAccountedFor() {
        MigrationResult r = MigrationFixture.migrate(TLS_SECRET + "---\n" + ingress("web", """
                nginx.ingress.kubernetes.io/affinity: cookie
                nginx.ingress.kubernetes.io/configuration-snippet: "more_set_headers X: y;"
                nginx.ingress.kubernetes.io/some-future-thing: "1"
                nginx.ingress.kubernetes.io/enable-cors: "true"
                nginx.ingress.kubernetes.io/proxy-read-timeout: "30"
                example.com/owner: team-a
                """, true, PATHS));
        ObjectRef web = ObjectRef.ingress("shop", "web");
        assertThat(r.plan().notesOf(web)).extracting(ConversionNote::annotation).containsExactlyInAnyOrder(
                "example.com/owner", "nginx.ingress.kubernetes.io/affinity",
                "nginx.ingress.kubernetes.io/configuration-snippet", "nginx.ingress.kubernetes.io/enable-cors",
                "nginx.ingress.kubernetes.io/proxy-read-timeout", "nginx.ingress.kubernetes.io/some-future-thing");
        assertThat(note(r, "web", "nginx.ingress.kubernetes.io/affinity").instead()).contains("sessionPersistence");
        assertThat(note(r, "web", "nginx.ingress.kubernetes.io/some-future-thing").status())
                .isEqualTo(ConversionNote.Status.NOT_CONVERTED);
        assertThat(r.yaml()).contains("cors:").contains("allowOrigins:").contains("backendRequest: \"30s\"");
        onlyNoSniDiffers(r);
    }

    @Test
    void aCertificateInAnotherNamespaceGetsAReferenceGrant() {
        String input = TLS_SECRET + "---\n" + ingress("web", "", true, PATHS);
        MigrationResult r = MigrationFixture.migrate(input, new MigrationRequest(Selection.all(),
                new GatewayTarget(Optional.of("infra"), Optional.of("edge"), Optional.empty())),
                ControllerProfile.ingressNginx());
        assertThat(r.plan().referenceGrants()).hasSize(1);
        assertThat(r.yaml()).contains("kind: \"ReferenceGrant\"").contains("namespace: \"infra\"")
                .contains("from: \"All\"");
        onlyNoSniDiffers(r);
        assertThat(MigrationFixture.gatewayErrors(r, input)).isEmpty();
    }

    static ConversionNote note(MigrationResult r, String ingress, String annotation) {
        return r.plan().notesOf(ObjectRef.ingress("shop", ingress)).stream()
                .filter(n -> n.annotation().equals(annotation)).findFirst().orElseThrow();
    }

    /** One generated HTTPRoute as YAML. */
    record HttpRouteView(String yaml) {
        static HttpRouteView of(MigrationResult r, String name) {
            var route = r.plan().httpRoutes().stream().filter(h -> h.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow();
            return new HttpRouteView(MigrationYaml.document(route, List.of()));
        }
    }
}
