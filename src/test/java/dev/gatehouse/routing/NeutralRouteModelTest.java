package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.BackendChoice;
import dev.gatehouse.routing.route.BackendRef;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.NoValidBackend;
import dev.gatehouse.routing.route.RedirectDecision;
import dev.gatehouse.routing.route.RouteConditions;
import dev.gatehouse.routing.route.RoutePath;
import dev.gatehouse.routing.route.RouteRule;
import dev.gatehouse.routing.route.RuleSource;
import dev.gatehouse.routing.route.TraceNote;
import dev.gatehouse.routing.route.VirtualHost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Path precedence and backend choice over hand-built route models, with no Ingress behind them. */
class NeutralRouteModelTest {

    private static final ObjectRef ROUTE = new ObjectRef("HTTPRoute", "shop", "web");

    /** rules ("TYPE value", in order), request path, the value of the rule that takes it ("" = none). */
    static Stream<Arguments> precedence() {
        return Stream.of(
                row("Exact beats Prefix at equal length", List.of("PREFIX /api", "EXACT /api"), "/api", "EXACT /api"),
                row("Exact beats Prefix, whatever the order", List.of("EXACT /api", "PREFIX /api"), "/api", "EXACT /api"),
                row("Exact never takes a longer path", List.of("EXACT /api", "PREFIX /"), "/api/v1", "PREFIX /"),
                row("the longest prefix wins", List.of("PREFIX /", "PREFIX /api/v1", "PREFIX /api"), "/api/v1/x",
                        "PREFIX /api/v1"),
                row("a longer Prefix beats a shorter Exact", List.of("EXACT /a", "PREFIX /a/b"), "/a/b", "PREFIX /a/b"),
                row("prefixes compare path elements", List.of("PREFIX /foo/bar", "PREFIX /"), "/foo/barbaz", "PREFIX /"),
                row("a trailing slash does not count", List.of("PREFIX /foo/"), "/foo", "PREFIX /foo/"),
                row("a string prefix does not compare elements", List.of("STRING_PREFIX /foo"), "/foobar",
                        "STRING_PREFIX /foo"),
                row("Prefix beats a string prefix on a tie", List.of("STRING_PREFIX /foo", "PREFIX /foo"), "/foo/x",
                        "PREFIX /foo"),
                row("same match: the earlier rule wins", List.of("PREFIX /x", "PREFIX /x/"), "/x/y", "PREFIX /x"),
                row("a case-insensitive regex ignores case", List.of("REGEX_CI /API/v[0-9]+"), "/api/V2/users",
                        "REGEX_CI /API/v[0-9]+"),
                row("a case-sensitive regex does not", List.of("REGEX /API/v[0-9]+"), "/api/v2", ""),
                row("a regex is anchored at the start", List.of("REGEX_CI /v[0-9]"), "/api/v2", ""),
                row("a regex that does not compile never matches", List.of("REGEX_CI /(unclosed"), "/(unclosed", ""),
                row("NEVER never matches", List.of("NEVER /"), "/", ""),
                row("no rule matches", List.of("EXACT /a", "PREFIX /b"), "/c", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void pathPrecedence(String why, List<String> rules, String request, String expected) {
        VirtualHost host = host(rules.stream().map(NeutralRouteModelTest::rule).toList(), Optional.empty());

        Optional<PathSelector.Selected> chosen = PathSelector.select(host, request, new Trace());

        assertThat(chosen.map(s -> label(s.path())).orElse("")).as(why).isEqualTo(expected);
    }

    @Test
    void inARegexHostTheLongestExpressionIsTriedFirstAndTheFirstMatchWins() {
        List<RouteRule> rules = List.of(rule("REGEX_CI /a"), rule("REGEX_CI /a/(.*)"), rule("REGEX_CI /a/b/c/d"));
        VirtualHost host = host(rules, Optional.of(new TraceNote("regex paths", "every path is a regex")));
        Trace trace = new Trace();

        PathSelector.Selected chosen = PathSelector.select(host, "/A/B/x", trace).orElseThrow();

        assertThat(chosen.path().value()).isEqualTo("/a/(.*)");
        assertThat(chosen.match().orElseThrow().group(1)).isEqualTo("B/x");
        assertThat(trace.steps()).extracting(TraceStep::toString).containsExactly(
                "PATH NOTE regex paths: every path is a regex",
                "PATH LOST /a/b/c/d (REGEX_CI) in HTTPRoute shop/web: the regular expression ^/a/b/c/d does not match"
                        + " /A/B/x",
                "PATH CHOSEN /a/(.*) (REGEX_CI) in HTTPRoute shop/web: the first (longest) regular expression that"
                        + " matches the start of /A/B/x",
                "PATH LOST /a (REGEX_CI) in HTTPRoute shop/web: not tried: /a/(.*) is longer and matched first");
    }

    @Test
    void theTraceNamesTheSourceAndWhyEachRuleLost() {
        VirtualHost host = host(List.of(rule("PREFIX /"), rule("EXACT /api"), rule("PREFIX /api")), Optional.empty());
        Trace trace = new Trace();

        PathSelector.select(host, "/api", trace);

        assertThat(trace.steps()).extracting(TraceStep::toString).containsExactly(
                "PATH CHOSEN /api (EXACT) in HTTPRoute shop/web: the longest match; on a tie EXACT wins",
                "PATH LOST /api (PREFIX) in HTTPRoute shop/web: matches with the same length, but EXACT beats PREFIX"
                        + " on a tie",
                "PATH LOST / (PREFIX) in HTTPRoute shop/web: matches, but /api is longer");
    }

    @Test
    void aBackendOfWeightZeroIsNeverChosenAndTheOthersShareInProportion() {
        RouteRule rule = rule(NoValidBackend.INTERNAL_ERROR, backend("a", 0), backend("b", 1), backend("c", 3));
        long total = BackendChoice.totalWeight(rule, b -> true);
        Map<String, Integer> picks = new HashMap<>();

        LongStream.range(0, total).forEach(draw -> picks.merge(
                BackendChoice.choose(rule, b -> true, draw).backend().orElseThrow().name(), 1, Integer::sum));

        assertThat(total).isEqualTo(4);
        assertThat(picks).containsExactlyInAnyOrderEntriesOf(Map.of("b", 1, "c", 3));
    }

    @Test
    void anUnusableBackendIsSkippedAndItsShareGoesToTheRest() {
        RouteRule rule = rule(NoValidBackend.INTERNAL_ERROR, backend("gone", 5), backend("b", 1));

        for (long draw = 0; draw < 10; draw++) {
            BackendChoice choice = BackendChoice.choose(rule, b -> !b.name().equals("gone"), draw);
            assertThat(choice.backend().map(BackendRef::name)).contains("b");
            assertThat(choice.status()).isZero();
        }
    }

    /** rule's answer when no backend is valid, backends (name:weight; "-" = unusable), expected status. */
    static Stream<Arguments> noValidBackend() {
        return Stream.of(
                Arguments.of("Ingress: every backend unusable", NoValidBackend.SERVICE_UNAVAILABLE, List.of("-a:1"), 503),
                Arguments.of("Gateway: every backendRef invalid", NoValidBackend.INTERNAL_ERROR, List.of("-a:1", "-b:2"),
                        500),
                Arguments.of("Gateway: only weight 0 is valid", NoValidBackend.INTERNAL_ERROR, List.of("a:0", "-b:1"),
                        500),
                Arguments.of("a rule with no backend at all", NoValidBackend.INTERNAL_ERROR, List.of(), 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noValidBackend")
    void aMatchedRuleWithoutAValidBackendAnswersAsItsFrontEndSays(String why, NoValidBackend answer,
                                                                   List<String> backends, int status) {
        List<BackendRef> refs = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (String spec : backends) {
            String[] parts = spec.replace("-", "").split(":");
            refs.add(backend(parts[0], Integer.parseInt(parts[1])));
            if (spec.startsWith("-")) {
                unusable.add(parts[0]);
            }
        }
        RouteRule rule = rule(answer, refs.toArray(BackendRef[]::new));

        BackendChoice choice = BackendChoice.choose(rule, b -> !unusable.contains(b.name()), 0);

        assertThat(choice.backend()).as(why).isEmpty();
        assertThat(choice.status()).as(why).isEqualTo(status);
    }

    private static Arguments row(String why, List<String> rules, String request, String expected) {
        return Arguments.of(why, rules, request, expected);
    }

    /** "TYPE value"; REGEX_CI is a case-insensitive REGEX. */
    private static RouteRule rule(String spec) {
        String[] parts = spec.split(" ", 2);
        boolean insensitive = parts[0].equals("REGEX_CI");
        RoutePath.Type type = insensitive ? RoutePath.Type.REGEX : RoutePath.Type.valueOf(parts[0]);
        RoutePath path = new RoutePath(type, parts[1], !insensitive, parts[0]);
        return new RouteRule(RuleSource.at(ROUTE, 0, 0), Optional.of(RouteConditions.path(path)), List.of(),
                List.of(backend("web", 1)), Optional.empty(), NoValidBackend.INTERNAL_ERROR, "");
    }

    private static RouteRule rule(NoValidBackend answer, BackendRef... backends) {
        RoutePath path = new RoutePath(RoutePath.Type.PREFIX, "/", true, "PathPrefix");
        return new RouteRule(RuleSource.at(ROUTE, 0, 0), Optional.of(RouteConditions.path(path)), List.of(),
                List.of(backends), Optional.empty(), answer, "");
    }

    private static String label(RoutePath path) {
        return path.writtenAs() + " " + path.value();
    }

    private static BackendRef backend(String name, int weight) {
        return new BackendRef(BackendRef.Kind.SERVICE, "shop", name, "80", Optional.of(80), weight);
    }

    private static VirtualHost host(List<RouteRule> rules, Optional<TraceNote> regexBy) {
        return new VirtualHost(HostPattern.parse("shop.example.com"), rules, Optional.empty(), regexBy, List.of(),
                RedirectDecision.none("no redirect"), Optional.empty(), List.of(ROUTE));
    }
}
