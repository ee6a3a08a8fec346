package dev.gatehouse.ui.overview;

/**
 * One line of the Overview's per-namespace table.
 *
 * @param gatewayApi Gateways and HTTPRoutes in the namespace
 */
public record NamespaceCount(String namespace, int ingresses, int gatewayApi, int tlsSecrets, int errors, int warnings) {
}
