package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.tls.HostCoverage;
import dev.gatehouse.tls.TestCerts;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TlsAndRedirectTest {

    private static String tlsIngress(String host, String tlsHost, String secret, String annotations) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations: {%s}
                spec:
                  ingressClassName: nginx
                  tls:
                  - hosts: ["%s"]
                    secretName: %s
                  rules:
                  - host: "%s"
                    http:
                      paths:
                      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                """.formatted(annotations, tlsHost, secret, host);
    }

    private static Fixture shop() {
        return new Fixture().yaml(tlsIngress("shop.example.com", "shop.example.com", "shop-tls", ""))
                .tlsSecret("shop", "shop-tls", "shop.example.com").service("shop", "web", 80, 2);
    }

    @Test
    void sniSelectsTheSecretCertificateAndTheFrontLegIsTls() {
        Explanation e = shop().explain("https://shop.example.com/");

        assertThat(e.decision().status()).isEqualTo(200);
        assertThat(e.certificate()).get().isInstanceOfSatisfying(ServedCertificate.FromSecret.class, c -> {
            assertThat(c.secret()).isEqualTo(ObjectRef.secret("shop", "shop-tls"));
            assertThat(c.coversHost()).isTrue();
            assertThat(c.describe()).startsWith("\"shop.example.com\" from Secret shop/shop-tls, issued by Fixture"
                    + " Intermediate CA, expires in 335 days");
        });
        assertThat(e.legs()).extracting(Leg::protection)
                .containsExactly(Leg.Protection.TLS, Leg.Protection.PLAIN, Leg.Protection.PLAIN);
        assertThat(e.leg(Leg.Kind.CONTROLLER_TO_SERVICE).orElseThrow().label()).isEqualTo("HTTP · unencrypted");
    }

    @Test
    void noSniGetsTheFakeCertificate() {
        Explanation e = shop().explain("https://shop.example.com/", Optional.empty());

        assertThat(e.certificate()).get().isInstanceOfSatisfying(ServedCertificate.ControllerDefault.class, c -> {
            assertThat(c.describe()).isEqualTo("controller default (Kubernetes Ingress Controller Fake Certificate)");
            assertThat(c.reason()).contains("the client sent no SNI");
        });
        assertThat(e.leg(Leg.Kind.CLIENT_TO_CONTROLLER)).get().extracting(Leg::protection)
                .isEqualTo(Leg.Protection.TLS_PROBLEM);
        assertThat(e.decision().status()).isEqualTo(200);
    }

    @Test
    void sniThatNoRuleNamesGetsTheFakeCertificateEvenWhenHostMatches() {
        Explanation e = shop().explain("https://shop.example.com/", Optional.of("other.example.com"));

        assertThat(e.certificate()).get().isInstanceOf(ServedCertificate.ControllerDefault.class);
        assertThat(e.trace()).anySatisfy(s -> assertThat(s.reason())
                .isEqualTo("the certificate is chosen by the SNI other.example.com, the route by the Host header"
                        + " shop.example.com"));
    }

    @Test
    void ipAddressUrlSendsNoSni() {
        ProbeRequest request = Fixture.request("https://192.0.2.10/");

        assertThat(request.sni()).isEmpty();
        assertThat(Fixture.request("https://shop.example.com/").sni()).contains("shop.example.com");
    }

    @Test
    void wildcardTlsHostAndWildcardRule() {
        Fixture f = new Fixture().yaml(tlsIngress("*.example.com", "*.example.com", "wild-tls", ""))
                .tlsSecret("shop", "wild-tls", "*.example.com").service("shop", "web", 80, 1);

        Explanation e = f.explain("https://api.example.com/");

        assertThat(e.certificate()).get().isInstanceOfSatisfying(ServedCertificate.FromSecret.class,
                c -> assertThat(c.coverage()).isEqualTo(HostCoverage.SAN));
        assertThat(e.leg(Leg.Kind.CLIENT_TO_CONTROLLER)).get().extracting(Leg::protection)
                .isEqualTo(Leg.Protection.TLS);
    }

    @Test
    void unlistedHostUsesACertificateThatCoversIt() {
        Fixture f = new Fixture().yaml(tlsIngress("api.example.com", "*.example.com", "wild-tls", ""))
                .tlsSecret("shop", "wild-tls", "*.example.com").service("shop", "web", 80, 1);

        Explanation e = f.explain("https://api.example.com/");

        assertThat(e.certificate()).get().isInstanceOf(ServedCertificate.FromSecret.class);
        assertThat(e.trace()).anySatisfy(s -> assertThat(s.reason())
                .contains("is not listed in the tls hosts").contains("covers it"));
    }

    @Test
    void sanMismatchMissingSecretAndWrongKeyFallBackToTheFakeCertificate() {
        Fixture mismatch = new Fixture().yaml(tlsIngress("shop.example.com", "shop.example.com", "shop-tls", ""))
                .tlsSecret("shop", "shop-tls", "www.shop.example.com").service("shop", "web", 80, 1);
        Explanation e = mismatch.explain("https://shop.example.com/");
        assertThat(e.certificate()).get().isInstanceOfSatisfying(ServedCertificate.ControllerDefault.class,
                c -> assertThat(c.reason()).isEqualTo("the certificate of Secret shop/shop-tls does not cover"
                        + " shop.example.com (it covers www.shop.example.com), so ingress-nginx uses its default"
                        + " certificate"));

        Fixture missing = new Fixture().yaml(tlsIngress("shop.example.com", "shop.example.com", "nope", ""))
                .tlsSecret("shop", "other", "x.example.com").service("shop", "web", 80, 1);
        assertThat(missing.explain("https://shop.example.com/").certificate()).get()
                .isInstanceOfSatisfying(ServedCertificate.ControllerDefault.class, c -> assertThat(c.reason())
                        .startsWith("Secret shop/nope does not exist"));

        Fixture f = new Fixture().yaml(tlsIngress("shop.example.com", "shop.example.com", "shop-tls", ""))
                .service("shop", "web", 80, 1);
        TestCerts.Issued leaf = f.leaf("shop.example.com");
        f.secret("shop", "shop-tls", "kubernetes.io/tls", Map.of("tls.crt", TestCerts.pem(leaf.cert()),
                "tls.key", TestCerts.pem(TestCerts.ecKey().getPrivate())));
        assertThat(f.explain("https://shop.example.com/").certificate()).get()
                .isInstanceOfSatisfying(ServedCertificate.ControllerDefault.class, c -> assertThat(c.reason())
                        .contains("does not match the first certificate"));
    }

    @Test
    void plainHttpToATlsHostIsRedirectedWith308() {
        Explanation e = shop().explain("http://shop.example.com/cart?id=7");

        assertThat(e.decision().outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(e.decision().status()).isEqualTo(308);
        assertThat(e.decision().redirectTo()).contains("https://shop.example.com/cart?id=7");
        assertThat(e.certificate()).isEmpty();
        assertThat(e.leg(Leg.Kind.CLIENT_TO_CONTROLLER)).get().extracting(Leg::protection)
                .isEqualTo(Leg.Protection.PLAIN);
    }

    @Test
    void sslRedirectFalseServesPlainHttp() {
        Fixture f = new Fixture()
                .yaml(tlsIngress("shop.example.com", "shop.example.com", "shop-tls",
                        "nginx.ingress.kubernetes.io/ssl-redirect: \"false\""))
                .tlsSecret("shop", "shop-tls", "shop.example.com").service("shop", "web", 80, 1);

        Explanation e = f.explain("http://shop.example.com/");

        assertThat(e.decision().outcome()).isEqualTo(Outcome.ROUTED);
        assertThat(e.trace()).anySatisfy(s -> assertThat(s.reason()).contains("ssl-redirect is \"false\""));
    }

    @Test
    void forceSslRedirectRedirectsWithoutTls() {
        Fixture f = new Fixture().yaml("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations: {nginx.ingress.kubernetes.io/force-ssl-redirect: "true"}
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                """).service("shop", "web", 80, 1);

        assertThat(f.explain("http://shop.example.com/").decision().outcome()).isEqualTo(Outcome.REDIRECT);
    }

    @Test
    void hostWithoutTlsIsServedOverPlainHttp() {
        Fixture f = new Fixture().yaml(Fixture.ingress("shop", "web", "shop.example.com", "/:Prefix:web:80"))
                .service("shop", "web", 80, 1);

        Explanation e = f.explain("http://shop.example.com/");

        assertThat(e.decision().outcome()).isEqualTo(Outcome.ROUTED);
        assertThat(e.trace()).anySatisfy(s -> assertThat(s.reason()).contains("plain HTTP is served"));
    }

    @Test
    void expiredCertificateIsServedButTheLegHasAProblem() {
        Fixture f = new Fixture().yaml(tlsIngress("shop.example.com", "shop.example.com", "shop-tls", ""))
                .service("shop", "web", 80, 1);
        TestCerts.Issued old = TestCerts.cert("shop.example.com").dns("shop.example.com").daysLeft(-5)
                .issuedBy(f.intermediate()).issue();
        f.secret("shop", "shop-tls", "kubernetes.io/tls", Map.of(
                "tls.crt", TestCerts.pem(old.cert(), f.intermediate().cert()), "tls.key", TestCerts.pem(old.key())));

        Explanation e = f.explain("https://shop.example.com/");

        assertThat(e.certificate()).get().isInstanceOf(ServedCertificate.FromSecret.class);
        assertThat(e.leg(Leg.Kind.CLIENT_TO_CONTROLLER)).get().satisfies(leg -> {
            assertThat(leg.protection()).isEqualTo(Leg.Protection.TLS_PROBLEM);
            assertThat(leg.detail()).isEqualTo("The certificate expired 4 days ago");
        });
    }
}
