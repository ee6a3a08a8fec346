package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.RouteState;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.RequestHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * HTTPRoute match precedence and hostname rules of the spec, after the conformance tests httproute-matching,
 * -header-matching, -query-param-matching, -method-matching, -hostname-intersection and
 * -listener-hostname-matching, through {@code RoutingSnapshot.explain}.
 */
class GatewayMatchingTest {

    static String resource(String name) {
        try (InputStream in = GatewayMatchingTest.class.getResourceAsStream("/gateway/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Fixture FIXTURE = new Fixture().yaml(resource("matching.yaml"))
            .service("infra", "v1", 8080, 1).service("infra", "v2", 8080, 1).service("infra", "v3", 8080, 1)
            .service("apps", "t1", 8080, 1);
    private static final RoutingSnapshot SNAPSHOT = FIXTURE.engine().snapshot();

    private static Explanation explain(String method, String url, String... headers) {
        ProbeRequest request = ((ProbeRequest.Valid) ProbeRequest.parse(method, url)).request();
        RequestHeaders h = RequestHeaders.empty();
        for (int i = 0; i < headers.length; i += 2) {
            h = h.with(headers[i], headers[i + 1]);
        }
        return SNAPSHOT.explain(request.withHeaders(h));
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3} rule {4}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | http://match.example.com/                  |                      | infra/v1 | infra/matching | 0
            GET  | http://match.example.com/v2                |                      | infra/v2 | infra/matching | 1
            GET  | http://match.example.com/v2/example        |                      | infra/v2 | infra/matching | 1
            GET  | http://match.example.com/v2example         |                      | infra/v1 | infra/matching | 0
            GET  | http://match.example.com/exact             |                      | infra/v3 | infra/matching | 2
            GET  | http://match.example.com/exact/more        |                      | infra/v2 | infra/matching | 3
            GET  | http://match.example.com/h                 | version=one          | infra/v1 | infra/matching | 4
            GET  | http://match.example.com/h                 | version=two;color=blue | infra/v2 | infra/matching | 5
            GET  | http://match.example.com/h                 | Version=two          | infra/v3 | infra/matching | 6
            GET  | http://match.example.com/h                 |                      | infra/v1 | infra/matching | 0
            GET  | http://match.example.com/q?animal=whale    |                      | infra/v1 | infra/matching | 7
            GET  | http://match.example.com/q?animal=whale&color=blue |              | infra/v2 | infra/matching | 8
            POST | http://match.example.com/m                 |                      | infra/v2 | infra/matching | 9
            GET  | http://match.example.com/m                 |                      | infra/v1 | infra/matching | 10
            GET  | http://match.example.com/re/123            |                      | infra/v3 | infra/matching | 11
            GET  | http://match.example.com/re/abc            |                      | infra/v1 | infra/matching | 0
            GET  | http://match.example.com/tie               |                      | apps/t1  | apps/older     | 0
            GET  | http://other.example.com/                  |                      | infra/v3 | infra/wildcard-host | 0
            GET  | http://a.b.example.com/x                   |                      | infra/v3 | infra/wildcard-host | 0
            """)
    void theSpecsPrecedencePicksTheRule(String method, String url, String headers, String service, String route,
                                        int rule) {
        String[] pairs = headers == null ? new String[0] : headers.replace('=', ';').split(";");
        Explanation e = explain(method, url, pairs);
        assertThat(e.decision().status()).as(e.trace().toString()).isEqualTo(200);
        assertThat(e.backend().flatMap(b -> b.service()).map(ObjectRef::path)).contains(service);
        assertThat(e.gateway()).isPresent();
        assertThat(e.gateway().get().httpRoute().map(ObjectRef::path)).contains(route);
        assertThat(e.gateway().get().rule().getAsInt()).isEqualTo(rule);
        assertThat(e.gateway().get().listener()).isEqualTo("http");
    }

    @Test
    void aWildcardNeverCoversTheApex() {
        Explanation e = explain("GET", "http://example.com/");
        assertThat(e.decision().outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(e.decision().status()).isEqualTo(404);
        assertThat(e.gateway()).isPresent();
    }

    @ParameterizedTest(name = "{0} → listener {1}")
    @CsvSource({"http://foo.example.com:8080/, foo", "http://bar.example.com:8080/, wild",
            "http://deep.bar.example.com:8080/, wild", "http://example.net:8080/, any", "http://example.com:8080/, any"})
    void exactBeatsWildcardBeatsNoHostname(String url, String listener) {
        Explanation e = explain("GET", url);
        assertThat(e.gateway().orElseThrow().listener()).isEqualTo(listener);
        assertThat(e.decision().status()).isEqualTo(200);
        assertThat(e.trace()).anyMatch(s -> s.verdict() == TraceStep.Verdict.CHOSEN && s.subject().contains(listener));
    }

    @Test
    void routeStatusIsWhatAControllerWrites() {
        GatewayModel model = SNAPSHOT.gateways();
        RouteState notIntersecting = model.route(new ObjectRef("HTTPRoute", "infra", "not-intersecting")).orElseThrow();
        assertThat(notIntersecting.parents().get(0).accepted().status()).isFalse();
        assertThat(notIntersecting.parents().get(0).accepted().reason()).isEqualTo("NoMatchingListenerHostname");
        RouteState perListener = model.route(new ObjectRef("HTTPRoute", "infra", "per-listener")).orElseThrow();
        assertThat(perListener.parents().get(0).attachedTo()).extracting(k -> k.name())
                .containsExactly("foo", "wild", "any");
        RouteState older = model.route(new ObjectRef("HTTPRoute", "apps", "older")).orElseThrow();
        assertThat(older.parents().get(0).accepted().reason()).isEqualTo("Accepted");
        assertThat(Map.of("accepted", older.attached())).containsEntry("accepted", true);
    }

    @Test
    void theTraceSaysWhichEngineAnsweredAndWhyRulesLost() {
        Explanation e = explain("GET", "http://match.example.com/v2/x");
        assertThat(e.trace().get(0).subject()).isEqualTo("Gateway API");
        assertThat(e.trace()).anyMatch(s -> s.verdict() == TraceStep.Verdict.LOST
                && s.subject().contains("rule 0") && s.reason().contains("the longer path /v2 goes before /"));
        Explanation ingress = explain("GET", "http://match.example.com:9090/");
        assertThat(ingress.gateway()).isEmpty();
        assertThat(ingress.trace().get(0).subject()).isEqualTo("Ingress engine");
    }
}
