package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.Upstream;
import dev.gatehouse.routing.route.UpstreamClientCertificate;
import dev.gatehouse.routing.route.UpstreamProtocol;
import dev.gatehouse.tls.ParsedMaterial;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Decides how the controller speaks to a backend from the location's annotations ({@code backend-protocol},
 * {@code proxy-ssl-secret}, {@code proxy-ssl-verify}, {@code proxy-ssl-name}) and the Secret they name.
 * The only place this is decided: the controller → Service leg and the proxy both read its answer.
 */
public final class UpstreamPolicy {

    private final SecretStore secrets;

    public UpstreamPolicy(SecretStore secrets) {
        this.secrets = secrets;
    }

    /**
     * @param nginx   the annotations of the location that answered
     * @param service the backend Service, if any (its cluster DNS name is the default name to verify)
     */
    public Upstream decide(NginxAnnotations nginx, Optional<ObjectRef> service) {
        UpstreamProtocol protocol = UpstreamProtocol.parse(nginx.backendProtocol()).orElse(UpstreamProtocol.HTTP);
        if (!protocol.tls()) {
            return Upstream.plain(protocol);
        }
        Optional<SecretState> secret = nginx.proxySslSecret().map(secrets::get);
        Optional<UpstreamClientCertificate> client = secret.flatMap(UpstreamPolicy::clientCertificate);
        List<X509Certificate> cas = secret.flatMap(SecretState::ca).map(ParsedMaterial::chain).orElse(List.of());
        Upstream.Verification verification;
        String reason;
        if (!nginx.proxySslVerify()) {
            verification = Upstream.Verification.OFF;
            reason = "proxy-ssl-verify is off";
        } else if (!cas.isEmpty()) {
            verification = Upstream.Verification.VERIFIED;
            reason = "verified with ca.crt of Secret " + secret.get().ref().path();
        } else if (secret.map(s -> s.presence() == SecretState.Presence.NOT_IN_INPUT).orElse(false)) {
            verification = Upstream.Verification.CA_NOT_IN_INPUT;
            reason = "verified with ca.crt of Secret " + secret.get().ref().path();
        } else {
            verification = Upstream.Verification.CA_UNUSABLE;
            reason = "proxy-ssl-verify is on but proxy-ssl-secret has no usable ca.crt";
        }
        boolean verifies = verification == Upstream.Verification.VERIFIED
                || verification == Upstream.Verification.CA_NOT_IN_INPUT;
        Optional<String> serviceName = service.map(s -> s.name() + "." + s.namespace() + ".svc");
        Optional<String> name = verifies ? nginx.proxySslName().or(() -> serviceName) : nginx.proxySslName();
        return new Upstream(protocol, verification, reason, nginx.proxySslSecret(),
                verification == Upstream.Verification.VERIFIED ? cas : List.of(), name, client);
    }

    /** The client certificate of {@code proxy-ssl-secret}: read from it, or assumed when it is not in the input. */
    private static Optional<UpstreamClientCertificate> clientCertificate(SecretState secret) {
        if (secret.presence() == SecretState.Presence.NOT_IN_INPUT) {
            return Optional.of(new UpstreamClientCertificate(secret.ref(), Optional.empty(), List.of()));
        }
        Optional<PrivateKey> key = secret.key().flatMap(ParsedMaterial::firstKey).map(k -> k.privateKey());
        List<X509Certificate> chain = secret.certificate().map(ParsedMaterial::chain).orElse(List.of());
        return key.isPresent() && !chain.isEmpty()
                ? Optional.of(new UpstreamClientCertificate(secret.ref(), key, chain)) : Optional.empty();
    }
}
