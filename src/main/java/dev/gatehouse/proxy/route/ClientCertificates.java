package dev.gatehouse.proxy.route;

import dev.gatehouse.routing.ClientCertificate;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Verifies a client's certificate chain against the CA certificates of an {@code auth-tls-secret}
 * ({@code ca.crt}), as nginx's {@code ssl_client_certificate} does, and turns the result into the
 * engine's {@link ClientCertificate}.
 */
public final class ClientCertificates {

    private ClientCertificates() {
    }

    /**
     * @param presented the chain the client sent, leaf first (empty: none sent)
     * @param cas       the trusted CA certificates
     * @param now       the time the certificates must be valid at
     */
    public static ClientCertificate verify(List<X509Certificate> presented, List<X509Certificate> cas, Instant now) {
        if (presented.isEmpty()) {
            return ClientCertificate.NONE;
        }
        String subject = presented.get(0).getSubjectX500Principal().getName(X500Principal.RFC2253);
        if (cas.isEmpty()) {
            return ClientCertificate.untrusted();
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate ca : cas) {
                anchors.add(new TrustAnchor(ca, null));
            }
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(now));
            List<X509Certificate> path = presented.stream().filter(c -> !cas.contains(c)).toList();
            if (path.isEmpty()) {
                return ClientCertificate.untrusted();
            }
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return ClientCertificate.trusted(subject);
        } catch (GeneralSecurityException e) {
            return new ClientCertificate(ClientCertificate.Presence.UNTRUSTED, java.util.Optional.of(subject));
        }
    }
}
