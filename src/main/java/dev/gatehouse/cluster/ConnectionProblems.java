package dev.gatehouse.cluster;

/**
 * Plain words for a failed request to an API server, for callers outside a {@link ClusterSession} (the
 * one-shot CLI commands): the same messages a session shows, built from status codes, exception types
 * and the server address only.
 */
public final class ConnectionProblems {

    private ConnectionProblems() {
    }

    /**
     * @param server  the API server URL, or null when unknown
     * @param context the kubeconfig context
     */
    public static String describe(Throwable failure, String server, String context) {
        String plain = server == null ? null : KubeconfigSource.withoutUserInfo(server);
        return Failure.ofRequest(failure, plain, context, plain == null ? null : SessionSettings.defaults()
                .connectTimeout()).message();
    }
}
