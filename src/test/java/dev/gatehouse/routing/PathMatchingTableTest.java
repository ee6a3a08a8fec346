package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the Kubernetes path matching table in DOMAIN.md. */
class PathMatchingTableTest {

    /**
     * kind, rule paths (comma-separated, "path type" when mixed), request, expected matching rule path
     * ("" = no match, default backend).
     */
    static Stream<Arguments> table() {
        return Stream.of(
                row("Prefix", "/", "/", "/"),
                row("Prefix", "/", "/anything/at/all", "/"),
                row("Exact", "/foo", "/foo", "/foo"),
                row("Exact", "/foo", "/bar", ""),
                row("Exact", "/foo", "/foo/", ""),
                row("Exact", "/foo/", "/foo", ""),
                row("Prefix", "/foo", "/foo", "/foo"),
                row("Prefix", "/foo", "/foo/", "/foo"),
                row("Prefix", "/foo/", "/foo", "/foo/"),
                row("Prefix", "/foo/", "/foo/", "/foo/"),
                row("Prefix", "/aaa/bb", "/aaa/bbb", ""),
                row("Prefix", "/aaa/bbb", "/aaa/bbb", "/aaa/bbb"),
                row("Prefix", "/aaa/bbb/", "/aaa/bbb", "/aaa/bbb/"),
                row("Prefix", "/aaa/bbb", "/aaa/bbb/", "/aaa/bbb"),
                row("Prefix", "/aaa/bbb", "/aaa/bbb/ccc", "/aaa/bbb"),
                row("Prefix", "/aaa/bbb", "/aaa/bbbxyz", ""),
                row("Prefix", "/,/aaa", "/aaa/ccc", "/aaa"),
                row("Prefix", "/,/aaa,/aaa/bbb", "/aaa/bbb", "/aaa/bbb"),
                row("Prefix", "/,/aaa,/aaa/bbb", "/ccc", "/"),
                row("Prefix", "/aaa", "/ccc", ""),
                row("mixed", "/foo Prefix,/foo Exact", "/foo", "/foo Exact"));
    }

    private static Arguments row(String kind, String rules, String request, String expected) {
        return Arguments.of(kind, rules, request, expected);
    }

    @ParameterizedTest(name = "{0} {1} with request {2} -> {3}")
    @MethodSource("table")
    void matchesLikeTheKubernetesDocumentation(String kind, String rules, String request, String expected) {
        String[] paths = rules.split(",");
        String[] specs = new String[paths.length];
        for (int i = 0; i < paths.length; i++) {
            String[] parts = paths[i].split(" ");
            String type = parts.length > 1 ? parts[1] : kind;
            specs[i] = parts[0] + ":" + type + ":svc" + i + ":80";
        }
        Fixture fixture = new Fixture().yaml(Fixture.ingress("shop", "web", "example.com", specs));
        for (int i = 0; i < paths.length; i++) {
            fixture.service("shop", "svc" + i, 80, 1);
        }

        Explanation result = fixture.explain("http://example.com" + request);

        if (expected.isEmpty()) {
            assertThat(result.decision().outcome()).isEqualTo(Outcome.NOT_FOUND);
            assertThat(result.decision().status()).isEqualTo(404);
            assertThat(result.route()).isEmpty();
        } else {
            String[] want = expected.split(" ");
            int index = Arrays.asList(paths).indexOf(expected);
            assertThat(result.decision().outcome()).isEqualTo(Outcome.ROUTED);
            assertThat(result.route().flatMap(RouteMatch::path)).contains(want[0]);
            if (want.length > 1) {
                assertThat(result.route().flatMap(RouteMatch::pathType)).contains(want[1]);
            }
            assertThat(result.backend().flatMap(b -> b.service()).map(ObjectRef::name)).contains("svc" + index);
        }
    }
}
