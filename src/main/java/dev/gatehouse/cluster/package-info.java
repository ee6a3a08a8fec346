/**
 * The cluster layer: kubeconfig handling, one connection ("session") to a cluster context and
 * read-only, informer-backed caches of the kinds Gatehouse shows (Ingress, Secret, Service,
 * EndpointSlice, IngressClass).
 *
 * <p>Nothing here touches JavaFX. Every callback (connection state, cache events) is delivered
 * through the {@link java.util.concurrent.Executor} given to
 * {@link dev.gatehouse.cluster.ClusterSession#open}; the UI passes {@code Platform::runLater}.
 * No call blocks on the network: connecting, listing and watching happen in the background.
 *
 * <p>Credentials (tokens, passwords, client keys, exec plugin output) and Secret data never
 * appear in logs, in {@code toString()} or in messages meant for users.
 */
package dev.gatehouse.cluster;
