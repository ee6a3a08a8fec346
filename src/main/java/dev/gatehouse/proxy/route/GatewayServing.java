package dev.gatehouse.proxy.route;

import dev.gatehouse.routing.GatewayFacts;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.gateway.CertificateRef;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayRule;
import dev.gatehouse.routing.gateway.ListenerKey;
import dev.gatehouse.routing.gateway.ListenerProtocol;
import dev.gatehouse.routing.gateway.RouteState;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.SecretState;
import dev.gatehouse.routing.route.ClientCertificatePolicy;
import dev.gatehouse.routing.route.RequestHeaders;
import dev.gatehouse.routing.route.ValueMatch;
import dev.gatehouse.tls.ParsedMaterial;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.ssl.SslContext;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the proxy needs to serve the Gateway listeners of one snapshot, read from the engine's {@link GatewayModel}:
 * a TLS context per certificate a listener serves (by Secret; per listener too when the listener validates client
 * certificates, read from its neutral {@code ClientCertificatePolicy}), the header names some HTTPRoute matches on (the
 * only headers put into the request the engine is asked about, so that equal requests stay equal), the listeners
 * to show, and which listeners have GRPCRoutes. Decides nothing: the engine's explanation says which listener and
 * which certificate.
 */
final class GatewayServing {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServing.class);

    static final GatewayServing NONE = new GatewayServing(Map.of(), Set.of(), List.of(), List.of(), GatewayModel.EMPTY);

    /** A listener certificate's context: shared by Secret, or the one of a listener that validates clients. */
    private record ContextKey(ObjectRef secret, Optional<ListenerKey> validating) {
    }

    private final Map<ContextKey, SslContext> contexts;
    private final Set<String> headerNames;
    private final List<GatewayListener> listeners;
    private final List<RouteState> grpcRoutes;
    private final GatewayModel model;

    private GatewayServing(Map<ContextKey, SslContext> contexts, Set<String> headerNames, List<GatewayListener> listeners,
                           List<RouteState> grpcRoutes, GatewayModel model) {
        this.contexts = contexts;
        this.headerNames = headerNames;
        this.listeners = listeners;
        this.grpcRoutes = grpcRoutes;
        this.model = model;
    }

    /**
     * @param ids   receives the identity of every context in use (so the others can be dropped)
     * @param clock the time client certificates are verified at in the handshake
     */
    static GatewayServing build(RoutingSnapshot snapshot, ServerTlsContexts tls, Set<String> ids, Clock clock) {
        GatewayModel model = snapshot.gateways();
        if (model.isEmpty()) {
            return NONE;
        }
        Map<ContextKey, SslContext> contexts = new HashMap<>();
        Set<String> headers = new LinkedHashSet<>();
        List<GatewayListener> listeners = new ArrayList<>();
        model.gateways().stream().filter(g -> g.accepted()).forEach(g -> listeners.addAll(g.listeners()));
        for (GatewayListener listener : listeners) {
            Optional<ClientCertificatePolicy> policy = listener.clientCertificate()
                    .filter(p -> !p.requestedCas().isEmpty());
            for (CertificateRef ref : listener.certificates()) {
                ContextKey key = new ContextKey(ref.secret(), policy.map(p -> listener.key()));
                if (ref.usable() && !contexts.containsKey(key)) {
                    ref.state().filter(SecretState::servable).ifPresent(state -> context(state, policy, tls, ids, clock)
                            .ifPresent(c -> contexts.put(key, c)));
                }
            }
            for (GatewayRule rule : model.rules(listener.key())) {
                rule.rule().match().stream().flatMap(m -> m.headers().stream()).map(ValueMatch::name)
                        .forEach(n -> headers.add(n.toLowerCase(Locale.ROOT)));
            }
        }
        List<RouteState> grpc = model.routes().stream().filter(r -> r.ref().kind().equals("GRPCRoute")).toList();
        return new GatewayServing(contexts, Set.copyOf(headers), List.copyOf(listeners), grpc, model);
    }

    /** With a policy, the context asks for client certificates; AllowValidOnly fails the handshake without one. */
    private static Optional<SslContext> context(SecretState state, Optional<ClientCertificatePolicy> policy,
                                                ServerTlsContexts tls, Set<String> ids, Clock clock) {
        Optional<PrivateKey> key = state.key().flatMap(ParsedMaterial::firstKey).map(k -> k.privateKey());
        List<X509Certificate> chain = state.certificate().map(ParsedMaterial::chain).orElse(List.of());
        if (key.isEmpty() || chain.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<X509Certificate> cas = policy.map(ClientCertificatePolicy::requestedCas).orElse(List.of());
            boolean required = policy.map(ClientCertificatePolicy::refusesHandshake).orElse(false);
            SslContext context = tls.context(key.get(), chain, cas, required ? Optional.of(clock) : Optional.empty());
            ids.add(ServerTlsContexts.id(key.get(), chain, cas, required));
            return Optional.of(context);
        } catch (SSLException | RuntimeException e) {
            LOG.warn("Cannot serve Secret {} for a Gateway listener: {}", state.ref().path(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The context for a listener certificate the engine chose, if it can be served. */
    Optional<SslContext> context(ObjectRef secret) {
        return Optional.ofNullable(contexts.get(new ContextKey(secret, Optional.empty())));
    }

    /**
     * The context for the certificate the engine chose for the listener of {@code facts}: the listener's own when
     * it validates client certificates, else the Secret's shared one.
     */
    Optional<SslContext> context(GatewayFacts facts, ObjectRef secret) {
        return listener(facts).map(l -> contexts.get(new ContextKey(secret, Optional.of(l.key()))))
                .or(() -> context(secret));
    }

    /** The listener an explanation's Gateway facts name. */
    Optional<GatewayListener> listener(GatewayFacts facts) {
        return model.listeners().stream().filter(l -> l.gateway().equals(facts.gateway())
                && l.name().equals(facts.listener())).findFirst();
    }

    /** The headers of a request that some HTTPRoute matches on (none when no route matches on headers). */
    RequestHeaders matchHeaders(HttpHeaders headers) {
        if (headerNames.isEmpty()) {
            return RequestHeaders.empty();
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String name : headerNames) {
            List<String> found = headers.getAll(name);
            if (!found.isEmpty()) {
                values.put(name, found);
            }
        }
        return values.isEmpty() ? RequestHeaders.empty() : new RequestHeaders(values);
    }

    /** Listeners of accepted Gateways, in input order. */
    List<GatewayListener> listeners() {
        return listeners;
    }

    /** Listener port → whether it speaks TLS (HTTPS or TLS), for the ports the proxy must listen on. */
    Map<Integer, Boolean> ports() {
        Map<Integer, Boolean> out = new LinkedHashMap<>();
        for (GatewayListener l : listeners) {
            Optional<ListenerProtocol> p = l.protocol();
            if (p.isPresent() && (p.get() == ListenerProtocol.HTTP || p.get() == ListenerProtocol.HTTPS
                    || p.get() == ListenerProtocol.TLS)) {
                out.merge(l.port(), p.get() != ListenerProtocol.HTTP, (a, b) -> a || b);
            }
        }
        return out;
    }

    /** A GRPCRoute attached to the listener that took the request covers its host: the proxy answers 501 for it. */
    Optional<RouteState> grpcRoute(GatewayFacts facts, String host) {
        Optional<GatewayListener> listener = listener(facts);
        if (listener.isEmpty()) {
            return Optional.empty();
        }
        return grpcRoutes.stream()
                .filter(r -> r.parents().stream().anyMatch(p -> p.attachedTo().contains(listener.get().key())))
                .filter(r -> r.hostnames().isEmpty() || r.hostnames().stream().anyMatch(h -> h.matches(host)))
                .findFirst();
    }
}
