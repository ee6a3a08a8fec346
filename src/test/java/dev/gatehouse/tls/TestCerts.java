package dev.gatehouse.tls;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates certificates and keys for tests with BouncyCastle (JDK providers, nothing registered). */
public final class TestCerts {

    /** A fixed "now" for tests: 2026-12-01T12:00:00Z. */
    public static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    /** A clock stopped at {@link #NOW}, in UTC. */
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestCerts() {
    }

    /** A certificate with its key pair. */
    public record Issued(X509Certificate cert, KeyPair keys) {
        public PrivateKey key() {
            return keys.getPrivate();
        }
    }

    public static KeyPair ecKey() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"));
            return gen.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsaKey(int bits) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(bits);
            return gen.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Spec cert(String commonName) {
        return new Spec(commonName);
    }

    /** A root CA, an intermediate and a leaf for the given DNS names (valid one year around NOW). */
    public static List<Issued> chain(String... dnsNames) {
        Issued root = cert("Test Root CA").ca().issue();
        Issued intermediate = cert("Test Intermediate CA").ca().issuedBy(root).issue();
        Issued leaf = cert(dnsNames[0]).dns(dnsNames).issuedBy(intermediate).issue();
        return List.of(leaf, intermediate, root);
    }

    /** PEM text of certificates and/or keys (keys as PKCS#1 / SEC1, as openssl writes them). */
    public static String pem(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                if (o instanceof java.security.interfaces.ECPrivateKey ec) {
                    writer.writeObject(sec1(ec));
                } else {
                    writer.writeObject(o);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** An EC key as openssl writes it (SEC1 with the curve and the public key). */
    static org.bouncycastle.util.io.pem.PemObject sec1(java.security.interfaces.ECPrivateKey key)
            throws java.io.IOException {
        var info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getEncoded());
        var curve = (org.bouncycastle.asn1.ASN1ObjectIdentifier) info.getPrivateKeyAlgorithm().getParameters();
        var inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        var spec = org.bouncycastle.asn1.x9.ECNamedCurveTable.getByOID(curve);
        var q = spec.getG().multiply(inner.getKey()).normalize();
        var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(spec.getN().bitLength(), inner.getKey(),
                new org.bouncycastle.asn1.DERBitString(q.getEncoded(false)), curve);
        return new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1.getEncoded());
    }

    /** PEM text of a key as PKCS#8 ("PRIVATE KEY"). */
    public static String pkcs8(PrivateKey key) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Builder for one certificate. */
    public static final class Spec {
        private final String commonName;
        private final List<String> dns = new ArrayList<>();
        private final List<String> ips = new ArrayList<>();
        private Instant notBefore = NOW.minus(Duration.ofDays(30));
        private Instant notAfter = NOW.plus(Duration.ofDays(335));
        private boolean ca;
        private Issued issuer;
        private KeyPair keys;
        private String signatureAlgorithm;
        private boolean clientAuthOnly;

        private Spec(String commonName) {
            this.commonName = commonName;
        }

        public Spec dns(String... names) {
            dns.addAll(List.of(names));
            return this;
        }

        public Spec ip(String... addresses) {
            ips.addAll(List.of(addresses));
            return this;
        }

        public Spec validUntil(Instant until) {
            notAfter = until;
            return this;
        }

        public Spec validFrom(Instant from) {
            notBefore = from;
            return this;
        }

        /** Expires {@code days} (may be negative) whole days plus an hour after NOW. */
        public Spec daysLeft(long days) {
            notAfter = NOW.plus(Duration.ofDays(days)).plus(Duration.ofHours(1));
            if (!notBefore.isBefore(notAfter)) {
                notBefore = notAfter.minus(Duration.ofDays(90));
            }
            return this;
        }

        public Spec ca() {
            ca = true;
            return this;
        }

        public Spec issuedBy(Issued issuer) {
            this.issuer = issuer;
            return this;
        }

        public Spec keys(KeyPair keys) {
            this.keys = keys;
            return this;
        }

        public Spec signatureAlgorithm(String alg) {
            signatureAlgorithm = alg;
            return this;
        }

        public Spec clientAuthOnly() {
            clientAuthOnly = true;
            return this;
        }

        public Issued issue() {
            try {
                KeyPair own = keys != null ? keys : ecKey();
                X500Name subject = new X500Name("CN=" + commonName);
                X500Name issuerName = issuer == null ? subject
                        : X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded());
                PrivateKey signingKey = issuer == null ? own.getPrivate() : issuer.key();
                JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                        BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                        subject, own.getPublic());
                builder.addExtension(Extension.basicConstraints, true,
                        ca ? new BasicConstraints(0) : new BasicConstraints(false));
                List<GeneralName> names = new ArrayList<>();
                dns.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
                ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
                if (!names.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)));
                }
                if (!ca) {
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            clientAuthOnly ? KeyPurposeId.id_kp_clientAuth : KeyPurposeId.id_kp_serverAuth));
                }
                String alg = signatureAlgorithm != null ? signatureAlgorithm
                        : "RSA".equals(signingKey.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
                X509Certificate cert = new JcaX509CertificateConverter()
                        .getCertificate(builder.build(new JcaContentSignerBuilder(alg).build(signingKey)));
                return new Issued(cert, own);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
