package dev.gatehouse.routing.model;

import dev.gatehouse.routing.route.BackendRef;
import dev.gatehouse.routing.route.ClientCertificatePolicy;
import dev.gatehouse.routing.route.HostTls;
import dev.gatehouse.routing.route.Passthrough;
import dev.gatehouse.routing.route.RouteRule;
import dev.gatehouse.routing.route.ServingSecret;
import dev.gatehouse.tls.ParsedMaterial;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The TLS side of one merged {@link Server} as neutral route data: its certificate choice (the
 * {@link TlsBinding}), client-certificate authentication ({@code auth-tls-*}) and {@code ssl-passthrough}.
 */
final class HostTlsFacts {

    private HostTlsFacts() {
    }

    /** The certificate choice, with ingress-nginx's sentence for it. */
    static HostTls tls(Server server) {
        if (server.tls().isEmpty()) {
            return HostTls.none("no Ingress with a rule for " + server.pattern().host() + " has a tls section, so"
                    + " ingress-nginx presents its default certificate");
        }
        TlsBinding binding = server.tls().get();
        Optional<ServingSecret> secret = binding.servesSecret() ? binding.secret().map(HostTlsFacts::serving)
                : Optional.empty();
        return new HostTls(true, Optional.of(binding.ingress()), binding.secret().map(SecretState::ref), secret,
                binding.reason());
    }

    private static ServingSecret serving(SecretState state) {
        Optional<PrivateKey> key = Optional.empty();
        List<X509Certificate> chain = List.of();
        if (state.servable()) {
            key = state.key().flatMap(ParsedMaterial::firstKey).map(k -> k.privateKey());
            chain = state.certificate().map(ParsedMaterial::chain).orElse(List.of());
        }
        return new ServingSecret(state.ref(), state.servedCertificate(), key, key.isPresent() ? chain : List.of());
    }

    /** {@code auth-tls-*} of the host, with the CA certificates read from its Secret. */
    static Optional<ClientCertificatePolicy> clientCertificate(Server server) {
        return server.authTls().map(a -> new ClientCertificatePolicy(a.ingress(), a.caSecret().ref(), a.usable(),
                a.annotations().authTlsVerifyClient(), a.annotations().authTlsMatchCn(),
                a.usable() ? a.caSecret().ca().map(ParsedMaterial::chain).orElse(List.of()) : List.of()));
    }

    /**
     * {@code ssl-passthrough}: the connections go to the backend of the host's {@code "/"} path, else of its
     * default backend (looked up in the namespace of the Ingress asking for passthrough).
     */
    static Optional<Passthrough> passthrough(Server server, List<RouteRule> rules, Optional<RouteRule> fallback) {
        if (server.passthroughBy().isEmpty()) {
            return Optional.empty();
        }
        var by = server.passthroughBy().get();
        Optional<RouteRule> root = rules.stream().filter(r -> r.path().map(p -> "/".equals(p.value())).orElse(false))
                .findFirst();
        Optional<BackendRef> backend = root.isPresent() ? root.get().firstBackend()
                : server.fallback().flatMap(f -> VirtualHostBuilder.backends(by.namespace(), f.backend()).stream()
                .findFirst());
        return Optional.of(new Passthrough(by, root, backend));
    }
}
