package dev.gatehouse.tls;

import dev.gatehouse.input.InputLimits;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads PEM text with any number of blocks: certificates (also PKCS#7 bundles and OpenSSL's
 * {@code TRUSTED CERTIFICATE}), PKCS#8 {@code PRIVATE KEY} (RSA, EC, Ed25519), PKCS#1
 * {@code RSA PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY}, encrypted PKCS#8 and OpenSSL's legacy
 * {@code Proc-Type: 4,ENCRYPTED} keys (with a {@link PasswordSource}). Each block is decoded on its
 * own, so a damaged block is reported by its number and the others are still read.
 *
 * <p>Uses the JDK's security providers (no provider is registered globally).
 */
public final class PemReader implements MaterialReader {

    private static final Logger LOG = LoggerFactory.getLogger(PemReader.class);
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 #]+)-----");
    private static final Pattern END = Pattern.compile("-----END ([A-Z0-9 #]+)-----");
    /** A line that tries to be a PEM header: dashes, BEGIN, a type, dashes (any count, any case). */
    private static final Pattern LOOSE_BEGIN = Pattern.compile("(?im)^[ \\t]*-* ?BEGIN [A-Z0-9 #]+-*[ \\t]*$");
    private static final Set<String> KNOWN = Set.of("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE",
            "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY",
            "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", "PKCS7", "CMS",
            "X509 CRL", "EC PARAMETERS", "DSA PARAMETERS");

    private final PasswordSource passwords;
    private final InputLimits limits;
    private final KeyDecoder keyDecoder = new KeyDecoder();
    private final EncryptedKeys encrypted;
    private final JcaX509CertificateConverter certConverter = new JcaX509CertificateConverter();

    /** A reader that reports encrypted keys instead of asking for a password. */
    public PemReader() {
        this(PasswordSource.none());
    }

    public PemReader(PasswordSource passwords) {
        this(passwords, InputLimits.defaults());
    }

    /** @param limits the certificates per file and PBKDF2 iterations it accepts */
    public PemReader(PasswordSource passwords, InputLimits limits) {
        this.passwords = passwords;
        this.limits = limits;
        this.encrypted = new EncryptedKeys(keyDecoder, limits.pbkdf2Iterations());
    }

    @Override
    public ParsedMaterial read(byte[] bytes, String source) {
        String text = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        Sink sink = new Sink(name(source));
        List<Block> blocks = split(text, sink.problems);
        int max = limits.certificatesPerFile();
        int skipped = 0;
        for (Block block : blocks) {
            if (sink.certs.size() >= max && block.label().contains("CERTIFICATE")) {
                skipped++;
                continue;
            }
            decode(block, sink);
        }
        if (skipped > 0) {
            sink.problems.add(MaterialProblem.of(MaterialProblem.Kind.LIMIT_EXCEEDED, MaterialProblem.Level.ERROR,
                    sink.name + " holds more than " + max + " certificates, the limit per file"
                            + " (certificatesPerFile); " + skipped + " more certificate block(s) were not read"));
        }
        misheaded(text, blocks, sink);
        if (blocks.isEmpty() && sink.problems.isEmpty()) {
            String what = text.isBlank() ? "is empty" : "holds no PEM block (no \"-----BEGIN\" line)";
            sink.problems.add(MaterialProblem.of(MaterialProblem.Kind.NO_PEM_DATA, MaterialProblem.Level.ERROR,
                    sink.name + " " + what));
        }
        if (sink.certs.isEmpty() && !sink.keys.isEmpty()) {
            sink.problems.add(MaterialProblem.of(MaterialProblem.Kind.KEY_WITHOUT_CERTIFICATE,
                    MaterialProblem.Level.WARNING, sink.name + " holds a private key but no certificate"));
        }
        LOG.debug("Read {}: {} certificate(s), {} key(s), {} problem(s)", sink.name, sink.certs.size(),
                sink.keys.size(), sink.problems.size());
        return new ParsedMaterial(source, sink.certs, sink.keys, sink.problems);
    }

    private static String name(String source) {
        return source == null || source.isBlank() ? "The text" : source;
    }

    /** Splits the text into BEGIN/END blocks; a BEGIN without its END is reported as truncated. */
    private static List<Block> split(String text, List<MaterialProblem> problems) {
        List<Block> blocks = new ArrayList<>();
        Matcher begin = BEGIN.matcher(text);
        int index = 0;
        int from = 0;
        while (begin.find(from)) {
            index++;
            String label = begin.group(1);
            int bodyStart = begin.end();
            Matcher nextBegin = BEGIN.matcher(text);
            int limit = nextBegin.find(bodyStart) ? nextBegin.start() : text.length();
            Matcher end = END.matcher(text).region(bodyStart, limit);
            if (!end.find()) {
                problems.add(MaterialProblem.error(MaterialProblem.Kind.TRUNCATED, index,
                        "PEM block " + index + " (" + label + ") is truncated: its END line is missing"));
                blocks.add(new Block(index, label, null, null, begin.start(), limit));
                from = limit;
                continue;
            }
            if (!end.group(1).equals(label)) {
                problems.add(MaterialProblem.error(MaterialProblem.Kind.DAMAGED, index,
                        "PEM block " + index + " begins as " + label + " but ends as " + end.group(1)));
                blocks.add(new Block(index, label, null, null, begin.start(), end.end()));
                from = end.end();
                continue;
            }
            blocks.add(new Block(index, label, text.substring(begin.start(), end.end()),
                    text.substring(bodyStart, end.start()), begin.start(), end.end()));
            from = end.end();
        }
        return blocks;
    }

    /** Reports lines outside the blocks that try to be PEM headers ("----BEGIN CERTIFICATE-----"). */
    private static void misheaded(String text, List<Block> blocks, Sink sink) {
        Matcher loose = LOOSE_BEGIN.matcher(text);
        while (loose.find()) {
            int at = loose.start();
            if (blocks.stream().anyMatch(b -> at >= b.start() && at < b.end())) {
                continue;
            }
            String line = loose.group().trim();
            if (line.length() > 80) {
                line = line.substring(0, 77) + "…";
            }
            int lineNumber = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            sink.problems.add(MaterialProblem.of(MaterialProblem.Kind.DAMAGED, MaterialProblem.Level.ERROR,
                    sink.name + ", line " + lineNumber + ": \"" + line + "\" looks like a PEM header but is not one"
                            + " (a header reads -----BEGIN CERTIFICATE----- with five dashes on each side)"));
        }
    }

    private void decode(Block block, Sink sink) {
        if (block.text() == null) {
            return; // already reported by split
        }
        if (!KNOWN.contains(block.label())) {
            sink.problems.add(unsupported(block, block.label().contains("OPENSSH")
                    ? "PEM block " + block.index() + " is an OpenSSH private key (ssh-keygen's format); TLS needs a"
                    + " PEM key: convert it with openssl pkey or export it again as PKCS#8"
                    : "PEM block " + block.index() + " is a " + block.label() + " block, which holds neither a"
                    + " certificate nor a private key; it is ignored", MaterialProblem.Level.WARNING));
            return;
        }
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(block.text()))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            sink.problems.add(unreadable(block, e));
            return;
        }
        try {
            route(block, parsed, sink);
        } catch (Exception e) {
            sink.problems.add(unreadable(block, e));
        }
    }

    private void route(Block block, Object parsed, Sink sink) throws Exception {
        int i = block.index();
        if (parsed instanceof X509CertificateHolder holder) {
            sink.certs.add(new CertificateEntry(i, certConverter.getCertificate(holder)));
        } else if (parsed instanceof X509TrustedCertificateBlock trusted) {
            sink.certs.add(new CertificateEntry(i, certConverter.getCertificate(trusted.getCertificateHolder())));
        } else if (parsed instanceof PrivateKeyInfo info) {
            sink.keys.add(new KeyEntry(i, "PKCS#8", keyDecoder.privateKey(info), Optional.empty()));
        } else if (parsed instanceof PEMKeyPair pair) {
            KeyDecoder.Decoded key = keyDecoder.keyPair(pair);
            sink.keys.add(new KeyEntry(i, format(block.label()), key.privateKey(), key.publicKey()));
        } else if (parsed instanceof PKCS8EncryptedPrivateKeyInfo info) {
            Optional<char[]> pw = password(block, sink);
            if (pw.isPresent()) {
                try {
                    PrivateKey key = encrypted.pkcs8(info, pw.get());
                    sink.keys.add(new KeyEntry(i, "PKCS#8 (encrypted)", key, Optional.empty()));
                    sink.problems.add(decrypted(block));
                } catch (EncryptedKeys.WrongPasswordException e) {
                    sink.problems.add(wrongPassword(block));
                } catch (Pbkdf2Iterations.TooManyException e) {
                    sink.problems.add(MaterialProblem.error(MaterialProblem.Kind.LIMIT_EXCEEDED, i, "PEM block " + i
                            + " (encrypted private key) was " + e.refusal()));
                }
            }
        } else if (parsed instanceof PEMEncryptedKeyPair pair) {
            Optional<char[]> pw = password(block, sink);
            if (pw.isPresent()) {
                try {
                    KeyDecoder.Decoded key = encrypted.legacy(pair, pw.get());
                    sink.keys.add(new KeyEntry(i, format(block.label()) + " (encrypted)", key.privateKey(),
                            key.publicKey()));
                    sink.problems.add(decrypted(block));
                } catch (EncryptedKeys.WrongPasswordException e) {
                    sink.problems.add(wrongPassword(block));
                }
            }
        } else if (parsed instanceof ContentInfo pkcs7) {
            List<X509CertificateHolder> holders = Pkcs7.certificates(pkcs7);
            for (X509CertificateHolder holder : holders) {
                sink.certs.add(new CertificateEntry(i, certConverter.getCertificate(holder)));
            }
            if (holders.isEmpty()) {
                sink.problems.add(unsupported(block, "PEM block " + i + " is a PKCS#7 structure without certificates",
                        MaterialProblem.Level.WARNING));
            }
        } else if (parsed instanceof PKCS10CertificationRequest) {
            sink.problems.add(unsupported(block, "PEM block " + i + " is a certificate signing request (CSR), not a"
                    + " certificate: send it to your CA and import the certificate it returns",
                    MaterialProblem.Level.WARNING));
        } else if (parsed instanceof SubjectPublicKeyInfo) {
            sink.problems.add(unsupported(block, "PEM block " + i + " is a public key; a TLS Secret needs the"
                    + " private key (and the certificate)", MaterialProblem.Level.WARNING));
        } else if (parsed instanceof X509CRLHolder) {
            sink.problems.add(unsupported(block, "PEM block " + i + " is a certificate revocation list (CRL);"
                    + " it is ignored", MaterialProblem.Level.INFO));
        } else if (parsed instanceof ASN1ObjectIdentifier || parsed instanceof X9ECParameters) {
            sink.problems.add(unsupported(block, "PEM block " + i + " holds EC parameters only; they are not needed",
                    MaterialProblem.Level.INFO));
        } else if (parsed == null) {
            sink.problems.add(unreadable(block, null));
        } else {
            sink.problems.add(unsupported(block, "PEM block " + i + " is a " + block.label()
                    + ", not a certificate or private key; it is ignored", MaterialProblem.Level.WARNING));
        }
    }

    private Optional<char[]> password(Block block, Sink sink) {
        Optional<char[]> password = passwords.passwordFor(new PasswordSource.Request(sink.name,
                "PEM block " + block.index() + " (encrypted private key)"));
        if (password.isEmpty()) {
            sink.problems.add(MaterialProblem.error(MaterialProblem.Kind.ENCRYPTED_KEY, block.index(),
                    "PEM block " + block.index() + " is an encrypted private key and no password was given;"
                            + " Ingress controllers need it unencrypted"));
        }
        return password;
    }

    private static String format(String label) {
        return label.startsWith("RSA") ? "PKCS#1 (RSA)" : label.startsWith("EC") ? "SEC1 (EC)" : label;
    }

    private static MaterialProblem decrypted(Block block) {
        return new MaterialProblem(MaterialProblem.Kind.DECRYPTED, MaterialProblem.Level.INFO,
                OptionalInt.of(block.index()), "PEM block " + block.index() + " was an encrypted private key; it was"
                + " opened with the password given (a Secret stores it unencrypted)");
    }

    private static MaterialProblem wrongPassword(Block block) {
        return MaterialProblem.error(MaterialProblem.Kind.WRONG_PASSWORD, block.index(),
                "Wrong password for PEM block " + block.index() + " (encrypted private key)");
    }

    private static MaterialProblem unsupported(Block block, String message, MaterialProblem.Level level) {
        return new MaterialProblem(MaterialProblem.Kind.UNSUPPORTED_BLOCK, level, OptionalInt.of(block.index()),
                message);
    }

    private static MaterialProblem unreadable(Block block, Exception cause) {
        if (cause != null) {
            LOG.debug("PEM block {} ({}) unreadable: {}", block.index(), block.label(), cause.getClass().getName());
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof NoSuchAlgorithmException) {
                return MaterialProblem.error(MaterialProblem.Kind.UNSUPPORTED_ALGORITHM, block.index(),
                        "PEM block " + block.index() + " (" + block.label() + ") uses a key algorithm this Java"
                                + " runtime cannot load");
            }
        }
        Optional<String> unsupported = decodeBody(block.body()).flatMap(UnsupportedMaterial::explain);
        if (unsupported.isPresent()) {
            return MaterialProblem.error(MaterialProblem.Kind.UNSUPPORTED_ALGORITHM, block.index(),
                    "PEM block " + block.index() + " (" + block.label() + ") " + unsupported.get());
        }
        if (declaresMoreThanItHolds(block.body())) {
            return MaterialProblem.error(MaterialProblem.Kind.TRUNCATED, block.index(),
                    "PEM block " + block.index() + " (" + block.label() + ") is truncated: its content is cut short");
        }
        return MaterialProblem.error(MaterialProblem.Kind.DAMAGED, block.index(),
                "PEM block " + block.index() + " (" + block.label() + ") is damaged and cannot be read");
    }

    /** True when the body's outer DER length is longer than the decoded bytes (content cut off). */
    static boolean declaresMoreThanItHolds(String body) {
        return decodeBody(body).map(DerLength::declaresMoreThanItHolds).orElse(false);
    }

    private static Optional<byte[]> decodeBody(String body) {
        try {
            String base64 = body.replaceAll("(?m)^[A-Za-z-]+:.*$", "").replaceAll("\\s", "");
            return Optional.of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record Block(int index, String label, String text, String body, int start, int end) {
    }

    /** What one read collects. */
    private static final class Sink {
        final String name;
        final List<CertificateEntry> certs = new ArrayList<>();
        final List<KeyEntry> keys = new ArrayList<>();
        final List<MaterialProblem> problems = new ArrayList<>();

        Sink(String name) {
            this.name = name;
        }
    }
}
