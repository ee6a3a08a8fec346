package dev.gatehouse.routing.route;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.OptionalInt;

/**
 * Where a rule came from, so traces and diagnostics can name it.
 *
 * @param object    the source object (an Ingress, an HTTPRoute)
 * @param ruleIndex 0-based rule index in it (empty for a default backend)
 * @param pathIndex 0-based path / match index in the rule (empty for a default backend)
 */
public record RuleSource(ObjectRef object, OptionalInt ruleIndex, OptionalInt pathIndex) {

    /** A rule at {@code rules[rule].…[path]} of {@code object}. */
    public static RuleSource at(ObjectRef object, int rule, int path) {
        return new RuleSource(object, OptionalInt.of(rule), OptionalInt.of(path));
    }

    /** A whole-object default (Ingress {@code spec.defaultBackend}). */
    public static RuleSource whole(ObjectRef object) {
        return new RuleSource(object, OptionalInt.empty(), OptionalInt.empty());
    }
}
