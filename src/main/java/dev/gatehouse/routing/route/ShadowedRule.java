package dev.gatehouse.routing.route;

/**
 * A rule that never takes a request because an earlier rule of the host has the same match.
 *
 * @param rule   the rule as it would act
 * @param winner the rule that takes its requests
 * @param note   the trace sentence saying why
 */
public record ShadowedRule(RouteRule rule, RuleSource winner, TraceNote note) {
}
