package dev.gatehouse.migrate;

import java.util.Optional;

/**
 * Where the converted listeners go: a new Gateway, or an existing Gateway of the input that gets listeners
 * added ({@code --gateway NAME}).
 *
 * @param namespace    the Gateway's namespace (default: the selected Ingresses' namespace when they share one,
 *                     else {@code default})
 * @param name         the Gateway's name ({@value #DEFAULT_NAME} by default); an existing Gateway of that name
 *                     is extended instead of a new one created
 * @param gatewayClass the GatewayClass of a new Gateway (default: the input's only GatewayClass, else
 *                     {@value #DEFAULT_CLASS})
 */
public record GatewayTarget(Optional<String> namespace, Optional<String> name, Optional<String> gatewayClass) {

    public static final String DEFAULT_NAME = "ingress-nginx-migrated";
    public static final String DEFAULT_CLASS = "gateway";

    public static GatewayTarget newGateway() {
        return new GatewayTarget(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A Gateway given as {@code NAME} or {@code NAMESPACE/NAME}. */
    public static GatewayTarget named(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? new GatewayTarget(Optional.empty(), Optional.of(text), Optional.empty())
                : new GatewayTarget(Optional.of(text.substring(0, slash)), Optional.of(text.substring(slash + 1)),
                Optional.empty());
    }

    public GatewayTarget withClass(String className) {
        return new GatewayTarget(namespace, name, Optional.of(className));
    }
}
