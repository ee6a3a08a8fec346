package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.proxy.server.AccessLogEvent;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real TLS on loopback with a JDK client: certificates by SNI, routes by Host and path, the ingress-nginx behaviours. */
@ExtendWith(NettyLeakWatch.class)
class ProxyRoutingIntegrationTest {

    private static ProxyFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ProxyFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    @Test
    void theCertificateFollowsTheSniAndTheDefaultOneWhenNothingMatches() throws Exception {
        assertThat(subject(fixture.https("shop.test", "/").serverChain().get(0))).isEqualTo("CN=shop.test");
        assertThat(subject(fixture.https("tenant.apps.test", "/").serverChain().get(0))).isEqualTo("CN=*.apps.test");
        assertThat(subject(fixture.https("unknown.test", "/").serverChain().get(0)))
                .contains("CN=Kubernetes Ingress Controller Fake Certificate");
        var noSni = fixture.send("GET", URI.create("https://shop.test/"), Optional.empty(), List.of(), null);
        assertThat(subject(noSni.serverChain().get(0))).contains("Fake Certificate");
        assertThat(noSni.status()).as("routed by Host even without SNI").isEqualTo(200);
        AccessLogEvent event = fixture.log.next("/");
        assertThat(event.tlsVersion()).isPresent();
    }

    @Test
    void eachHostAndPathReachesItsBackendWithForwardingHeaders() throws Exception {
        var root = fixture.https("shop.test", "/cart?x=1");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body()).startsWith("web\n").contains("path: /cart?x=1", "host: shop.test",
                "x-forwarded-proto: https", "x-forwarded-for: 127.0.0.1", "x-real-ip: 127.0.0.1",
                "x-forwarded-host: shop.test", "x-request-id: ");
        assertThat(root.header("Strict-Transport-Security")).contains("max-age=31536000; includeSubDomains");
        assertThat(fixture.https("shop.test", "/api/orders").body()).startsWith("api\n");
        assertThat(fixture.https("shop.test", "/apiary").body()).as("prefix by path element").startsWith("web\n");
        assertThat(fixture.https("tenant.apps.test", "/").body()).startsWith("apps\n");
        AccessLogEvent event = fixture.log.next("/api/orders");
        assertThat(event.status()).isEqualTo(200);
        assertThat(event.ingress()).contains("shop/shop");
        assertThat(event.rule()).contains("host shop.test, path /api (Prefix)");
        assertThat(event.backend().orElseThrow()).startsWith("shop/api:http").contains(fixture.api.url().substring(7));
        assertThat(event.sni()).contains("shop.test");
        assertThat(event.certificate()).contains("shop.test");
    }

    @Test
    void plainHttpIsRedirectedWith308KeepingPathAndQueryWhenTheHostHasTls() throws Exception {
        var redirect = fixture.http("shop.test", "/cart?item=7");
        assertThat(redirect.status()).isEqualTo(308);
        assertThat(redirect.header("Location")).contains("https://shop.test:" + fixture.httpsPort() + "/cart?item=7");
        var plain = fixture.http("plain.test", "/hello");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.body()).startsWith("web\n").contains("x-forwarded-proto: http");
        assertThat(plain.header("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void noMatchingRuleGets404NamingIt() throws Exception {
        var missing = fixture.http("only.test", "/other");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("No Ingress rule matches only.test/other");
        assertThat(fixture.http("only.test", "/only").status()).isEqualTo(200);
    }

    @Test
    void clientCertificatesAreCheckedAgainstTheHostsCa() throws Exception {
        URI url = URI.create("https://mtls.test/");
        var none = fixture.send("GET", url, Optional.of("mtls.test"), List.of(), null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("No required SSL certificate was sent");
        var trusted = fixture.send("GET", url, Optional.of("mtls.test"), List.of(), fixture.pki.client);
        assertThat(trusted.status()).isEqualTo(200);
        var stranger = fixture.send("GET", url, Optional.of("mtls.test"), List.of(), fixture.pki.stranger);
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body()).contains("The SSL certificate error");
    }

    @Test
    void backendProtocolHttpsReEncryptsAndVerifiesTheBackend() throws Exception {
        var response = fixture.https("secure.test", "/vault");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).startsWith("secure\n").contains("tls: TLSv1.3");
        AccessLogEvent event = fixture.log.next("/vault");
        assertThat(event.backend().orElseThrow()).contains("https://", "verified for backend.test");
    }

    @Test
    void rewriteTargetUsesTheEnginesUpstreamPath() throws Exception {
        var response = fixture.http("rewrite.test", "/app/reports/7?q=1");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("path: /reports/7?q=1", "x-original-uri: /app/reports/7?q=1");
    }

    @Test
    void anUnreachableBackendGets502AndASlowOne504NamingTheBackend() throws Exception {
        fixture.mappings.put("shop/web:80", "http://127.0.0.1:1");
        try {
            var refused = fixture.http("plain.test", "/down");
            assertThat(refused.status()).isEqualTo(502);
            assertThat(refused.body()).contains("Service shop/web port 80", "127.0.0.1:1", "connection refused");
        } finally {
            fixture.mappings.put("shop/web:80", fixture.web.url());
        }
        var slow = fixture.http("plain.test", "/slow");
        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.body()).contains("Service shop/web port 80", "did not answer within 2 s");
        var fine = fixture.http("plain.test", "/after");
        assertThat(fine.status()).isEqualTo(200);
    }

    @Test
    void anHttpsMappingForABackendTheControllerSpeaksPlainHttpToIsAMismatchNotASilentUpgrade() throws Exception {
        fixture.mappings.put("shop/web:80", "https://127.0.0.1:" + fixture.secure.port());
        try {
            var response = fixture.http("plain.test", "/mismatch");
            assertThat(response.status()).isEqualTo(502);
            assertThat(response.body()).contains("Service shop/web port 80", "https://127.0.0.1:" + fixture.secure.port(),
                    "the controller speaks plain HTTP to this backend (backend-protocol is HTTP)",
                    "map an http:// address");
            AccessLogEvent event = fixture.log.next("/mismatch");
            assertThat(event.status()).isEqualTo(502);
            assertThat(event.note()).contains("an HTTPS address, but the controller speaks plain HTTP");
        } finally {
            fixture.mappings.put("shop/web:80", fixture.web.url());
        }
        assertThat(fixture.http("plain.test", "/after-mismatch").status()).isEqualTo(200);
    }

    @Test
    void headersFromTheClientCannotSpoofTheForwardingHeaders() throws Exception {
        var response = fixture.send("GET", URI.create("http://plain.test/who"), Optional.empty(),
                List.of(Map.entry("X-Forwarded-For", "6.6.6.6"), Map.entry("X-Real-IP", "6.6.6.6")), null);
        assertThat(response.body()).contains("x-forwarded-for: 127.0.0.1", "x-real-ip: 127.0.0.1",
                "x-original-forwarded-for: 6.6.6.6");
    }
}
