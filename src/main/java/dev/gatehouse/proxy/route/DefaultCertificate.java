package dev.gatehouse.proxy.route;

import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import dev.gatehouse.tls.build.KeyAlgorithm;
import java.time.Duration;
import java.time.Instant;

/**
 * The controller's default certificate, generated like ingress-nginx's: self-signed,
 * "O=Acme Co, CN=Kubernetes Ingress Controller Fake Certificate", SAN {@code ingress.local}, RSA 2048,
 * valid for a year. Served when no Ingress's TLS entry matches the SNI (or there is no SNI).
 */
public final class DefaultCertificate {

    private DefaultCertificate() {
    }

    /**
     * Generates a fresh one (about 100 ms: RSA key generation).
     *
     * @param now the start of its year of validity (less five minutes)
     */
    public static CertificateBundle generate(Instant now) {
        return CertificateBuilder.create()
                .subject("CN=" + ControllerProfile.FAKE_CERTIFICATE_NAME + ", O=Acme Co")
                .sans("ingress.local")
                .algorithm(KeyAlgorithm.RSA_2048)
                .serverAuth()
                .notBefore(now.minus(Duration.ofMinutes(5)))
                .notAfter(now.plus(Duration.ofDays(365)))
                .selfSigned()
                .build();
    }
}
