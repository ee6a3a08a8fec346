package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.ClientCertificatePolicy;
import dev.gatehouse.routing.route.HostPattern;
import java.util.List;
import java.util.Optional;

/**
 * One listener of a Gateway (its own, or one of a ListenerSet attached to it), with its resolved certificates
 * and the status conditions a conformant controller writes for it.
 *
 * @param key           owner and name
 * @param gateway       the Gateway the listener is served by
 * @param port          the port
 * @param protocol      the protocol; empty when the API value is not one Gatehouse knows (the listener is not
 *                      accepted)
 * @param protocolName  the protocol as written
 * @param hostname      the hostname (ANY when none)
 * @param tlsMode       {@code Terminate} or {@code Passthrough} for HTTPS/TLS; empty otherwise
 * @param certificates  {@code tls.certificateRefs}, resolved
 * @param namespaces    which namespaces' routes may attach
 * @param kinds         the route kinds that may attach (supported ones only)
 * @param conditions    Accepted, Programmed, ResolvedRefs, Conflicted
 * @param frontendValidation the client-certificate validation the Gateway's {@code spec.tls.frontend} gives this
 *                      (HTTPS) listener, if any
 */
public record GatewayListener(ListenerKey key, ObjectRef gateway, int port, Optional<ListenerProtocol> protocol,
                              String protocolName, HostPattern hostname, Optional<String> tlsMode,
                              List<CertificateRef> certificates, RouteNamespaces namespaces, List<String> kinds,
                              List<Condition> conditions, Optional<FrontendValidation> frontendValidation) {

    public GatewayListener {
        certificates = List.copyOf(certificates);
        kinds = List.copyOf(kinds);
        conditions = List.copyOf(conditions);
    }

    /** A listener without client-certificate validation. */
    public GatewayListener(ListenerKey key, ObjectRef gateway, int port, Optional<ListenerProtocol> protocol,
                           String protocolName, HostPattern hostname, Optional<String> tlsMode,
                           List<CertificateRef> certificates, RouteNamespaces namespaces, List<String> kinds,
                           List<Condition> conditions) {
        this(key, gateway, port, protocol, protocolName, hostname, tlsMode, certificates, namespaces, kinds, conditions,
                Optional.empty());
    }

    /** The neutral client-certificate policy of the listener, if it validates client certificates. */
    public Optional<ClientCertificatePolicy> clientCertificate() {
        return frontendValidation.map(FrontendValidation::policy);
    }

    public String name() {
        return key.name();
    }

    /** The condition of that type, if written. */
    public Optional<Condition> condition(String type) {
        return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
    }

    /** Programmed: the listener serves traffic. A listener that is not programmed serves nothing. */
    public boolean programmed() {
        return condition(Condition.PROGRAMMED).map(Condition::status).orElse(false);
    }

    /** TLS is terminated here (HTTPS, or TLS in Terminate mode). */
    public boolean terminatesTls() {
        return protocol.map(p -> p == ListenerProtocol.HTTPS
                || (p == ListenerProtocol.TLS && "Terminate".equals(tlsMode.orElse("")))).orElse(false);
    }

    /** The first usable certificate (the one served when SNI picks this listener). */
    public Optional<CertificateRef> servedCertificate() {
        return certificates.stream().filter(CertificateRef::usable).findFirst();
    }

    /** {@code https (HTTPS :443, *.example.com)}. */
    public String display() {
        return key.name() + " (" + protocolName + " :" + port + ", " + hostname.display() + ")";
    }
}
