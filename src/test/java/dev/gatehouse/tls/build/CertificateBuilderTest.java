package dev.gatehouse.tls.build;

import dev.gatehouse.tls.TestCerts;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateBuilderTest {

    private static CertificateBundle root;
    private static CertificateBundle intermediate;

    @BeforeAll
    static void pki() {
        root = CertificateBuilder.create(TestCerts.CLOCK).subject("CN=Test Root CA, O=Gatehouse Test").ca(true).build();
        intermediate = CertificateBuilder.create(TestCerts.CLOCK).subject("CN=Test Intermediate CA, O=Gatehouse Test")
                .pathLength(0).issuedBy(root).build();
    }

    @Test
    void leafChainsToTheRootAndValidatesWithPkix() throws Exception {
        CertificateBundle leaf = CertificateBuilder.create(TestCerts.CLOCK).subject("CN=shop.example.com")
                .sans("shop.example.com", "*.shop.example.com").serverAuth().issuedBy(intermediate).build();

        assertThat(leaf.chain()).containsExactly(leaf.certificate(), intermediate.certificate());
        assertThat(leaf.root()).contains(root.certificate());
        leaf.certificate().verify(intermediate.certificate().getPublicKey());
        intermediate.certificate().verify(root.certificate().getPublicKey());

        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        CertPath path = factory.generateCertPath(leaf.chain());
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root.certificate(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(TestCerts.NOW));
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    @Test
    void rootIsSelfSignedAndCanBeIncludedOnRequest() {
        assertThat(root.isSelfSigned()).isTrue();
        assertThat(root.chain()).containsExactly(root.certificate());
        assertThat(root.root()).contains(root.certificate());

        CertificateBundle withRoot = CertificateBuilder.create(TestCerts.CLOCK).sans("a.example.com")
                .issuedBy(intermediate).includeRootInChain().build();
        assertThat(withRoot.chain()).containsExactly(withRoot.certificate(), intermediate.certificate(), root.certificate());
        assertThat(withRoot.isSelfSigned()).isFalse();
    }

    @Test
    void leafCarriesTheRequestedNamesValidityAndUsages() throws Exception {
        Instant from = Instant.parse("2025-01-01T00:00:00Z");
        Instant until = Instant.parse("2026-01-01T00:00:00Z");
        CertificateBundle leaf = CertificateBuilder.create(TestCerts.CLOCK).subject("CN=api.example.com, O=Example")
                .sans("api.example.com").ipSans("127.0.0.1", "::1")
                .notBefore(from).notAfter(until).serverAuth().clientAuth().issuedBy(intermediate).build();
        X509Certificate cert = leaf.certificate();

        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=api.example.com,O=Example");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(intermediate.certificate().getSubjectX500Principal());
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(from);
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(until);
        assertThat(cert.getSubjectAlternativeNames()).extracting(n -> (Object) n.get(1))
                .containsExactly((Object) "api.example.com", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        // digitalSignature only for an EC key
        assertThat(cert.getKeyUsage()).startsWith(true, false, false, false, false, false, false);
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(cert.getSerialNumber().signum()).isPositive();
        assertThat(cert.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
        assertThat(cert.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
        assertThat(cert.getExtensionValue("2.5.29.35")).as("authority key identifier").isNotNull();
    }

    @Test
    void caCertificatesMaySignCertificatesAndCrlsOnly() {
        X509Certificate cert = intermediate.certificate();
        assertThat(cert.getBasicConstraints()).isEqualTo(0);
        boolean[] usage = cert.getKeyUsage();
        assertThat(usage[5]).as("keyCertSign").isTrue();
        assertThat(usage[6]).as("cRLSign").isTrue();
        assertThat(usage[0]).as("digitalSignature").isFalse();
        assertThat(intermediate.isCa()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void eachAlgorithmProducesItsKeyTypeAndRsaLeavesMayEncipherKeys(KeyAlgorithm algorithm) {
        CertificateBundle bundle = CertificateBuilder.create(TestCerts.CLOCK).sans("k.example.com").algorithm(algorithm).build();
        X509Certificate cert = bundle.certificate();
        assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo(algorithm.jcaName());
        assertThat(cert.getSigAlgName()).isEqualTo(algorithm.signatureAlgorithm());
        if (algorithm.isRsa()) {
            int bits = ((RSAKey) cert.getPublicKey()).getModulus().bitLength();
            assertThat(algorithm.name()).endsWith("_" + bits);
            assertThat(cert.getKeyUsage()[2]).as("keyEncipherment").isTrue();
        } else {
            assertThat(((ECKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
            assertThat(cert.getKeyUsage()[2]).as("keyEncipherment").isFalse();
        }
    }

    @Test
    void rsaIssuerSignsWithSha256WithRsa() {
        CertificateBundle rsaCa = CertificateBuilder.create(TestCerts.CLOCK).subject("CN=RSA CA").algorithm(KeyAlgorithm.RSA_2048)
                .ca(true).build();
        CertificateBundle leaf = CertificateBuilder.create(TestCerts.CLOCK).sans("r.example.com").issuedBy(rsaCa).build();
        assertThat(leaf.certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(leaf.certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void pemRoundTripsCertificatesAndPkcs8Key() throws Exception {
        CertificateBundle leaf = CertificateBuilder.create(TestCerts.CLOCK).sans("pem.example.com").issuedBy(intermediate).build();

        String chainPem = leaf.chainPem();
        assertThat(chainPem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(chainPem.lines()).allMatch(line -> line.length() <= 64);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> parsed = factory
                .generateCertificates(new ByteArrayInputStream(chainPem.getBytes(StandardCharsets.US_ASCII)))
                .stream().map(X509Certificate.class::cast).collect(Collectors.toList());
        assertThat(parsed).containsExactlyElementsOf(leaf.chain());
        assertThat(factory.generateCertificate(new ByteArrayInputStream(
                leaf.certificatePem().getBytes(StandardCharsets.US_ASCII)))).isEqualTo(leaf.certificate());

        String keyPem = leaf.privateKeyPem();
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        String base64 = keyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        assertThat(key).isEqualTo(leaf.privateKey());
    }

    @Test
    void toStringNeverShowsTheKey() {
        CertificateBundle leaf = CertificateBuilder.create(TestCerts.CLOCK).sans("secret.example.com").build();
        assertThat(leaf.toString()).contains("CN=secret.example.com").contains(leaf.fingerprintSha256())
                .doesNotContain("PRIVATE").doesNotContain(Base64.getEncoder().encodeToString(leaf.privateKey().getEncoded()).substring(0, 20));
    }

    @Test
    void serialsAreRandom() {
        Set<Object> serials = new HashSet<>();
        IntStream.range(0, 5).forEach(i -> serials.add(CertificateBuilder.create(TestCerts.CLOCK).sans("s.example.com")
                .keyPair(root.keyPair(), KeyAlgorithm.EC_P256).build().certificate().getSerialNumber()));
        assertThat(serials).hasSize(5);
    }

    @Test
    void defaultsToNinetyDaysFromFiveMinutesBeforeTheClocksNow() {
        X509Certificate cert = CertificateBuilder.create(TestCerts.CLOCK).sans("d.example.com").build().certificate();
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(TestCerts.NOW.minusSeconds(300));
        assertThat(ChronoUnit.DAYS.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant())).isEqualTo(90);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=d.example.com");
    }

    @Test
    void badInputIsRejectedWithAPlainMessage() {
        assertThatThrownBy(() -> CertificateBuilder.create(TestCerts.CLOCK).sans("shop..example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Not a valid DNS name for a certificate: \"shop..example.com\"");
        assertThatThrownBy(() -> CertificateBuilder.create(TestCerts.CLOCK).ipSans("localhost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Not a valid IP address: \"localhost\"");
        assertThatThrownBy(() -> CertificateBuilder.create(TestCerts.CLOCK).ipSans("300.1.1.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("300.1.1.1");
        assertThatThrownBy(() -> CertificateBuilder.create(TestCerts.CLOCK).subject("not a dn"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a valid distinguished name");
        CertificateBundle leaf = CertificateBuilder.create(TestCerts.CLOCK).sans("leaf.example.com").build();
        assertThatThrownBy(() -> CertificateBuilder.create(TestCerts.CLOCK).issuedBy(leaf))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it is not a CA certificate");
        Instant now = TestCerts.NOW;
        assertThatThrownBy(() -> CertificateBuilder.create(TestCerts.CLOCK).sans("t.example.com").notBefore(now).notAfter(now.minusSeconds(60)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be after notBefore");
        assertThatThrownBy(() -> CertificateBuilder.create(TestCerts.CLOCK).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("A certificate needs a subject or at least one DNS name");
    }

    @Test
    void withoutAClockTheValidityMustBeGiven() {
        assertThatThrownBy(() -> CertificateBuilder.create().sans("e.example.com").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A certificate needs notBefore or notAfter, or a builder with a clock");
        X509Certificate cert = CertificateBuilder.create().sans("e.example.com").notAfter(TestCerts.NOW).build().certificate();
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(TestCerts.NOW.minus(Duration.ofDays(90)));
    }
}
