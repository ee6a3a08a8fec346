package dev.gatehouse.cli;

import dev.gatehouse.cluster.KubeconfigException;
import dev.gatehouse.cluster.KubeconfigSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/**
 * A client for a command that reads or writes a few objects and exits: no informer caches, no watches
 * (they would only be opened to be closed again).
 */
final class OneShotClient {

    private OneShotClient() {
    }

    /** Opens a client for the context, or throws with a plain message. */
    static KubernetesClient open(Path kubeconfig, String context) throws KubeconfigException {
        KubeconfigSource source = kubeconfig != null ? KubeconfigSource.fromFile(kubeconfig)
                : KubeconfigSource.fromEnvironment();
        return source.oneShotClient(context);
    }
}
