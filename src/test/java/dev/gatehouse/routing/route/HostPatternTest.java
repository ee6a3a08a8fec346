package dev.gatehouse.routing.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How far a wildcard reaches is a property of the pattern: one label (Ingress) or one or more (Gateway API). */
class HostPatternTest {

    @ParameterizedTest(name = "{0} vs {1}: Ingress {2}, Gateway API {3}")
    @CsvSource({
            "*.example.com, a.example.com,     true,  true",
            "*.example.com, a.b.example.com,   false, true",
            "*.example.com, example.com,       false, false",
            "*.example.com, a.example.org,     false, false",
            "*.example.com, aexample.com,      false, false",
            "shop.example.com, shop.example.com, true, true",
            "shop.example.com, a.shop.example.com, false, false",
            "'',            anything.test,     true,  true"})
    void wildcardReach(String pattern, String host, boolean ingress, boolean gateway) {
        HostPattern parsed = HostPattern.parse(pattern);
        assertThat(parsed.span()).isEqualTo(HostPattern.WildcardSpan.ONE_LABEL);
        assertThat(parsed.matches(host)).as("Ingress").isEqualTo(ingress);
        assertThat(parsed.withSpan(HostPattern.WildcardSpan.ONE_OR_MORE_LABELS).matches(host)).as("Gateway API")
                .isEqualTo(gateway);
    }
}
