package dev.gatehouse.tls;

import dev.gatehouse.input.InputLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.BadPaddingException;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * Reads a PKCS#12 keystore ({@code .p12}, {@code .pfx}) with the JDK's PKCS12 implementation: the
 * key entries' private keys with their chains (leaf first, as stored), then the trusted
 * certificates. Without a password it tries the empty password (openssl {@code -passout pass:})
 * before reporting that one is needed.
 */
final class Pkcs12Reader {

    private final PasswordSource passwords;
    private final InputLimits limits;

    Pkcs12Reader(PasswordSource passwords, InputLimits limits) {
        this.passwords = passwords;
        this.limits = limits;
    }

    /** A PKCS#12 {@code PFX}: {@code SEQUENCE { INTEGER 3, ContentInfo, ... }}. */
    static boolean looksLikePkcs12(ASN1Primitive object) {
        return object instanceof ASN1Sequence seq && seq.size() >= 2
                && seq.getObjectAt(0) instanceof ASN1Integer version && version.hasValue(3)
                && seq.getObjectAt(1) instanceof ASN1Sequence;
    }

    /** @param parsed the keystore's outer DER, already parsed */
    ParsedMaterial read(ASN1Primitive parsed, byte[] bytes, String name) {
        List<MaterialProblem> problems = new ArrayList<>();
        try {
            Pbkdf2Iterations.check(parsed, limits.pbkdf2Iterations());
        } catch (Pbkdf2Iterations.TooManyException e) {
            problems.add(MaterialProblem.error(MaterialProblem.Kind.LIMIT_EXCEEDED, name + " (PKCS#12 keystore) was "
                    + e.refusal()));
            return new ParsedMaterial(name, List.of(), List.of(), problems);
        }
        Optional<char[]> given = passwords.passwordFor(new PasswordSource.Request(name, "the PKCS#12 keystore"));
        char[] password = given.orElseGet(() -> new char[0]);
        try {
            KeyStore store;
            try {
                store = load(bytes, password);
            } catch (WrongPassword e) {
                problems.add(given.isPresent()
                        ? MaterialProblem.error(MaterialProblem.Kind.WRONG_PASSWORD, "Wrong password for " + name
                                + " (PKCS#12 keystore)")
                        : MaterialProblem.error(MaterialProblem.Kind.PASSWORD_REQUIRED, name + " is a PKCS#12"
                                + " keystore protected by a password; give the password to read it"));
                return new ParsedMaterial(name, List.of(), List.of(), problems);
            } catch (IOException | RuntimeException e) {
                problems.add(MaterialProblem.error(MaterialProblem.Kind.DAMAGED, name + " is a PKCS#12 keystore"
                        + " but is damaged or uses a format this Java runtime cannot read"));
                return new ParsedMaterial(name, List.of(), List.of(), problems);
            }
            return entries(store, password, name, given.isPresent(), problems);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static ParsedMaterial entries(KeyStore store, char[] password, String name, boolean passwordGiven,
                                          List<MaterialProblem> problems) {
        List<CertificateEntry> certs = new ArrayList<>();
        List<KeyEntry> keys = new ArrayList<>();
        Set<X509Certificate> seen = new LinkedHashSet<>();
        List<String> trusted = new ArrayList<>();
        int index = 0;
        try {
            for (String alias : Collections.list(store.aliases())) {
                index++;
                if (store.isKeyEntry(alias)) {
                    readKey(store, alias, password, index, name, keys, problems);
                    Certificate[] chain = store.getCertificateChain(alias);
                    for (Certificate c : chain == null ? new Certificate[0] : chain) {
                        if (c instanceof X509Certificate x && seen.add(x)) {
                            certs.add(new CertificateEntry(index, x));
                        }
                    }
                } else {
                    trusted.add(alias);
                }
            }
            for (String alias : trusted) {
                if (store.getCertificate(alias) instanceof X509Certificate x && seen.add(x)) {
                    certs.add(new CertificateEntry(++index, x));
                }
            }
        } catch (java.security.KeyStoreException e) {
            problems.add(MaterialProblem.error(MaterialProblem.Kind.DAMAGED, name + " is a damaged PKCS#12 keystore"));
        }
        if (passwordGiven && (!keys.isEmpty() || !certs.isEmpty())) {
            problems.add(MaterialProblem.info(MaterialProblem.Kind.DECRYPTED, name + " (PKCS#12 keystore) was opened"
                    + " with the password given; a Secret stores the key unencrypted"));
        }
        if (certs.isEmpty() && keys.isEmpty() && problems.isEmpty()) {
            problems.add(MaterialProblem.error(MaterialProblem.Kind.NO_PEM_DATA, name + " is an empty PKCS#12 keystore"));
        } else if (certs.isEmpty() && !keys.isEmpty()) {
            problems.add(MaterialProblem.warning(MaterialProblem.Kind.KEY_WITHOUT_CERTIFICATE,
                    name + " holds a private key but no certificate"));
        }
        return new ParsedMaterial(name, certs, keys, problems);
    }

    private static void readKey(KeyStore store, String alias, char[] password, int index, String name,
                                List<KeyEntry> keys, List<MaterialProblem> problems) {
        try {
            Key key = store.getKey(alias, password);
            if (key instanceof PrivateKey privateKey) {
                keys.add(new KeyEntry(index, "PKCS#12", privateKey, Optional.empty()));
            }
        } catch (UnrecoverableKeyException e) {
            problems.add(new MaterialProblem(MaterialProblem.Kind.WRONG_PASSWORD, MaterialProblem.Level.ERROR,
                    java.util.OptionalInt.of(index), "The private key \"" + alias + "\" in " + name
                    + " has a password other than the keystore's"));
        } catch (Exception e) {
            problems.add(new MaterialProblem(MaterialProblem.Kind.UNSUPPORTED_ALGORITHM, MaterialProblem.Level.ERROR,
                    java.util.OptionalInt.of(index), "The private key \"" + alias + "\" in " + name
                    + " cannot be read by this Java runtime"));
        }
    }

    private static KeyStore load(byte[] bytes, char[] password) throws IOException, WrongPassword {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
            return store;
        } catch (IOException e) {
            if (isPasswordFailure(e)) {
                throw new WrongPassword();
            }
            throw e;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static boolean isPasswordFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnrecoverableKeyException || c instanceof BadPaddingException) {
                return true;
            }
            String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("password") || m.contains("mac check") || m.contains("integrity")) {
                return true;
            }
        }
        return false;
    }

    private static final class WrongPassword extends Exception {
        WrongPassword() {
            super("wrong password", null, false, false);
        }
    }
}
