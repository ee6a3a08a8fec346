package dev.gatehouse.cli;

import dev.gatehouse.cluster.ConnectionProblems;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Plain words for a failed API request, from the status code and the server's fixed reason only. */
final class KubeErrors {

    private KubeErrors() {
    }

    static String plain(KubernetesClientException e, String context) {
        return switch (e.getCode()) {
            case -1, 0 -> "context " + context + ": " + ConnectionProblems.describe(e, null, context);
            case 401 -> "the API server of context " + context + " rejected the credentials (401): its token or"
                    + " client certificate is not, or no longer, accepted; get fresh credentials and retry";
            case 403 -> "no permission (403)";
            case 404 -> "not found (404)";
            default -> "the API server answered " + e.getCode()
                    + (e.getStatus() != null && e.getStatus().getReason() != null ? " (" + e.getStatus().getReason() + ")" : "");
        };
    }
}
