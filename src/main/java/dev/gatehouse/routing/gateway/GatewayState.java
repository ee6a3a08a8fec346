package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.SecretState;
import dev.gatehouse.routing.route.Upstream;
import dev.gatehouse.routing.route.UpstreamClientCertificate;
import dev.gatehouse.tls.ParsedMaterial;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Gateway as a conformant controller sees it.
 *
 * @param ref              the Gateway
 * @param className        {@code spec.gatewayClassName}
 * @param gatewayClass     that class, if it is in the input
 * @param listeners        its listeners, then those of attached ListenerSets
 * @param conditions       Accepted and Programmed
 * @param listenerSets     ListenerSets naming this Gateway → why they are (not) attached
 * @param backendClientCertificate {@code spec.tls.backend.clientCertificateRef}, resolved, if set
 */
public record GatewayState(ObjectRef ref, String className, Optional<GatewayClassState> gatewayClass,
                           List<GatewayListener> listeners, List<Condition> conditions,
                           Map<ObjectRef, Condition> listenerSets, Optional<CertificateRef> backendClientCertificate) {

    public GatewayState {
        listeners = List.copyOf(listeners);
        conditions = List.copyOf(conditions);
        listenerSets = Map.copyOf(listenerSets);
    }

    /** A Gateway without a backend client certificate. */
    public GatewayState(ObjectRef ref, String className, Optional<GatewayClassState> gatewayClass,
                        List<GatewayListener> listeners, List<Condition> conditions,
                        Map<ObjectRef, Condition> listenerSets) {
        this(ref, className, gatewayClass, listeners, conditions, listenerSets, Optional.empty());
    }

    /**
     * The client certificate the Gateway presents on every TLS connection to a backend: the key and chain of a
     * usable {@code clientCertificateRef} (no key material when the Secret is not in the input); empty when none
     * is set or it cannot be used (the Gateway then presents none).
     */
    public Optional<UpstreamClientCertificate> upstreamClientCertificate() {
        return backendClientCertificate.filter(CertificateRef::usable).map(c -> {
            Optional<SecretState> state = c.state().filter(SecretState::servable);
            return new UpstreamClientCertificate(c.secret(), state.flatMap(SecretState::key)
                    .flatMap(ParsedMaterial::firstKey).map(k -> k.privateKey()), state.flatMap(SecretState::certificate)
                    .map(ParsedMaterial::chain).orElse(List.of()));
        });
    }

    /**
     * How the Gateway carries a request to a backend: {@code upstream} (a BackendTLSPolicy's TLS, or plain HTTP)
     * with the Gateway's client certificate when the leg is TLS and {@link #upstreamClientCertificate()} has one.
     */
    public Upstream carrying(Upstream upstream) {
        Optional<UpstreamClientCertificate> client = upstreamClientCertificate();
        return upstream.tls() && client.isPresent() ? new Upstream(upstream.protocol(), upstream.verification(),
                upstream.reason(), upstream.caSecret(), upstream.caCertificates(), upstream.serverName(), client)
                : upstream;
    }

    public Optional<Condition> condition(String type) {
        return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
    }

    /** The Gateway is accepted (its class is accepted and at least one listener is valid). */
    public boolean accepted() {
        return condition(Condition.ACCEPTED).map(Condition::status).orElse(false);
    }

    public Optional<GatewayListener> listener(String name) {
        return listeners.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
