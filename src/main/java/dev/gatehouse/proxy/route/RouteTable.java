package dev.gatehouse.proxy.route;

import dev.gatehouse.proxy.backend.BackendKey;
import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.GatewayFacts;
import dev.gatehouse.routing.Outcome;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.RequestHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.ServedCertificate;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.route.BackendRef;
import dev.gatehouse.routing.route.ClientCertificatePolicy;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.RouteRule;
import dev.gatehouse.routing.route.VirtualHost;
import io.netty.handler.ssl.SslContext;
import io.netty.util.Mapping;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the proxy serves between two reloads: one {@link RoutingSnapshot} of the rules, the SNI →
 * certificate mapping derived from the engine's certificate choice for every host of the neutral route
 * model ({@link VirtualHost#tls()}, client CAs from {@link VirtualHost#clientCertificate()}), and memoised
 * explanations. Every routing decision is the engine's; this class only reads them. Immutable apart
 * from its caches; shared by all I/O threads.
 */
public final class RouteTable {

    private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);
    private static final int EXPLAIN_CACHE_LIMIT = 10_000;
    /** Host of the request the engine is asked about for a TLS connection without SNI. */
    private static final String NO_SNI_HOST = "gatehouse-no-sni.invalid";
    /** The listener port the Ingress controller's HTTPS port stands for. */
    private static final int INGRESS_HTTPS_PORT = 443;

    /** A host of the rules and whether it has TLS. */
    public record HostEntry(String host, boolean wildcard, boolean tls) {
    }

    /**
     * The engine's answer for one request and what the proxy takes from it: the Service port to reach,
     * how to speak to it and whether the response gets HSTS, both read from the explanation's
     * {@link Explanation#carriage()} (nothing is decided again here). Memoised per request shape.
     */
    public record Route(Explanation explanation, Optional<BackendKey> backend, UpstreamTls upstreamTls,
                        boolean hsts, Optional<String> unsupported) {

        public Route(Explanation explanation, Optional<BackendKey> backend, UpstreamTls upstreamTls, boolean hsts) {
            this(explanation, backend, upstreamTls, hsts, Optional.empty());
        }

        /** The Gateway facts of the answer, when a Gateway listener took the request. */
        public Optional<GatewayFacts> gateway() {
            return explanation.gateway();
        }
    }

    /** The routes of one request shape: one per weighted backend the engine can choose (usually one). */
    private record Choices(long[] starts, Route[] routes, long total) {
    }

    /** A Gateway listener the table serves, for the ready line and the Proxy screen. */
    public record ServedListener(ObjectRef gateway, String name, String protocol, int port, String hostname,
                                 boolean programmed) {
    }

    private final RoutingSnapshot snapshot;
    private final IngressSniContexts sni;
    private final String source;
    private final Clock clock;
    private final Instant builtAt;
    private final Set<String> contextIds;
    private final Map<ProbeRequest, Choices> routes = new ConcurrentHashMap<>();
    private final Map<String, TlsChoice> tlsChoices = new ConcurrentHashMap<>();
    private final GatewayServing gateways;

    private RouteTable(RoutingSnapshot snapshot, IngressSniContexts sni, String source, Clock clock,
                       Set<String> contextIds, GatewayServing gateways) {
        this.snapshot = snapshot;
        this.gateways = gateways;
        this.sni = sni;
        this.source = source;
        this.clock = clock;
        this.builtAt = clock.instant();
        this.contextIds = contextIds;
    }

    /**
     * Builds the table: the TLS contexts of the hosts' Secrets and of the Gateway listeners; which certificate
     * an SNI gets is the engine's choice, asked on its first handshake ({@link IngressSniContexts}).
     *
     * @param clock "now" for the build time, client certificates' validity and the access log
     */
    public static RouteTable build(RoutingSnapshot snapshot, ServerTlsContexts tls, String source, Clock clock) {
        Set<String> ids = new HashSet<>();
        IngressSniContexts sni = IngressSniContexts.build(snapshot, tls, ids);
        GatewayServing served = GatewayServing.build(snapshot, tls, ids, clock);
        tls.retainOnly(ids);
        return new RouteTable(snapshot, sni, source, clock, ids, served);
    }

    /** SNI host name → TLS context; {@code null} (no SNI) and unknown names give the default certificate. */
    public Mapping<String, SslContext> sniMapping() {
        return sni;
    }

    /** The engine's explanation of a request (memoised per snapshot: the answer cannot change). */
    public Explanation explain(ProbeRequest request) {
        return route(request).explanation();
    }

    /** The engine's explanation of a request with the proxy's derived facts (memoised per snapshot); draw 0. */
    public Route route(ProbeRequest request) {
        return route(request, total -> 0);
    }

    /**
     * The engine's explanation of a request with the proxy's derived facts, memoised per request shape (the
     * {@link ProbeRequest} holds everything a rule can match on: method, host, port, path, query, SNI and the
     * headers some route matches on). When the matched rule splits traffic by weight, {@code draw} picks the
     * backend for this request; the engine made one answer per backend.
     */
    public Route route(ProbeRequest request, WeightDraw draw) {
        Choices choices = routes.get(request);
        if (choices == null) {
            choices = choices(request);
            if (routes.size() >= EXPLAIN_CACHE_LIMIT) {
                routes.clear();
            }
            routes.put(request, choices);
        }
        if (choices.routes().length == 1) {
            return choices.routes()[0];
        }
        long point = Math.floorMod(draw.draw(choices.total()), choices.total());
        int i = choices.starts().length - 1;
        while (i > 0 && choices.starts()[i] > point) {
            i--;
        }
        return choices.routes()[i];
    }

    private Choices choices(ProbeRequest request) {
        Explanation first = snapshot.explain(request);
        Optional<GatewayFacts> facts = first.gateway();
        long total = facts.map(GatewayFacts::totalWeight).orElse(0L);
        List<GatewayFacts.Backend> shares = facts.map(f -> f.backends().stream()
                .filter(b -> b.valid() && b.weight() > 0).toList()).orElse(List.of());
        if (first.decision().outcome() == Outcome.REDIRECT || shares.size() < 2) {
            return new Choices(new long[] {0}, new Route[] {derive(first)}, 1);
        }
        long[] starts = new long[shares.size()];
        Route[] out = new Route[shares.size()];
        long start = 0;
        for (int i = 0; i < shares.size(); i++) {
            starts[i] = start;
            out[i] = derive(i == 0 ? first : snapshot.explain(request, start));
            start += shares.get(i).weight();
        }
        return new Choices(starts, out, total);
    }

    private Route derive(Explanation explained) {
        Optional<String> unsupported = explained.gateway()
                .filter(f -> explained.decision().outcome() == Outcome.NOT_FOUND)
                .flatMap(f -> gateways.grpcRoute(f, explained.request().host()))
                .map(r -> r.ref() + " would take " + explained.request().host() + ", but the local proxy does not"
                        + " serve GRPCRoutes (gRPC routing is not implemented in Gatehouse yet)");
        return new Route(explained, backendKey(explained), UpstreamTls.of(explained.carriage().upstream()),
                explained.carriage().hsts().isPresent(), unsupported);
    }

    /**
     * What to do with a TLS connection on a listener port once its SNI is known (memoised): the engine explains a
     * request for that name and port; a Gateway listener's answer gives its certificate, a TLSRoute passthrough,
     * or nothing (not programmed: the handshake fails); any other name gets the Ingress certificate mapping.
     *
     * @param listenerPort the Gateway listener port the connection's local port serves
     */
    public TlsChoice tls(int listenerPort, Optional<String> sni) {
        if (snapshot.gateways().isEmpty()) {
            return new TlsChoice.Terminate(sniMapping().map(sni.orElse(null)));
        }
        String key = listenerPort + "/" + sni.orElse("");
        TlsChoice cached = tlsChoices.get(key);
        if (cached != null) {
            return cached;
        }
        TlsChoice choice = decideTls(listenerPort, sni);
        if (tlsChoices.size() >= EXPLAIN_CACHE_LIMIT) {
            tlsChoices.clear();
        }
        tlsChoices.put(key, choice);
        return choice;
    }

    private TlsChoice decideTls(int listenerPort, Optional<String> sni) {
        ProbeRequest probe = new ProbeRequest("GET", "https", sni.orElse(NO_SNI_HOST), listenerPort, "/", "", sni,
                ClientCertificate.NONE);
        Explanation e = snapshot.explain(probe);
        if (e.gateway().isEmpty()) {
            if (ingressesServe(listenerPort)) {
                return new TlsChoice.Terminate(sniMapping().map(sni.orElse(null)));
            }
            return TlsChoice.Refuse.unknownName("no HTTPS listener takes " + sni.map(s -> "SNI " + s)
                    .orElse("a connection without SNI") + " on port " + listenerPort + " ("
                    + e.trace().stream().findFirst().map(t -> t.reason().replace(", so the Ingress controller answers", ""))
                    .orElse("no Gateway listener matches") + ") and no Ingress is served here: the Gateway refuses the"
                    + " handshake");
        }
        if (e.decision().outcome() == Outcome.PASSTHROUGH) {
            return backendKey(e).<TlsChoice>map(k -> new TlsChoice.Passthrough(k, e.decision().summary()))
                    .orElseGet(() -> new TlsChoice.Refuse(e.decision().summary()));
        }
        Optional<SslContext> context = e.certificate().filter(ServedCertificate.FromSecret.class::isInstance)
                .map(ServedCertificate.FromSecret.class::cast)
                .flatMap(c -> gateways.context(e.gateway().orElseThrow(), c.secret()));
        return context.<TlsChoice>map(TlsChoice.Terminate::new).orElseGet(() -> new TlsChoice.Refuse(
                e.decision().summary()));
    }

    /**
     * Whether the Ingress side answers a TLS connection no Gateway listener takes: ingress-nginx listens on the HTTPS
     * port (listener port 443) and serves its default certificate for a name it does not know, but only where it
     * serves Ingresses at all; a Gateway alone has no default certificate and refuses the handshake.
     */
    private boolean ingressesServe(int listenerPort) {
        return listenerPort == INGRESS_HTTPS_PORT && !snapshot.model().classes().accepted().isEmpty();
    }

    /** The headers of a request that some HTTPRoute matches on, for the {@link ProbeRequest}. */
    public RequestHeaders matchHeaders(HttpHeaders headers) {
        return gateways.matchHeaders(headers);
    }

    /** Whether the rules have Gateways (then local ports are translated to listener ports). */
    public boolean hasGateways() {
        return !snapshot.gateways().isEmpty();
    }

    /** Listener ports of the Gateways served → whether each speaks TLS. */
    public Map<Integer, Boolean> listenerPorts() {
        return gateways.ports();
    }

    /** The listeners of the accepted Gateways, in input order. */
    public List<ServedListener> listeners() {
        return gateways.listeners().stream().map(l -> new ServedListener(l.gateway(), l.name(), l.protocolName(),
                l.port(), l.hostname().display(), l.programmed())).toList();
    }

    /**
     * The engine's view of a presented client certificate for a request host: verified against the
     * {@code ca.crt} of the host's {@code auth-tls-secret}.
     */
    public ClientCertificate clientCertificate(String host, List<X509Certificate> presented) {
        if (presented.isEmpty()) {
            return ClientCertificate.NONE;
        }
        VirtualHost found = snapshot.model().routes().lookup(host).host();
        return ClientCertificates.verify(presented, clientCas(found), clock.instant());
    }

    /** CA certificates to ask clients for, when the host checks client certificates. */
    private static List<X509Certificate> clientCas(VirtualHost host) {
        return host.clientCertificate().map(ClientCertificatePolicy::requestedCas).orElse(List.of());
    }

    /**
     * A presented client certificate as the Gateway listener on {@code listenerPort} chosen by {@code sni} sees it:
     * verified against the CA of its {@code spec.tls.frontend} validation; empty when that listener validates no
     * client certificates.
     */
    public Optional<ClientCertificate> gatewayClientCertificate(int listenerPort, Optional<String> sni,
                                                                List<X509Certificate> presented) {
        Optional<ClientCertificatePolicy> policy = snapshot.gateways().select(listenerPort, "https", sni).chosen()
                .flatMap(GatewayListener::clientCertificate);
        return policy.map(p -> ClientCertificates.verify(presented, p.requestedCas(), clock.instant()));
    }

    /** The Service ports the rules send traffic to, for the backend table. */
    public List<BackendKey> backends() {
        Map<String, BackendKey> keys = new LinkedHashMap<>();
        for (GatewayListener listener : gateways.listeners()) {
            snapshot.gateways().rules(listener.key()).forEach(r -> r.rule().backends()
                    .forEach(b -> key(b).ifPresent(k -> keys.putIfAbsent(k.display(), k))));
            snapshot.gateways().tlsRoutes(listener.key()).forEach(t -> t.backends()
                    .forEach(b -> key(b.ref()).ifPresent(k -> keys.putIfAbsent(k.display(), k))));
        }
        for (VirtualHost host : snapshot.model().routes().all()) {
            List<RouteRule> rules = new ArrayList<>(host.rules());
            host.fallback().ifPresent(rules::add);
            for (RouteRule rule : rules) {
                rule.backends().forEach(b -> key(b).ifPresent(k -> keys.putIfAbsent(k.display(), k)));
            }
        }
        List<BackendKey> out = new ArrayList<>(keys.values());
        out.sort(java.util.Comparator.comparing(BackendKey::display));
        return out;
    }

    private Optional<BackendKey> key(BackendRef backend) {
        if (backend.kind() != BackendRef.Kind.SERVICE) {
            return Optional.empty();
        }
        ResolvedBackend resolved = snapshot.model().backends().resolve(backend);
        return resolved.service().filter(s -> !resolved.port().isEmpty())
                .map(s -> new BackendKey(s.namespace(), s.name(), resolved.port(), resolved.servicePort()));
    }

    /** The backend key of an explanation's backend. */
    public static Optional<BackendKey> backendKey(Explanation explanation) {
        return explanation.backend().flatMap(b -> b.service().filter(s -> !b.port().isEmpty())
                .map(s -> new BackendKey(s.namespace(), s.name(), b.port(), b.servicePort())));
    }

    /** Hosts of the rules, sorted, with whether each has TLS. */
    public List<HostEntry> hosts() {
        List<HostEntry> out = new ArrayList<>();
        for (VirtualHost host : snapshot.model().routes().all()) {
            if (!host.catchAll()) {
                out.add(new HostEntry(host.pattern().host(), host.pattern().kind() == HostPattern.Kind.WILDCARD,
                        host.tls().enabled()));
            }
        }
        return out;
    }

    public RoutingSnapshot snapshot() {
        return snapshot;
    }

    /** What the rules came from. */
    public String source() {
        return source;
    }

    /** The clock the table judges time by (the engine's). */
    public Clock clock() {
        return clock;
    }

    public Instant builtAt() {
        return builtAt;
    }

    /** Number of Ingresses the controller handles in this table. */
    public int ingressCount() {
        return snapshot.model().classes().accepted().size();
    }

    Set<String> contextIds() {
        return contextIds;
    }
}
