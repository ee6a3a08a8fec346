package dev.gatehouse.proxy.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * A Service port as an Ingress names it.
 *
 * @param namespace   the Service's namespace
 * @param service     the Service's name
 * @param port        the port as the Ingress names it: a number or a port name
 * @param servicePort the Service port number, when the cluster view resolved it
 */
public record BackendKey(String namespace, String service, String port, Optional<Integer> servicePort) {

    public BackendKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(servicePort, "servicePort");
    }

    /** {@code namespace/service:port}, the form {@code --backend} takes. */
    public String display() {
        return namespace + "/" + service + ":" + port;
    }

    /** The Service port number: the resolved one, or the port itself when the Ingress names it by number. */
    public Optional<Integer> number() {
        if (servicePort.isPresent()) {
            return servicePort;
        }
        try {
            return Optional.of(Integer.parseInt(port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return display();
    }
}
