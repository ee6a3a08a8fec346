package dev.gatehouse.tls.build;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Builds a certificate signing request for a TLS server certificate, fluently:
 *
 * <pre>{@code
 * CertificateSigningRequest csr = CsrBuilder.create().subject("CN=shop.example.com")
 *         .sans("shop.example.com", "www.shop.example.com").algorithm(KeyAlgorithm.EC_P256).build();
 * }</pre>
 *
 * <p>The request asks for the subject alternative names and extended key usage serverAuth (as an
 * {@code extensionRequest} attribute); a fresh key pair is generated unless one is given. Names are
 * validated like {@link CertificateBuilder}'s. Single use, not thread-safe.
 */
public final class CsrBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private String subject;
    private final Set<String> dnsNames = new LinkedHashSet<>();
    private final Set<String> ipAddresses = new LinkedHashSet<>();
    private KeyAlgorithm algorithm = KeyAlgorithm.EC_P256;
    private KeyPair keyPair;

    private CsrBuilder() {
    }

    public static CsrBuilder create() {
        return new CsrBuilder();
    }

    public CsrBuilder subject(String distinguishedName) {
        CertificateBuilder.create().subject(distinguishedName); // same validation and messages
        this.subject = distinguishedName;
        return this;
    }

    public CsrBuilder sans(String... names) {
        CertificateBuilder.create().sans(names); // same validation and messages
        dnsNames.addAll(List.of(names));
        return this;
    }

    public CsrBuilder ipSans(String... addresses) {
        CertificateBuilder.create().ipSans(addresses);
        ipAddresses.addAll(List.of(addresses));
        return this;
    }

    public CsrBuilder algorithm(KeyAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        return this;
    }

    /** Requests a certificate for an existing key pair instead of a new one. */
    public CsrBuilder keyPair(KeyPair keyPair, KeyAlgorithm algorithm) {
        this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        return this;
    }

    public CertificateSigningRequest build() {
        String subjectName = subject != null ? subject
                : dnsNames.isEmpty() ? null : "CN=" + dnsNames.iterator().next();
        if (subjectName == null) {
            throw new IllegalStateException("A certificate request needs a subject or at least one DNS name");
        }
        KeyPair keys = keyPair != null ? keyPair : algorithm.generateKeyPair(RANDOM);
        try {
            JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(
                    new X500Principal(subjectName), keys.getPublic());
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            ipAddresses.forEach(a -> names.add(new GeneralName(GeneralName.iPAddress, a)));
            if (!names.isEmpty()) {
                extensions.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            extensions.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            var request = builder.build(new JcaContentSignerBuilder(algorithm.signatureAlgorithm()).build(keys.getPrivate()));
            return new CertificateSigningRequest(request, keys, algorithm, subjectName, new ArrayList<>(dnsNames),
                    new ArrayList<>(ipAddresses));
        } catch (Exception e) {
            throw new IllegalStateException("Could not build the certificate request for " + subjectName + ": "
                    + e.getMessage(), e);
        }
    }
}
