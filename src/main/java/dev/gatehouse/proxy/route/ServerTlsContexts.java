package dev.gatehouse.proxy.route;

import dev.gatehouse.tls.build.CertificateBundle;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * Server-side TLS contexts: TLS 1.3 and 1.2 only, the HTTP/2 cipher list (AEAD with forward secrecy),
 * ALPN h2 then http/1.1. One context per certificate (and client-certificate CA), kept across reloads
 * while in use, so a reload that does not change a Secret does not rebuild its context.
 */
public final class ServerTlsContexts {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final ApplicationProtocolConfig ALPN = new ApplicationProtocolConfig(
            ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1);

    private final TlsProvider provider;
    private final CertificateBundle defaultCertificate;
    private final SslContext defaultContext;
    private final Map<String, SslContext> contexts = new ConcurrentHashMap<>();

    public ServerTlsContexts(TlsProvider provider, CertificateBundle defaultCertificate) throws SSLException {
        this.provider = provider;
        this.defaultCertificate = defaultCertificate;
        this.defaultContext = build(defaultCertificate.privateKey(), defaultCertificate.chain(), List.of(),
                Optional.empty());
    }

    /** The controller-style default ("fake") certificate's context. */
    public SslContext defaultContext() {
        return defaultContext;
    }

    public CertificateBundle defaultCertificate() {
        return defaultCertificate;
    }

    public TlsProvider provider() {
        return provider;
    }

    /**
     * The context for a certificate chain and key, asking for client certificates from
     * {@code clientCas} when that list is not empty.
     */
    SslContext context(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> clientCas) throws SSLException {
        return context(key, chain, clientCas, Optional.empty());
    }

    /**
     * The context for a chain and key that asks for client certificates from {@code clientCas}; with
     * {@code verifyBy} present the handshake fails without a certificate those CAs verify at that clock's time (a
     * Gateway listener's {@code AllowValidOnly}), otherwise every handshake completes (verified per request).
     */
    SslContext context(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> clientCas,
                       Optional<Clock> verifyBy) throws SSLException {
        String id = id(key, chain, clientCas, verifyBy.isPresent());
        SslContext existing = contexts.get(id);
        if (existing != null) {
            return existing;
        }
        SslContext built = build(key, chain, clientCas, verifyBy);
        SslContext raced = contexts.putIfAbsent(id, built);
        return raced != null ? raced : built;
    }

    /** A context and the identity of its inputs ({@link #id}). */
    record Keyed(String id, SslContext context) {
    }

    /**
     * For one table build: {@link #context} with the inputs' identity remembered per key, chain and CA list
     * instances, so the thousand hosts of one wildcard Secret are fingerprinted once, not a thousand times.
     */
    BuildMemo memo() {
        return new BuildMemo();
    }

    final class BuildMemo {
        /** The same key and certificate instances (hosts of one Secret share them, in lists of their own). */
        private record Inputs(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> clientCas) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Inputs other && key == other.key && same(chain, other.chain)
                        && same(clientCas, other.clientCas);
            }

            @Override
            public int hashCode() {
                return (System.identityHashCode(key) * 31 + identityHash(chain)) * 31 + identityHash(clientCas);
            }

            private static boolean same(List<X509Certificate> a, List<X509Certificate> b) {
                if (a.size() != b.size()) {
                    return false;
                }
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i) != b.get(i)) {
                        return false;
                    }
                }
                return true;
            }

            private static int identityHash(List<X509Certificate> certificates) {
                int h = 1;
                for (X509Certificate c : certificates) {
                    h = h * 31 + System.identityHashCode(c);
                }
                return h;
            }
        }

        private final Map<Inputs, Keyed> seen = new java.util.HashMap<>();

        private BuildMemo() {
        }

        Keyed get(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> clientCas) throws SSLException {
            Inputs inputs = new Inputs(key, chain, clientCas);
            Keyed known = seen.get(inputs);
            if (known == null) {
                String id = id(key, chain, clientCas);
                known = new Keyed(id, context(key, chain, clientCas));
                seen.put(inputs, known);
            }
            return known;
        }
    }

    /** Identity of a context's inputs (certificate fingerprints and the key's encoding). */
    static String id(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> clientCas) {
        return id(key, chain, clientCas, false);
    }

    /** @param required the handshake requires a verified client certificate */
    static String id(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> clientCas, boolean required) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (X509Certificate c : chain) {
                digest.update(c.getEncoded());
            }
            digest.update((byte) 0);
            byte[] encodedKey = key.getEncoded();
            if (encodedKey != null) {
                digest.update(encodedKey);
            }
            digest.update((byte) 0);
            for (X509Certificate c : clientCas) {
                digest.update(c.getEncoded());
            }
            return HexFormat.of().formatHex(digest.digest()) + (required ? "+required" : "");
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot fingerprint a certificate", e);
        }
    }

    /** Forgets contexts no longer in use after a reload. */
    void retainOnly(Set<String> ids) {
        contexts.keySet().retainAll(ids);
    }

    private SslContext build(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> clientCas,
                             Optional<Clock> verifyBy) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
                .sslProvider(provider.provider())
                .protocols(PROTOCOLS)
                .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .applicationProtocolConfig(ALPN);
        if (!clientCas.isEmpty() && verifyBy.isPresent()) {
            builder.clientAuth(ClientAuth.REQUIRE).trustManager(new VerifyingTrustManager(clientCas, verifyBy.get()));
        } else if (!clientCas.isEmpty()) {
            builder.clientAuth(ClientAuth.OPTIONAL).trustManager(new AdvertisingTrustManager(clientCas));
        }
        return builder.build();
    }
}
