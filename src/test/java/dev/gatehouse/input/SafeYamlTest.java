package dev.gatehouse.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** YAML within the limits: depth, aliases and trailing garbage are messages, never a crash. */
class SafeYamlTest {

    private final SafeYaml yaml = new SafeYaml();

    @Test
    void tenThousandNestedBracketsAreRefusedWithThePosition() {
        assertThatThrownBy(() -> yaml.loadAll("a: " + "[".repeat(10_000), "deep.yaml"))
                .isInstanceOf(InputLimitException.class)
                .hasMessage("deep.yaml nests mappings and lists deeper than 100 levels (line 1, column 103), the limit"
                        + " (yamlNestingDepth); it was not read");
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder b = new StringBuilder("a: &a [x, x]\n");
        for (int level = 0; level < 8; level++) {
            b.append("l").append(level).append(": &l").append(level).append(" [")
                    .append(("*" + (level == 0 ? "a" : "l" + (level - 1)) + ",").repeat(15)).append("x]\n");
        }
        assertThatThrownBy(() -> yaml.loadAll(b.toString(), "bomb.yaml"))
                .hasMessage("bomb.yaml uses more than 100 aliases, the limit per document (yamlAliases);"
                        + " it was not read");
    }

    @Test
    void ninetyAliasesThatExpandToBillionsAreRefusedByTheExpandedSize() {
        StringBuilder b = new StringBuilder("a0: &a0 [lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ",").repeat(9))
                    .append("*a").append(i - 1).append("]\n");
        }
        assertThatThrownBy(() -> yaml.loadAll(b.toString(), "laughs.yaml"))
                .hasMessage("laughs.yaml expands its aliases to more than 1000000 values, the limit per document"
                        + " (yamlNodes); it was not read");
    }

    @Test
    void jsonFollowedByGarbageIsASyntaxErrorWithItsPosition() {
        assertThatThrownBy(() -> yaml.loadAll("{\"kind\": \"Secret\"} trailing", "s.json"))
                .isInstanceOfSatisfying(YamlEngineException.class, e -> assertThat(SafeYaml.positionOf(e))
                        .contains(" (line 1, column 20)"));
    }

    @Test
    void jsonWithTabsAndYamlDocumentsLoad() throws InputLimitException {
        assertThat(yaml.loadAll("{\n\t\"a\": [1,\n\t\t2]\n}", "t.json")).containsExactly(Map.of("a", List.of(1, 2)));
        assertThat(yaml.loadAll("a: 1\n---\nb: 2\n", "two.yaml")).hasSize(2);
    }
}
