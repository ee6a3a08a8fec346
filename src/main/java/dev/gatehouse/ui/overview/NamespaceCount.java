package dev.gatehouse.ui.overview;

/** One line of the Overview's per-namespace table. */
public record NamespaceCount(String namespace, int ingresses, int tlsSecrets, int errors, int warnings) {
}
