package dev.gatehouse.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * One context of a kubeconfig: the names it refers to, never any credential.
 *
 * @param name      the context's name, as {@code kubectl config use-context} takes it
 * @param cluster   the name of the cluster entry it uses
 * @param user      the name of the user entry it uses, empty when the context has none
 * @param namespace the context's default namespace, empty when it sets none
 */
public record KubeContext(String name, String cluster, String user, String namespace) {

    public KubeContext {
        Objects.requireNonNull(name, "name");
        cluster = cluster == null ? "" : cluster;
        user = user == null ? "" : user;
        namespace = namespace == null ? "" : namespace;
    }

    /** The default namespace of this context, if it sets one. */
    public Optional<String> defaultNamespace() {
        return namespace.isEmpty() ? Optional.empty() : Optional.of(namespace);
    }
}
