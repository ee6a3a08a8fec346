package dev.gatehouse.proxy.route;

import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.ServedCertificate;
import dev.gatehouse.routing.route.ClientCertificatePolicy;
import dev.gatehouse.routing.route.HostTable;
import dev.gatehouse.routing.route.ServingSecret;
import dev.gatehouse.routing.route.VirtualHost;
import io.netty.handler.ssl.SslContext;
import io.netty.util.Mapping;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SNI → TLS context for the Ingress side of a {@link RouteTable}. The contexts of every servable Secret of the
 * hosts are made when the table is built (a reload pays for new certificates, not the first handshake); which
 * one an SNI gets is the engine's certificate choice for that very name ({@link RoutingSnapshot#certificate}),
 * asked on the first handshake with it and remembered — so a reload of a thousand hosts does not explain a
 * thousand requests before it can serve. Names without a certificate of their own get the default context.
 */
final class IngressSniContexts implements Mapping<String, SslContext> {

    private static final Logger LOG = LoggerFactory.getLogger(IngressSniContexts.class);
    /** At most this many names are remembered (clients may send any SNI); then the memo starts again. */
    private static final int MEMO_LIMIT = 10_000;

    private final RoutingSnapshot snapshot;
    private final SslContext defaultContext;
    private final Map<String, SslContext> byHost;
    private final Map<String, SslContext> memo = new ConcurrentHashMap<>();

    private IngressSniContexts(RoutingSnapshot snapshot, SslContext defaultContext, Map<String, SslContext> byHost) {
        this.snapshot = snapshot;
        this.defaultContext = defaultContext;
        this.byHost = byHost;
    }

    /**
     * Makes (or takes from {@code tls}) the context of every host's servable Secret, with the host's client CAs.
     *
     * @param ids receives the identity of every context in use, for {@link ServerTlsContexts#retainOnly}
     */
    static IngressSniContexts build(RoutingSnapshot snapshot, ServerTlsContexts tls, Set<String> ids) {
        ServerTlsContexts.BuildMemo contexts = tls.memo(); // hosts sharing a Secret share its context
        Map<String, SslContext> byHost = new HashMap<>();
        for (HostTable.TlsView host : snapshot.model().routes().tls()) { // no route built: reloads stay cheap
            Optional<ServingSecret> secret = host.tls().secret();
            if (host.catchAll() || secret.isEmpty() || !secret.get().servable()) {
                continue;
            }
            PrivateKey key = secret.get().key().orElseThrow();
            List<X509Certificate> chain = secret.get().chain();
            List<X509Certificate> cas = host.clientCertificate().map(ClientCertificatePolicy::requestedCas)
                    .orElse(List.of());
            try {
                ServerTlsContexts.Keyed keyed = contexts.get(key, chain, cas);
                byHost.put(host.host(), keyed.context());
                ids.add(keyed.id());
            } catch (SSLException | RuntimeException e) {
                LOG.warn("Cannot serve Secret {} for {}: {}; serving the default certificate",
                        secret.get().ref().path(), host.host(), e.getMessage());
            }
        }
        return new IngressSniContexts(snapshot, tls.defaultContext(), byHost);
    }

    @Override
    public SslContext map(String sni) {
        if (sni == null || sni.isEmpty()) {
            return defaultContext;
        }
        String name = sni.toLowerCase(Locale.ROOT);
        SslContext known = memo.get(name);
        if (known != null) {
            return known;
        }
        SslContext chosen = choose(name);
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        memo.put(name, chosen);
        return chosen;
    }

    /** The Secret's context when the engine serves the Secret of the host this name finds, else the default. */
    private SslContext choose(String name) {
        HostTable hosts = snapshot.model().routes();
        Optional<VirtualHost> host = hosts.exact(name).or(() -> hosts.wildcardFor(name));
        SslContext context = host.map(h -> byHost.get(h.pattern().host())).orElse(null);
        if (context == null) {
            return defaultContext;
        }
        ProbeRequest probe = new ProbeRequest("GET", "https", name, 443, "/", "", Optional.of(name),
                ClientCertificate.NONE);
        Optional<ServedCertificate> served = snapshot.certificate(probe);
        boolean ours = served.isPresent() && served.get() instanceof ServedCertificate.FromSecret fromSecret
                && host.get().tls().secret().map(s -> s.ref().equals(fromSecret.secret())).orElse(false);
        return ours ? context : defaultContext;
    }
}
