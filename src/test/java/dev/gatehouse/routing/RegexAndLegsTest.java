package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegexAndLegsTest {

    private static String annotated(String name, String host, String annotations, String path, String type,
                                    String service) {
        return """
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: %s
                  namespace: shop
                  annotations: {%s}
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: %s
                    http:
                      paths:
                      - path: %s
                        pathType: %s
                        backend: {service: {name: %s, port: {number: 443}}}
                """.formatted(name, annotations, host, path, type, service);
    }

    @Test
    void useRegexMatchesRegularExpressions() {
        Fixture f = new Fixture().yaml(annotated("api", "shop.example.com",
                        "nginx.ingress.kubernetes.io/use-regex: \"true\"", "/api/v[0-9]+/orders", "ImplementationSpecific",
                        "orders"))
                .service("shop", "orders", 443, 1);

        assertThat(f.explain("http://shop.example.com/api/v2/orders/17").decision().outcome())
                .isEqualTo(Outcome.ROUTED);
        assertThat(f.explain("http://shop.example.com/api/vX/orders").decision().outcome())
                .isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void rewriteTargetRewritesWithCaptureGroups() {
        Fixture f = new Fixture().yaml(annotated("api", "shop.example.com",
                        "nginx.ingress.kubernetes.io/rewrite-target: /$2", "/something(/|$)(.*)", "ImplementationSpecific",
                        "app"))
                .service("shop", "app", 443, 1);

        Explanation e = f.explain("http://shop.example.com/something/new?x=1");

        assertThat(e.decision().upstreamPath()).contains("/new?x=1");
        assertThat(e.decision().summary()).isEqualTo("Routed to Service shop/app port 443 as /new?x=1");
        assertThat(e.route()).get().extracting(RouteMatch::regex).isEqualTo(true);
    }

    @Test
    void regexOnOneIngressMakesThePathsOfTheWholeHostRegexesCaseInsensitive() {
        Fixture f = new Fixture()
                .yaml(annotated("api", "shop.example.com", "nginx.ingress.kubernetes.io/use-regex: \"true\"",
                        "/api/.*", "ImplementationSpecific", "api"))
                .yaml(annotated("web", "shop.example.com", "", "/Docs", "Exact", "docs"))
                .service("shop", "api", 443, 1).service("shop", "docs", 443, 1);

        Explanation e = f.explain("http://shop.example.com/docs/intro");

        assertThat(e.backend().flatMap(b -> b.service()).map(ObjectRef::name)).contains("docs");
        assertThat(e.trace()).anySatisfy(s -> assertThat(s.reason())
                .contains("makes every path of this host a case-insensitive regular expression"));
    }

    @Test
    void backendHttpsWithoutVerificationIsEncryptedNotAuthenticated() {
        Explanation e = new Fixture().yaml(annotated("api", "shop.example.com",
                        "nginx.ingress.kubernetes.io/backend-protocol: HTTPS", "/", "Prefix", "app"))
                .service("shop", "app", 443, 1).explain("http://shop.example.com/");

        assertThat(e.legs()).extracting(Leg::protection).containsExactly(Leg.Protection.PLAIN,
                Leg.Protection.REENCRYPTED_UNVERIFIED, Leg.Protection.REENCRYPTED_UNVERIFIED);
        assertThat(e.leg(Leg.Kind.CONTROLLER_TO_SERVICE).orElseThrow().detail())
                .contains("proxy-ssl-verify is off").endsWith("encrypted, not authenticated");
    }

    @Test
    void backendHttpsVerifiedAndMutual() {
        String verified = "nginx.ingress.kubernetes.io/backend-protocol: HTTPS,"
                + " nginx.ingress.kubernetes.io/proxy-ssl-verify: \"on\","
                + " nginx.ingress.kubernetes.io/proxy-ssl-secret: shop/backend-ca";
        Explanation v = new Fixture().yaml(annotated("api", "shop.example.com", verified, "/", "Prefix", "app"))
                .caSecret("shop", "backend-ca", false).service("shop", "app", 443, 1)
                .explain("http://shop.example.com/");
        assertThat(v.leg(Leg.Kind.CONTROLLER_TO_SERVICE)).get().extracting(Leg::protection)
                .isEqualTo(Leg.Protection.REENCRYPTED_VERIFIED);

        Explanation m = new Fixture().yaml(annotated("api", "shop.example.com", verified, "/", "Prefix", "app"))
                .caSecret("shop", "backend-ca", true).service("shop", "app", 443, 1)
                .explain("http://shop.example.com/");
        assertThat(m.legs()).extracting(Leg::protection).containsExactly(Leg.Protection.PLAIN,
                Leg.Protection.MUTUAL_TLS, Leg.Protection.MUTUAL_TLS);
    }

    private static Fixture clientAuth(String extra) {
        String annotations = "nginx.ingress.kubernetes.io/auth-tls-secret: shop/client-ca,"
                + " nginx.ingress.kubernetes.io/auth-tls-verify-client: \"on\"" + extra;
        return new Fixture().yaml("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations: {%s}
                spec:
                  ingressClassName: nginx
                  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                """.formatted(annotations)).tlsSecret("shop", "shop-tls", "shop.example.com")
                .caSecret("shop", "client-ca", false).service("shop", "web", 80, 1);
    }

    @Test
    void clientCertificateRequiredRejectedForbiddenAndMutual() {
        Fixture f = clientAuth(", nginx.ingress.kubernetes.io/auth-tls-match-cn: \"CN=partner-.*\"");
        RoutingSnapshot snapshot = f.engine().snapshot();
        ProbeRequest request = Fixture.request("https://shop.example.com/");

        Explanation none = snapshot.explain(request);
        assertThat(none.decision().outcome()).isEqualTo(Outcome.CLIENT_CERT_REQUIRED);
        assertThat(none.decision().status()).isEqualTo(400);

        Explanation untrusted = snapshot.explain(request.withClientCertificate(ClientCertificate.untrusted()));
        assertThat(untrusted.decision().outcome()).isEqualTo(Outcome.CLIENT_CERT_REJECTED);

        Explanation wrongCn = snapshot.explain(request.withClientCertificate(ClientCertificate.trusted("CN=intruder")));
        assertThat(wrongCn.decision().status()).isEqualTo(403);

        Explanation ok = snapshot.explain(request.withClientCertificate(ClientCertificate.trusted("CN=partner-a")));
        assertThat(ok.decision().status()).isEqualTo(200);
        assertThat(ok.leg(Leg.Kind.CLIENT_TO_CONTROLLER)).get().extracting(Leg::protection)
                .isEqualTo(Leg.Protection.MUTUAL_TLS);
    }

    @Test
    void sslPassthroughOnlyWithTheControllerFlag() {
        String yaml = annotated("pt", "db.example.com", "nginx.ingress.kubernetes.io/ssl-passthrough: \"true\"", "/",
                "Prefix", "db");
        Explanation off = new Fixture().yaml(yaml).service("shop", "db", 443, 1).explain("https://db.example.com/");
        assertThat(off.decision().outcome()).isEqualTo(Outcome.ROUTED);
        assertThat(off.trace()).anySatisfy(s -> assertThat(s.reason()).contains("--enable-ssl-passthrough"));

        Explanation on = new Fixture().yaml(yaml).service("shop", "db", 443, 1)
                .profile(ControllerProfile.ingressNginx().withSslPassthrough(true))
                .explain("https://db.example.com/", Optional.of("db.example.com"));
        assertThat(on.decision().outcome()).isEqualTo(Outcome.PASSTHROUGH);
        assertThat(on.certificate()).get().isInstanceOf(ServedCertificate.Passthrough.class);
        assertThat(on.legs()).extracting(Leg::protection).containsOnly(Leg.Protection.PASSTHROUGH);
    }
}
