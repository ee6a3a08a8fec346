package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.ListenerKey;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.Upstream;
import dev.gatehouse.tls.TestCerts;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HTTPS listeners, certificates by SNI, ReferenceGrant, 421, redirects, rewrites, header modifiers, weights,
 * invalid backendRefs and BackendTLSPolicy, after the conformance tests named in {@code gateway/tls.yaml}.
 */
class GatewayTlsAndFiltersTest {

    private static final Fixture FIXTURE = fixture();
    private static final RoutingSnapshot SNAPSHOT = FIXTURE.engine().snapshot();

    private static Fixture fixture() {
        Fixture f = new Fixture().yaml(GatewayMatchingTest.resource("tls.yaml"))
                .tlsSecret("shop", "a-tls", "a.example.com").tlsSecret("shop", "b-tls", "b.example.com")
                .tlsSecret("certs", "shared-tls", "granted.example.com").tlsSecret("other", "other-tls", "denied.example.com")
                .service("shop", "web", 8080, 1).service("shop", "canary", 8080, 1).service("shop", "old", 8080, 1)
                .service("backends", "secret-svc", 8080, 1).service("backends", "granted", 8080, 1)
                .service("shop", "secure", 8443, 1).service("shop", "broken-ca", 8443, 1);
        String pem = TestCerts.pem(f.intermediate().cert()).replace("\n", "\n    ");
        return f.yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: secure-ca, namespace: shop}\ndata:\n  ca.crt: |\n    "
                + pem + "\n");
    }

    private static Explanation explain(String url) {
        return SNAPSHOT.explain(Fixture.request(url));
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            http://a.example.com/x                  | 301 | https://a.example.com/x
            http://a.example.com/port/x             | 302 | http://a.example.com:8443/port/x
            http://a.example.com/host               | 302 | http://b.example.com/host
            http://a.example.com/full/x             | 302 | http://a.example.com/elsewhere
            http://a.example.com/prefix/one/two?x=1 | 308 | https://a.example.com:8443/two/two?x=1
            """)
    void redirectsCarryTheLocationAConformantControllerSends(String url, int status, String location) {
        Explanation e = explain(url);
        assertThat(e.decision().outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(e.decision().status()).isEqualTo(status);
        assertThat(e.decision().redirectTo()).contains(location);
    }

    @ParameterizedTest(name = "{0} → backend gets {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://a.example.com/prefix/one/two  | /one/two | a.example.com
            https://a.example.com/strip-prefix/three | /three | internal.example.com
            https://a.example.com/strip-prefix    | /        | internal.example.com
            https://a.example.com/full/one/two    | /one     | a.example.com
            https://a.example.com/plain?q=1       | /plain?q=1 | a.example.com
            """)
    void urlRewriteChangesWhatTheBackendReceives(String url, String path, String host) {
        Explanation e = explain(url);
        assertThat(e.decision().status()).isEqualTo(200);
        assertThat(e.gateway().orElseThrow().upstreamPath()).contains(path);
        assertThat(e.gateway().orElseThrow().upstreamHost()).contains(host);
    }

    @Test
    void theListenerChosenBySniServesItsCertificate() {
        Explanation e = explain("https://a.example.com/");
        assertThat(e.decision().status()).isEqualTo(200);
        assertThat(e.certificate()).get().isInstanceOfSatisfying(ServedCertificate.FromSecret.class,
                c -> assertThat(c.secret().path()).isEqualTo("shop/a-tls"));
        assertThat(e.leg(Leg.Kind.CLIENT_TO_CONTROLLER).orElseThrow().protection()).isEqualTo(Leg.Protection.TLS);
        Explanation granted = explain("https://granted.example.com/");
        assertThat(granted.decision().status()).isEqualTo(200);
        assertThat(((ServedCertificate.FromSecret) granted.certificate().orElseThrow()).secret().path())
                .isEqualTo("certs/shared-tls");
    }

    @Test
    void aHostOfAnotherListenerThanTheSniChoseIsMisdirected() {
        Explanation e = SNAPSHOT.explain(Fixture.request("https://b.example.com/").withSni(Optional.of("a.example.com")));
        assertThat(e.decision().outcome()).isEqualTo(Outcome.MISDIRECTED);
        assertThat(e.decision().status()).isEqualTo(421);
        assertThat(e.gateway().orElseThrow().listener()).isEqualTo("a");
    }

    @Test
    void aCertificateInAnotherNamespaceNeedsAReferenceGrant() {
        GatewayListener denied = SNAPSHOT.gateways().listener(new ListenerKey(new ObjectRef("Gateway", "shop", "edge"),
                "denied")).orElseThrow();
        assertThat(denied.condition("ResolvedRefs").orElseThrow().reason()).isEqualTo("RefNotPermitted");
        assertThat(denied.programmed()).isFalse();
        GatewayListener missing = SNAPSHOT.gateways().listener(new ListenerKey(new ObjectRef("Gateway", "shop", "edge"),
                "missing")).orElseThrow();
        assertThat(missing.condition("ResolvedRefs").orElseThrow().reason()).isEqualTo("InvalidCertificateRef");
        Explanation e = explain("https://denied.example.com/");
        assertThat(e.decision().status()).isEqualTo(404);
        assertThat(e.decision().summary()).contains("not programmed");
        assertThat(SNAPSHOT.gateways().gateway(new ObjectRef("Gateway", "shop", "edge")).orElseThrow()
                .condition("Accepted").orElseThrow().reason()).isEqualTo("Accepted");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"/missing, 500", "/wrong-port, 500", "/other-ns, 500", "/granted, 200", "/kind, 500",
            "/broken-ca, 500", "/secure, 200", "/mirror, 200"})
    void invalidBackendRefsAnswer500(String path, int status) {
        Explanation e = explain("https://a.example.com" + path);
        assertThat(e.decision().status()).as(e.trace().toString()).isEqualTo(status);
    }

    @Test
    void routeResolvedRefsNamesTheFirstInvalidBackend() {
        var web = SNAPSHOT.gateways().route(new ObjectRef("HTTPRoute", "shop", "web")).orElseThrow();
        assertThat(web.parents().get(0).resolvedRefs().reason()).isEqualTo("BackendNotFound");
        assertThat(web.parents().get(0).accepted().status()).isTrue();
    }

    @Test
    void weightsAreListedAndZeroIsNeverChosen() {
        Explanation e = explain("https://a.example.com/split");
        assertThat(e.gateway().orElseThrow().backends()).extracting(GatewayFacts.Backend::service,
                GatewayFacts.Backend::weight).containsExactly(org.assertj.core.groups.Tuple.tuple("shop/web", 90),
                org.assertj.core.groups.Tuple.tuple("shop/canary", 10), org.assertj.core.groups.Tuple.tuple("shop/old", 0));
        assertThat(e.trace()).anyMatch(s -> s.subject().contains("shop/old") && s.reason().contains("never chosen"));
        assertThat(e.trace()).anyMatch(s -> s.subject().contains("shop/web") && s.reason().contains("90%"));
    }

    @Test
    void backendTlsPolicyMakesAVerifiedLeg() {
        Explanation e = explain("https://a.example.com/secure");
        Upstream up = e.carriage().upstream();
        assertThat(up.verification()).isEqualTo(Upstream.Verification.VERIFIED);
        assertThat(up.serverName()).contains("secure.shop.svc");
        assertThat(up.caCertificates()).hasSize(1);
        assertThat(e.leg(Leg.Kind.CONTROLLER_TO_SERVICE).orElseThrow().protection())
                .isEqualTo(Leg.Protection.REENCRYPTED_VERIFIED);
    }

    @Test
    void mirrorIsShownNotApplied() {
        Explanation e = explain("https://a.example.com/mirror");
        assertThat(e.trace()).anyMatch(s -> s.subject().equals("RequestMirror") && s.reason().contains("shop/canary"));
    }
}
