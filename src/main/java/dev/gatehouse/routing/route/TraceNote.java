package dev.gatehouse.routing.route;

/**
 * A sentence the front-end hands to the engine's trace, as data.
 *
 * @param subject the candidate it is about
 * @param reason  a plain sentence
 */
public record TraceNote(String subject, String reason) {
}
