package dev.gatehouse.proxy.route;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/** Client-side TLS contexts for re-encryption to backends, one per {@link UpstreamTls} setting. */
public final class UpstreamTlsContexts {

    private final TlsProvider provider;
    private final java.time.Clock clock;
    private final Map<String, SslContext> contexts = new ConcurrentHashMap<>();

    /** Backends' certificates judged by the app clock ({@link dev.gatehouse.app.AppClock#system()}). */
    public UpstreamTlsContexts(TlsProvider provider) {
        this(provider, dev.gatehouse.app.AppClock.system());
    }

    /** @param clock "now" for the validity of backends' certificates (the app clock, as the engine judges them) */
    public UpstreamTlsContexts(TlsProvider provider, java.time.Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * A handler for one backend connection.
     *
     * @param host the address connected to (used for SNI and verification when no name is set)
     */
    public SslHandler newHandler(UpstreamTls tls, ByteBufAllocator alloc, String host, int port, Duration timeout)
            throws SSLException {
        SslContext context = contexts.get(tls.id());
        if (context == null) {
            context = build(tls);
            contexts.putIfAbsent(tls.id(), context);
        }
        String peer = tls.verifyName().orElse(host);
        SslHandler handler = context.newHandler(alloc, peer, port);
        handler.setHandshakeTimeoutMillis(timeout.toMillis());
        if (tls.verify()) {
            SSLEngine engine = handler.engine();
            SSLParameters params = engine.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(params);
        }
        return handler;
    }

    private SslContext build(UpstreamTls tls) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(provider.provider())
                .protocols("TLSv1.3", "TLSv1.2");
        if (tls.verify() && tls.trusted().isEmpty()) {
            // The controller verifies with a CA Secret that is not in the input: fail rather than go out unverified.
            throw new SSLException("the backend must be verified (proxy-ssl-verify) but its CA Secret is not in the"
                    + " input, so there is no CA certificate to verify it with");
        }
        if (tls.verify()) {
            builder.trustManager(new ClockedServerTrustManager(tls.trusted(), clock));
        } else {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        if (tls.clientKey().isPresent() && !tls.clientChain().isEmpty()) {
            builder.keyManager(tls.clientKey().get(), tls.clientChain().toArray(X509Certificate[]::new));
        }
        return builder.build();
    }
}
