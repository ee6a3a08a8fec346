package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The local proxy serving Gateway listeners over real loopback TLS, one request → expected response table per
 * conformance test of kubernetes-sigs/gateway-api (conformance/tests/*.go) that the fixture follows.
 */
@ExtendWith(NettyLeakWatch.class)
class GatewayProxyTest {

    private static GatewayProxyFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new GatewayProxyFixture(null);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static List<Map.Entry<String, String>> headers(String pairs) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (pairs != null) {
            for (String pair : pairs.split(";")) {
                int eq = pair.indexOf('=');
                out.add(Map.entry(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim()));
            }
        }
        return out;
    }

    /** The line {@code name: value} of what the test backend received. */
    private static Optional<String> received(ProxyProbe.Response r, String name) {
        return r.body().lines().filter(l -> l.startsWith(name + ": ")).map(l -> l.substring(name.length() + 2))
                .findFirst();
    }

    private static String backend(ProxyProbe.Response r) {
        return r.body().lines().findFirst().orElse("");
    }

    private static String subject(ProxyProbe.Response r) throws java.security.cert.CertificateParsingException {
        X509Certificate leaf = r.serverChain().get(0);
        return leaf.getSubjectAlternativeNames() == null ? "" : String.valueOf(leaf.getSubjectAlternativeNames());
    }

    // httproute-matching, httproute-header-matching, httproute-query-param-matching, httproute-method-matching
    @ParameterizedTest(name = "{0} {1} [{2}] → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /                 |                          | v1
            GET  | /v2               |                          | v2
            GET  | /v2/example       |                          | v2
            GET  | /v2example        |                          | v1
            GET  | /exact            |                          | v3
            GET  | /h                | version=one              | v1
            GET  | /h                | version=two              | v2
            GET  | /h                | version=two;color=orange | v3
            GET  | /h                | Version=two;Color=orange | v3
            GET  | /h                | version=three            | v1
            GET  | /q?animal=whale   |                          | v2
            GET  | /q?animal=dolphin |                          | v3
            GET  | /q?animal=cat     |                          | v1
            POST | /m                |                          | v2
            GET  | /m                |                          | v3
            PUT  | /m                |                          | v1
            """)
    void matchesPickTheBackendPerRequest(String method, String path, String pairs, String expected) throws IOException {
        ProxyProbe.Response r = fixture.send(method, "http://match.example.com" + path, 80, Optional.empty(),
                headers(pairs));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(backend(r)).isEqualTo(expected);
        assertThat(received(r, "host")).contains("match.example.com");
    }

    @Test
    void headerMatchesAreNotCachedAcrossDifferentHeaders() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertThat(backend(fixture.send("GET", "http://match.example.com/h", 80, Optional.empty(),
                    headers("version=one")))).isEqualTo("v1");
            assertThat(backend(fixture.send("GET", "http://match.example.com/h", 80, Optional.empty(),
                    headers("version=two")))).isEqualTo("v2");
        }
    }

    // gateway-https-listener, httproute-https-listener, gateway-secret-reference-grant
    @ParameterizedTest(name = "SNI {0} → {1}, certificate for {2}")
    @CsvSource({"a.example.com, v1, a.example.com", "b.example.com, v3, b.example.com",
            "granted.example.com, v3, granted.example.com"})
    void theSniPicksTheListenerAndItsCertificate(String host, String expected, String certificate) throws Exception {
        ProxyProbe.Response r = fixture.get("https://" + host + "/");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(backend(r)).isEqualTo(expected);
        assertThat(subject(r)).contains(certificate);
        assertThat(received(r, "host")).as("the backend gets the Host unmodified").contains(host);
    }

    // gateway-invalid-tls-configuration: a certificateRef across namespaces without a ReferenceGrant
    @Test
    void aListenerThatIsNotProgrammedFailsTheHandshake() {
        assertThatThrownBy(() -> fixture.get("https://denied.example.com/")).isInstanceOf(IOException.class);
    }

    @Test
    void aHostOfAnotherListenerThanTheSniChoseIsMisdirected() throws IOException {
        ProxyProbe.Response r = fixture.send("GET", "https://b.example.com/", 443, Optional.of("a.example.com"), List.of());
        assertThat(r.status()).isEqualTo(421);
        assertThat(r.body()).contains("belongs to listener https-b");
    }

    // httproute-invalid-cross-namespace-backend-ref, httproute-invalid-backendref-nonexistent; 404 without a rule
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"https://a.example.com/missing, 500", "https://a.example.com/other-ns, 500",
            "http://nothing.example.com/, 404", "http://grpc.example.com/helloworld.Greeter/SayHello, 501"})
    void answersWithoutABackend(String url, int status) throws IOException {
        ProxyProbe.Response r = fixture.get(url);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (status == 501) {
            assertThat(r.body()).contains("GRPCRoute infra/grpc", "does not serve GRPCRoutes");
        }
    }

    // httproute-request-redirect, httproute-redirect-scheme, httproute-redirect-path: the Location names the
    // local port that serves the target listener port (gatehouse explain keeps the real port)
    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            http://a.example.com/x                  | 301 | https://a.example.com:HTTPS/x
            http://a.example.com/host               | 302 | http://b.example.com:HTTP/host
            http://a.example.com/prefix/one/two?x=1 | 308 | https://a.example.com:HTTPS/two/two?x=1
            """)
    void redirectsNameTheLocalPort(String url, int status, String location) throws IOException {
        ProxyProbe.Response r = fixture.get(url);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("Location")).contains(location.replace("HTTPS", String.valueOf(fixture.proxy.httpsAddress()
                .getPort())).replace("HTTP", String.valueOf(fixture.proxy.httpAddress().getPort())));
    }

    // httproute-rewrite-path, httproute-rewrite-host
    @ParameterizedTest(name = "{0} → backend gets {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /prefix/one/two     | /one/two   | a.example.com
            /strip-prefix/three | /three     | internal.example.com
            /strip-prefix       | /          | internal.example.com
            /full/one/two       | /one       | a.example.com
            /plain?q=1          | /plain?q=1 | a.example.com
            """)
    void urlRewriteChangesWhatTheBackendReceives(String path, String upstream, String host) throws IOException {
        ProxyProbe.Response r = fixture.get("https://a.example.com" + path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(received(r, "path")).contains(upstream);
        assertThat(received(r, "host")).contains(host);
    }

    // httproute-request-header-modifier, httproute-response-header-modifier
    @Test
    void headerModifiersChangeTheRequestAndTheResponse() throws IOException {
        ProxyProbe.Response r = fixture.send("GET", "https://a.example.com/", 443, Optional.empty(),
                headers("X-Header-Set=some-other-value;X-Header-Add=some-value;X-Header-Remove=gone"));
        assertThat(received(r, "x-header-set")).contains("set-overwrites-values");
        assertThat(received(r, "x-header-add")).contains("some-value,add-appends-values");
        assertThat(received(r, "x-header-remove")).isEmpty();
        assertThat(r.header("X-Header-Set")).contains("set-overwrites-values");
        assertThat(r.header("X-Header-Add")).contains("add-appends-values");
        assertThat(r.header("X-Backend")).as("removed by the ResponseHeaderModifier").isEmpty();
    }

    // httproute-weight: weights 1 : 3 : 0, the draw injected so the split is exact
    @Test
    void weightsSplitRequestsInProportionAndWeightZeroNeverGetsOne() throws IOException {
        Map<String, Integer> seen = new java.util.TreeMap<>();
        for (int i = 0; i < 8; i++) {
            ProxyProbe.Response r = fixture.get("https://a.example.com/split");
            seen.merge(backend(r), 1, Integer::sum);
        }
        assertThat(seen).containsOnlyKeys("v1", "v2").containsEntry("v1", 2).containsEntry("v2", 6);
    }

    // backendtlspolicy: re-encrypted, verified with the policy's CA and hostname (SNI backend.test)
    @Test
    void aBackendTlsPolicyReEncryptsVerified() throws IOException {
        ProxyProbe.Response r = fixture.get("https://a.example.com/secure");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(backend(r)).isEqualTo("secure");
        assertThat(received(r, "tls")).isPresent();
    }

    // tlsroute-simple-same-namespace: the stream is passed through; the backend's own certificate is presented
    @Test
    void aTlsRouteOnAPassthroughListenerForwardsTheStreamUntouched() throws IOException {
        ProxyProbe.Response r = fixture.get("https://pass.example.com/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(backend(r)).isEqualTo("tls-backend");
        assertThat(r.serverChain().get(0)).isEqualTo(fixture.pki.pass.certificate());
    }

    @Test
    void ingressesAreServedBesideTheGateway() throws IOException {
        ProxyProbe.Response r = fixture.get("https://ingress.test/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(backend(r)).isEqualTo("ingress");
        assertThat(r.serverChain().get(0)).isEqualTo(fixture.pki.ingress.certificate());
    }

    @Test
    void otherListenerPortsGetALocalPortOfTheirOwn() throws IOException {
        ProxyProbe.Response r = fixture.send("GET", "http://extra.example.com/", 9080, Optional.empty(), List.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(backend(r)).isEqualTo("v3");
        assertThat(fixture.proxy.routes().listeners()).extracting(l -> l.gateway().path() + " " + l.name())
                .contains("infra/edge https-a", "infra/edge pass", "infra/elsewhere http");
    }

    @Test
    void everyGatewayClassIsServedByDefaultAndOneWhenNamed() throws Exception {
        assertThat(backend(fixture.get("http://other-class.example.com/"))).isEqualTo("v3");
        try (GatewayProxyFixture only = new GatewayProxyFixture("eg")) {
            assertThat(only.get("http://other-class.example.com/").status()).isEqualTo(404);
            assertThat(backend(only.get("http://match.example.com/v2"))).isEqualTo("v2");
        }
    }
}
