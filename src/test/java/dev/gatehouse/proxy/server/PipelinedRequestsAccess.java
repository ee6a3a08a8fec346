package dev.gatehouse.proxy.server;

/** The pipelining bound, for tests outside this package. */
public final class PipelinedRequestsAccess {

    private PipelinedRequestsAccess() {
    }

    /** Requests of one burst that are answered before the rest is refused: the one answered and those waiting. */
    public static int maxAnswered() {
        return PipelinedRequests.MAX_WAITING + 1;
    }
}
