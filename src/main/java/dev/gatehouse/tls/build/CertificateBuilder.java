package dev.gatehouse.tls.build;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.security.auth.x500.X500Principal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds X.509 certificates with BouncyCastle, in the style of netty-pkitesting's
 * CertificateBuilder:
 *
 * <pre>{@code
 * CertificateBundle ca = CertificateBuilder.create().subject("CN=Demo CA").ca(true).build();
 * CertificateBundle leaf = CertificateBuilder.create()
 *         .subject("CN=shop.example.com").sans("shop.example.com", "*.shop.example.com")
 *         .serverAuth().issuedBy(ca).build();
 * }</pre>
 *
 * <p>Extensions: SubjectKeyIdentifier, AuthorityKeyIdentifier (key id), BasicConstraints
 * (critical), KeyUsage (critical; CA: keyCertSign|cRLSign; leaf: digitalSignature, plus
 * keyEncipherment for RSA), ExtendedKeyUsage when serverAuth/clientAuth are asked for, and
 * SubjectAlternativeName (DNS and IP). Serials are random positive 128-bit numbers; signatures
 * are SHA256withECDSA or SHA256withRSA depending on the issuer's key. Without {@link #issuedBy}
 * the certificate is self-signed. Defaults: ECDSA P-256, valid for 90 days; from 5 minutes before the
 * clock's "now" when the builder was {@linkplain #create(Clock) given a clock} and neither
 * {@link #notBefore} nor {@link #notAfter} is set (without a clock, one of them is required).
 *
 * <p>A builder is a mutable, single-use, not thread-safe object; the bundle it builds is immutable.
 */
public final class CertificateBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);
    private static final Duration DEFAULT_BACKDATE = Duration.ofMinutes(5);

    private String subject;
    private final Set<String> dnsNames = new LinkedHashSet<>();
    private final Set<String> ipAddresses = new LinkedHashSet<>();
    private Instant notBefore;
    private Instant notAfter;
    private KeyAlgorithm algorithm = KeyAlgorithm.EC_P256;
    private KeyPair keyPair;
    private boolean ca;
    private Integer pathLength;
    private boolean serverAuth;
    private boolean clientAuth;
    private CertificateBundle issuer;
    private boolean includeRootInChain;

    private final Clock clock;

    private CertificateBuilder(Clock clock) {
        this.clock = clock;
    }

    /** A builder without a clock: {@link #notBefore} or {@link #notAfter} must be set. */
    public static CertificateBuilder create() {
        return new CertificateBuilder(null);
    }

    /** A builder whose certificate is valid from 5 minutes before {@code clock}'s now unless dates are set. */
    public static CertificateBuilder create(Clock clock) {
        return new CertificateBuilder(Objects.requireNonNull(clock, "clock"));
    }

    /** Subject distinguished name in RFC 2253 form, e.g. {@code CN=shop.example.com, O=Example}. */
    public CertificateBuilder subject(String distinguishedName) {
        Objects.requireNonNull(distinguishedName, "subject");
        try {
            new X500Principal(distinguishedName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a valid distinguished name: \"" + distinguishedName + "\"", e);
        }
        this.subject = distinguishedName;
        return this;
    }

    /** DNS subject alternative names; a leading {@code *.} makes a wildcard. Adds to earlier calls. */
    public CertificateBuilder sans(String... dnsNames) {
        for (String name : dnsNames) {
            if (name == null || !DNS_NAME.matcher(name).matches() || name.length() > 253) {
                throw new IllegalArgumentException("Not a valid DNS name for a certificate: \"" + name + "\"");
            }
            this.dnsNames.add(name);
        }
        return this;
    }

    /** IP address subject alternative names (IPv4 or IPv6 literals). Adds to earlier calls. */
    public CertificateBuilder ipSans(String... addresses) {
        for (String address : addresses) {
            if (!isIpLiteral(address)) {
                throw new IllegalArgumentException("Not a valid IP address: \"" + address + "\"");
            }
            this.ipAddresses.add(address);
        }
        return this;
    }

    public CertificateBuilder notBefore(Instant instant) {
        this.notBefore = Objects.requireNonNull(instant, "notBefore");
        return this;
    }

    public CertificateBuilder notAfter(Instant instant) {
        this.notAfter = Objects.requireNonNull(instant, "notAfter");
        return this;
    }

    /** Key type of the new certificate (default {@link KeyAlgorithm#EC_P256}). */
    public CertificateBuilder algorithm(KeyAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        return this;
    }

    /** Uses an existing key pair instead of generating one; it must match {@link #algorithm}'s type. */
    public CertificateBuilder keyPair(KeyPair keyPair, KeyAlgorithm algorithm) {
        this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (!algorithm.jcaName().equals(keyPair.getPublic().getAlgorithm())) {
            throw new IllegalArgumentException("The key pair is " + keyPair.getPublic().getAlgorithm()
                    + ", not " + algorithm.displayName());
        }
        return this;
    }

    /** Whether the certificate may sign other certificates (BasicConstraints CA:TRUE). */
    public CertificateBuilder ca(boolean ca) {
        this.ca = ca;
        return this;
    }

    /** Path length constraint for a CA (0 = may only sign leaves). Implies {@code ca(true)}. */
    public CertificateBuilder pathLength(int pathLength) {
        if (pathLength < 0) {
            throw new IllegalArgumentException("Path length must not be negative: " + pathLength);
        }
        this.ca = true;
        this.pathLength = pathLength;
        return this;
    }

    /** Adds ExtendedKeyUsage serverAuth (TLS Web Server Authentication). */
    public CertificateBuilder serverAuth() {
        this.serverAuth = true;
        return this;
    }

    /** Adds ExtendedKeyUsage clientAuth (TLS Web Client Authentication). */
    public CertificateBuilder clientAuth() {
        this.clientAuth = true;
        return this;
    }

    /** Signed by this CA; the chain becomes this certificate followed by the issuer's chain. */
    public CertificateBuilder issuedBy(CertificateBundle issuer) {
        Objects.requireNonNull(issuer, "issuer");
        if (!issuer.isCa()) {
            throw new IllegalArgumentException("Cannot sign with \""
                    + issuer.certificate().getSubjectX500Principal().getName() + "\": it is not a CA certificate");
        }
        this.issuer = issuer;
        return this;
    }

    /** Signed with its own key (the default when {@link #issuedBy} is not called). */
    public CertificateBuilder selfSigned() {
        this.issuer = null;
        return this;
    }

    /** Appends the self-signed root to {@link CertificateBundle#chain()} (normally left out). */
    public CertificateBuilder includeRootInChain() {
        this.includeRootInChain = true;
        return this;
    }

    /** Generates the key (if none was given) and signs the certificate. */
    public CertificateBundle build() {
        String subjectName = effectiveSubject();
        if (notBefore == null && notAfter == null && clock == null) {
            throw new IllegalStateException("A certificate needs notBefore or notAfter, or a builder with a clock");
        }
        Instant from = notBefore != null ? notBefore
                : (notAfter != null ? notAfter.minus(DEFAULT_VALIDITY) : clock.instant().minus(DEFAULT_BACKDATE));
        Instant until = notAfter != null ? notAfter : from.plus(DEFAULT_VALIDITY);
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("notAfter (" + until + ") must be after notBefore (" + from + ")");
        }
        KeyPair keys = keyPair != null ? keyPair : algorithm.generateKeyPair(RANDOM);
        X500Principal subjectPrincipal = new X500Principal(subjectName);
        X500Principal issuerPrincipal = issuer == null ? subjectPrincipal
                : issuer.certificate().getSubjectX500Principal();
        KeyPair signingKeys = issuer == null ? keys : issuer.keyPair();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerPrincipal, randomSerial(),
                    Date.from(from.truncatedTo(ChronoUnit.SECONDS)), Date.from(until.truncatedTo(ChronoUnit.SECONDS)),
                    subjectPrincipal, keys.getPublic());
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(signingKeys.getPublic()));
            builder.addExtension(Extension.basicConstraints, true, basicConstraints());
            builder.addExtension(Extension.keyUsage, true, keyUsage());
            ASN1Encodable eku = extendedKeyUsage();
            if (eku != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, eku);
            }
            GeneralNames sans = subjectAlternativeNames();
            if (sans != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, sans);
            }
            ContentSigner signer = new JcaContentSignerBuilder(
                    KeyAlgorithm.signatureAlgorithmFor(signingKeys.getPrivate().getAlgorithm()))
                    .build(signingKeys.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            certificate.verify(signingKeys.getPublic());
            return bundle(certificate, keys);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("Could not sign the certificate for " + subjectName + ": " + e.getMessage(), e);
        }
    }

    private String effectiveSubject() {
        if (subject != null) {
            return subject;
        }
        if (!dnsNames.isEmpty()) {
            return "CN=" + dnsNames.iterator().next();
        }
        throw new IllegalStateException("A certificate needs a subject or at least one DNS name");
    }

    private CertificateBundle bundle(X509Certificate certificate, KeyPair keys) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        X509Certificate root;
        if (issuer == null) {
            root = certificate;
        } else {
            issuer.chain().stream()
                    .filter(c -> !isSelfSigned(c) || includeRootInChain)
                    .forEach(chain::add);
            root = issuer.root().orElse(null);
            if (includeRootInChain && root != null && !chain.contains(root)) {
                chain.add(root);
            }
        }
        return new CertificateBundle(certificate, chain, root, keys, algorithm);
    }

    private static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private BasicConstraints basicConstraints() {
        if (!ca) {
            return new BasicConstraints(false);
        }
        return pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength);
    }

    private KeyUsage keyUsage() {
        if (ca) {
            return new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign);
        }
        int usage = KeyUsage.digitalSignature;
        if (algorithm.isRsa()) {
            usage |= KeyUsage.keyEncipherment;
        }
        return new KeyUsage(usage);
    }

    private ASN1Encodable extendedKeyUsage() {
        List<KeyPurposeId> purposes = new ArrayList<>();
        if (serverAuth) {
            purposes.add(KeyPurposeId.id_kp_serverAuth);
        }
        if (clientAuth) {
            purposes.add(KeyPurposeId.id_kp_clientAuth);
        }
        return purposes.isEmpty() ? null : new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new));
    }

    private GeneralNames subjectAlternativeNames() {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        ipAddresses.forEach(a -> names.add(new GeneralName(GeneralName.iPAddress, a)));
        return names.isEmpty() ? null : new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static boolean isIpLiteral(String address) {
        if (address == null) {
            return false;
        }
        boolean ipv4 = IPV4.matcher(address).matches();
        boolean ipv6 = address.contains(":") && IPV6_CHARS.matcher(address).matches();
        if (!ipv4 && !ipv6) {
            return false;
        }
        try {
            // A literal (checked above) is parsed, never looked up in DNS.
            InetAddress.getByName(address);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static BigInteger randomSerial() {
        BigInteger serial;
        do {
            serial = new BigInteger(128, RANDOM);
        } while (serial.signum() == 0);
        return serial;
    }
}
