package dev.gatehouse.routing;

import java.util.Optional;

/**
 * The answer to "what happens to this request".
 *
 * @param outcome      what the controller does
 * @param status       the HTTP status the client gets (0 = decided by the backend, for passthrough)
 * @param summary      one plain sentence
 * @param redirectTo   the Location of a redirect
 * @param upstreamPath the path the backend receives, when {@code rewrite-target} changes it
 */
public record Decision(Outcome outcome, int status, String summary, Optional<String> redirectTo,
                       Optional<String> upstreamPath) {

    static Decision of(Outcome outcome, String summary) {
        return new Decision(outcome, outcome.status(), summary, Optional.empty(), Optional.empty());
    }
}
