package dev.gatehouse.probe;

import java.util.Optional;

/**
 * The outcome of one connection: a handshake, or why there was none; when a request was sent after the
 * handshake, its response head or why there was none.
 *
 * @param handshake the completed handshake
 * @param response  the response head to {@code GET /}, when asked for and received
 * @param problem   why there was no handshake (handshake empty), or no response (handshake present)
 */
public record Attempt(Optional<Handshake> handshake, Optional<HttpHead> response, Optional<NetworkProblem> problem) {

    public static Attempt failed(NetworkProblem problem) {
        return new Attempt(Optional.empty(), Optional.empty(), Optional.of(problem));
    }

    public static Attempt completed(Handshake handshake) {
        return new Attempt(Optional.of(handshake), Optional.empty(), Optional.empty());
    }

    public boolean succeeded() {
        return handshake.isPresent();
    }

    /** The handshake's problem, when there was no handshake. */
    public Optional<NetworkProblem> handshakeProblem() {
        return handshake.isPresent() ? Optional.empty() : problem;
    }
}
