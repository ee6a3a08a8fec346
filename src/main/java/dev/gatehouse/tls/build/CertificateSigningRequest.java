package dev.gatehouse.tls.build;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * An immutable PKCS#10 certificate signing request with the key pair it was made for, as built by
 * {@link CsrBuilder}. The request goes to an external CA; the key stays with Gatehouse (pending) until the
 * signed certificate comes back. {@link #toString()} never shows the private key.
 */
public final class CertificateSigningRequest {

    private final PKCS10CertificationRequest request;
    private final KeyPair keyPair;
    private final KeyAlgorithm algorithm;
    private final String subject;
    private final List<String> dnsNames;
    private final List<String> ipAddresses;

    CertificateSigningRequest(PKCS10CertificationRequest request, KeyPair keyPair, KeyAlgorithm algorithm,
                              String subject, List<String> dnsNames, List<String> ipAddresses) {
        this.request = Objects.requireNonNull(request);
        this.keyPair = Objects.requireNonNull(keyPair);
        this.algorithm = Objects.requireNonNull(algorithm);
        this.subject = subject;
        this.dnsNames = List.copyOf(dnsNames);
        this.ipAddresses = List.copyOf(ipAddresses);
    }

    /** {@code -----BEGIN CERTIFICATE REQUEST-----}, what CAs ask for. */
    public String pem() {
        return Pem.encode("CERTIFICATE REQUEST", der());
    }

    public byte[] der() {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("The request cannot be encoded", e);
        }
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    /** The subject as requested, RFC 2253. */
    public String subject() {
        return subject;
    }

    public List<String> dnsNames() {
        return dnsNames;
    }

    public List<String> ipAddresses() {
        return ipAddresses;
    }

    /** True when the request's signature verifies with its own public key (proof of possession). */
    public boolean signatureValid() {
        try {
            return request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(request.getSubjectPublicKeyInfo()));
        } catch (PKCSException | org.bouncycastle.operator.OperatorCreationException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "CertificateSigningRequest[" + subject + ", " + algorithm.displayName() + ", names " + dnsNames + "]";
    }
}
