package dev.gatehouse.tls;

import dev.gatehouse.input.InputLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads binary DER: X.509 certificates (one or several back to back), PKCS#8 private keys (plain or
 * encrypted), PKCS#1 RSA and SEC1 EC keys, PKCS#7 bundles; recognises CSRs. PKCS#12 keystores are
 * handed to {@link Pkcs12Reader}. Bytes after the last complete object are reported, not read.
 */
final class DerReader {

    private final PasswordSource passwords;
    private final InputLimits limits;
    private final KeyDecoder keyDecoder = new KeyDecoder();
    private final EncryptedKeys encrypted;
    private final JcaX509CertificateConverter converter = new JcaX509CertificateConverter();

    DerReader(PasswordSource passwords, InputLimits limits) {
        this.passwords = passwords;
        this.limits = limits;
        this.encrypted = new EncryptedKeys(keyDecoder, limits.pbkdf2Iterations());
    }

    ParsedMaterial read(byte[] bytes, String name) {
        List<CertificateEntry> certs = new ArrayList<>();
        List<KeyEntry> keys = new ArrayList<>();
        List<MaterialProblem> problems = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        int index = 0;
        try (ASN1InputStream asn1 = new ASN1InputStream(in, bytes.length)) {
            while (in.available() > 0) {
                int offset = bytes.length - in.available();
                ASN1Primitive object;
                try {
                    object = asn1.readObject();
                } catch (IOException | RuntimeException e) {
                    problems.add(index == 0 ? cutOrDamaged(bytes, name)
                            : trailing(name, bytes.length - offset, index));
                    break;
                }
                if (object == null) {
                    break;
                }
                index++;
                if (index == 1 && Pkcs12Reader.looksLikePkcs12(object)) {
                    return new Pkcs12Reader(passwords, limits).read(object, bytes, name);
                }
                if (index > limits.certificatesPerFile()) {
                    problems.add(MaterialProblem.error(MaterialProblem.Kind.LIMIT_EXCEEDED, name + " holds more than"
                            + " the limit of " + limits.certificatesPerFile() + " DER objects per file"
                            + " (certificatesPerFile); only the first " + limits.certificatesPerFile() + " were read"));
                    break;
                }
                Kind kind = classify(object);
                if (index > 1 && kind != Kind.CERTIFICATE) {
                    problems.add(trailing(name, bytes.length - offset, index - 1));
                    break;
                }
                read(kind, object, index, name, certs, keys, problems);
            }
        } catch (IOException e) {
            problems.add(cutOrDamaged(bytes, name));
        }
        if (certs.isEmpty() && !keys.isEmpty()) {
            problems.add(MaterialProblem.warning(MaterialProblem.Kind.KEY_WITHOUT_CERTIFICATE,
                    name + " holds a private key but no certificate"));
        }
        return new ParsedMaterial(name, certs, keys, problems);
    }

    private enum Kind { CERTIFICATE, CSR, PKCS7, PRIVATE_KEY, ENCRYPTED_KEY, RSA_KEY, EC_KEY, UNKNOWN }

    private static Kind classify(ASN1Primitive object) {
        if (!(object instanceof ASN1Sequence seq) || seq.size() == 0) {
            return Kind.UNKNOWN;
        }
        ASN1Encodable first = seq.getObjectAt(0);
        if (first instanceof ASN1ObjectIdentifier) {
            return Kind.PKCS7;
        }
        if (seq.size() == 3 && first instanceof ASN1Sequence && seq.getObjectAt(2) instanceof ASN1BitString) {
            return isCertificate(seq) ? Kind.CERTIFICATE : Kind.CSR;
        }
        if (seq.size() == 2 && first instanceof ASN1Sequence && seq.getObjectAt(1) instanceof ASN1OctetString) {
            return Kind.ENCRYPTED_KEY;
        }
        if (first instanceof ASN1Integer version && seq.size() >= 2 && version.getValue().bitLength() < 8) {
            int v = version.intValueExact();
            if (v <= 1 && seq.size() >= 3 && seq.getObjectAt(1) instanceof ASN1Sequence
                    && seq.getObjectAt(2) instanceof ASN1OctetString) {
                return Kind.PRIVATE_KEY;
            }
            if (v == 0 && seq.size() >= 9) {
                return Kind.RSA_KEY;
            }
            if (v == 1 && seq.getObjectAt(1) instanceof ASN1OctetString) {
                return Kind.EC_KEY;
            }
        }
        return Kind.UNKNOWN;
    }

    private static boolean isCertificate(ASN1Sequence seq) {
        try {
            Certificate.getInstance(seq);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void read(Kind kind, ASN1Primitive object, int index, String name, List<CertificateEntry> certs,
                      List<KeyEntry> keys, List<MaterialProblem> problems) {
        try {
            switch (kind) {
                case CERTIFICATE -> certs.add(new CertificateEntry(index,
                        converter.getCertificate(new X509CertificateHolder(Certificate.getInstance(object)))));
                case PKCS7 -> {
                    for (X509CertificateHolder holder : Pkcs7.certificates(ContentInfo.getInstance(object))) {
                        certs.add(new CertificateEntry(index, converter.getCertificate(holder)));
                    }
                }
                case CSR -> {
                    CertificationRequest.getInstance(object);
                    problems.add(MaterialProblem.warning(MaterialProblem.Kind.UNSUPPORTED_BLOCK, name + " is a"
                            + " certificate signing request (CSR), not a certificate: send it to your CA and import"
                            + " the certificate it returns"));
                }
                case PRIVATE_KEY -> keys.add(new KeyEntry(index, "PKCS#8 (DER)",
                        keyDecoder.privateKey(PrivateKeyInfo.getInstance(object)), Optional.empty()));
                case RSA_KEY -> keys.add(new KeyEntry(index, "PKCS#1 (RSA, DER)",
                        keyDecoder.rsa((ASN1Sequence) object), Optional.empty()));
                case EC_KEY -> keys.add(new KeyEntry(index, "SEC1 (EC, DER)",
                        keyDecoder.sec1((ASN1Sequence) object), Optional.empty()));
                case ENCRYPTED_KEY -> encryptedKey(object, index, name, keys, problems);
                default -> problems.add(MaterialProblem.error(MaterialProblem.Kind.UNKNOWN_FORMAT, name
                        + " is binary DER data, but not a certificate, private key or keystore"));
            }
        } catch (Exception e) {
            problems.add(UnsupportedMaterial.explain(object).map(why -> MaterialProblem.error(
                    MaterialProblem.Kind.UNSUPPORTED_ALGORITHM, name + " " + why)).orElseGet(() -> unreadable(kind, name, e)));
        }
    }

    private void encryptedKey(ASN1Primitive object, int index, String name, List<KeyEntry> keys,
                              List<MaterialProblem> problems) throws IOException {
        PKCS8EncryptedPrivateKeyInfo info = new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(object));
        Optional<char[]> password = passwords.passwordFor(new PasswordSource.Request(name,
                "the encrypted private key"));
        if (password.isEmpty()) {
            problems.add(MaterialProblem.error(MaterialProblem.Kind.ENCRYPTED_KEY, name + " is an encrypted"
                    + " private key (DER) and no password was given; Ingress controllers need it unencrypted"));
            return;
        }
        try {
            keys.add(new KeyEntry(index, "PKCS#8 (DER, encrypted)", encrypted.pkcs8(info, password.get()),
                    Optional.empty()));
            problems.add(MaterialProblem.info(MaterialProblem.Kind.DECRYPTED, name + " was an encrypted private key;"
                    + " it was opened with the password given (a Secret stores it unencrypted)"));
        } catch (EncryptedKeys.WrongPasswordException e) {
            problems.add(MaterialProblem.error(MaterialProblem.Kind.WRONG_PASSWORD,
                    "Wrong password for " + name + " (encrypted private key)"));
        } catch (Pbkdf2Iterations.TooManyException e) {
            problems.add(MaterialProblem.error(MaterialProblem.Kind.LIMIT_EXCEEDED, name + " (encrypted private key)"
                    + " was " + e.refusal()));
        }
    }

    private static MaterialProblem unreadable(Kind kind, String name, Exception e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof NoSuchAlgorithmException) {
                return MaterialProblem.error(MaterialProblem.Kind.UNSUPPORTED_ALGORITHM, name
                        + " holds a key of an algorithm this Java runtime cannot load");
            }
        }
        String what = switch (kind) {
            case CERTIFICATE -> "DER certificate";
            case PKCS7 -> "PKCS#7 bundle";
            case CSR -> "DER structure";
            default -> "DER private key";
        };
        return MaterialProblem.error(MaterialProblem.Kind.DAMAGED, name + " looks like a " + what
                + " but is damaged and cannot be read");
    }

    private static MaterialProblem cutOrDamaged(byte[] bytes, String name) {
        if (DerLength.declaresMoreThanItHolds(bytes)) {
            return MaterialProblem.error(MaterialProblem.Kind.TRUNCATED, name + " is truncated: the DER data"
                    + " declares " + DerLength.declaredLength(bytes) + " bytes but the file has " + bytes.length);
        }
        return MaterialProblem.error(MaterialProblem.Kind.DAMAGED, name + " starts like DER data but is damaged"
                + " and cannot be read");
    }

    private static MaterialProblem trailing(String name, int count, int objects) {
        return MaterialProblem.warning(MaterialProblem.Kind.TRAILING_DATA, name + " has " + count + " byte"
                + (count == 1 ? "" : "s") + " after its " + (objects == 1 ? "DER object" : objects + " DER objects")
                + " that belong to nothing; they were ignored");
    }
}
