package dev.gatehouse.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.junit.jupiter.api.Test;

/** Valid but unusable material is named as such, never "damaged" nor passed as fine. */
class UnsupportedMaterialTest {

    private final MaterialAnalyzer analyzer = new MaterialAnalyzer(Clock.fixed(TestCerts.NOW, ZoneOffset.UTC),
            TrustAnchors.none());

    private List<String> problems(ParsedMaterial m) {
        return analyzer.analyze(List.of(m), List.of()).problems().stream()
                .map(p -> p.level() + " " + p.message()).toList();
    }

    @Test
    void aDsaCertificateIsAnErrorNotAFineServerCertificate() {
        TestCerts.Issued dsa = TestCerts.cert("dsa.example.com").dns("dsa.example.com").keys(TestCerts.dsaKey())
                .signatureAlgorithm("SHA256withDSA").issue();

        assertThat(problems(MaterialReaders.read(TestCerts.pem(dsa.cert()).getBytes(StandardCharsets.US_ASCII),
                "dsa.crt"))).contains("ERROR \"dsa.example.com\": Not usable as a TLS server certificate: the key is"
                + " DSA, which browsers and ingress-nginx do not accept for TLS (TLS 1.3 dropped DSA); use an RSA 2048"
                + " or EC P-256 key");
    }

    @Test
    void aSmallRsaKeyIsFlaggedWeak() {
        TestCerts.Issued rsa = TestCerts.cert("old.example.com").dns("old.example.com").keys(TestCerts.rsaKey(1024))
                .issue();

        assertThat(problems(MaterialReaders.read(TestCerts.pem(rsa.cert()).getBytes(StandardCharsets.US_ASCII),
                "old.crt"))).contains("WARNING \"old.example.com\": The key is weak (RSA 1024); use RSA 2048 or"
                + " stronger, or EC P-256");
    }

    @Test
    void anExplicitParameterEcKeyIsUnsupportedNotDamaged() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = gen.generateKeyPair();
        PrivateKeyInfo named = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
        X9ECParameters explicit = SECNamedCurves.getByName("secp256r1");
        PrivateKeyInfo withExplicit = new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                explicit), named.parsePrivateKey());
        String pem = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                withExplicit.getEncoded()) + "\n-----END PRIVATE KEY-----\n";

        ParsedMaterial m = MaterialReaders.read(pem.getBytes(StandardCharsets.US_ASCII), "ex.key");

        assertThat(m.problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(MaterialProblem.Kind.UNSUPPORTED_ALGORITHM);
            assertThat(p.message()).startsWith("PEM block 1 (PRIVATE KEY) uses an EC key with explicit curve"
                    + " parameters instead of a named curve");
        });
        assertThat(m.problems()).noneMatch(p -> p.kind() == MaterialProblem.Kind.DAMAGED);
    }
}
