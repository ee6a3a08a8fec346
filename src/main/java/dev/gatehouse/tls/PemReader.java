package dev.gatehouse.tls;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads PEM text with any number of blocks: certificates, PKCS#8 {@code PRIVATE KEY}, PKCS#1
 * {@code RSA PRIVATE KEY} and SEC1 {@code EC PRIVATE KEY}. Each block is decoded on its own, so a
 * damaged block is reported by its number and the others are still read.
 *
 * <p>Uses the JDK's security providers (no provider is registered globally).
 */
public final class PemReader implements MaterialReader {

    private static final Logger LOG = LoggerFactory.getLogger(PemReader.class);
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 #]+)-----");
    private static final Pattern END = Pattern.compile("-----END ([A-Z0-9 #]+)-----");

    // Without a registered BouncyCastle provider the JDK's KeyFactory names apply ("EC", not "ECDSA").
    private final JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter()
            .setAlgorithmMapping(X9ObjectIdentifiers.id_ecPublicKey, "EC");
    private final JcaX509CertificateConverter certConverter = new JcaX509CertificateConverter();

    @Override
    public ParsedMaterial read(byte[] bytes, String source) {
        String text = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        List<CertificateEntry> certs = new ArrayList<>();
        List<KeyEntry> keys = new ArrayList<>();
        List<MaterialProblem> problems = new ArrayList<>();

        List<Block> blocks = split(text, problems);
        for (Block block : blocks) {
            decode(block, certs, keys, problems);
        }
        if (blocks.isEmpty() && problems.isEmpty()) {
            String what = text.isBlank() ? "is empty" : "holds no PEM block (no \"-----BEGIN\" line)";
            problems.add(MaterialProblem.of(MaterialProblem.Kind.NO_PEM_DATA, MaterialProblem.Level.ERROR,
                    name(source) + " " + what));
        }
        if (certs.isEmpty() && !keys.isEmpty()) {
            problems.add(MaterialProblem.of(MaterialProblem.Kind.KEY_WITHOUT_CERTIFICATE,
                    MaterialProblem.Level.WARNING, name(source) + " holds a private key but no certificate"));
        }
        LOG.debug("Read {}: {} certificate(s), {} key(s), {} problem(s)", name(source), certs.size(), keys.size(),
                problems.size());
        return new ParsedMaterial(source, certs, keys, problems);
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
                from = limit;
                continue;
            }
            if (!end.group(1).equals(label)) {
                problems.add(MaterialProblem.error(MaterialProblem.Kind.DAMAGED, index,
                        "PEM block " + index + " begins as " + label + " but ends as " + end.group(1)));
                from = end.end();
                continue;
            }
            blocks.add(new Block(index, label, text.substring(begin.start(), end.end()),
                    text.substring(bodyStart, end.start())));
            from = end.end();
        }
        return blocks;
    }

    private void decode(Block block, List<CertificateEntry> certs, List<KeyEntry> keys,
                        List<MaterialProblem> problems) {
        if (block.body().contains("Proc-Type:") && block.body().contains("ENCRYPTED")) {
            problems.add(encrypted(block));
            return;
        }
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(block.text()))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            problems.add(unreadable(block, e));
            return;
        }
        try {
            if (parsed instanceof X509CertificateHolder holder) {
                X509Certificate cert = certConverter.getCertificate(holder);
                certs.add(new CertificateEntry(block.index(), cert));
            } else if (parsed instanceof PrivateKeyInfo info) {
                PrivateKey key = keyConverter.getPrivateKey(info);
                keys.add(new KeyEntry(block.index(), "PKCS#8", key, Optional.empty()));
            } else if (parsed instanceof PEMKeyPair pair) {
                String format = block.label().startsWith("RSA") ? "PKCS#1 (RSA)"
                        : block.label().startsWith("EC") ? "SEC1 (EC)" : block.label();
                if (pair.getPublicKeyInfo() == null) {
                    // SEC1 keys may omit the optional public key.
                    PrivateKey key = keyConverter.getPrivateKey(pair.getPrivateKeyInfo());
                    keys.add(new KeyEntry(block.index(), format, key, Optional.empty()));
                } else {
                    KeyPair kp = keyConverter.getKeyPair(pair);
                    keys.add(new KeyEntry(block.index(), format, kp.getPrivate(), Optional.of(kp.getPublic())));
                }
            } else if (parsed instanceof PEMEncryptedKeyPair || parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
                problems.add(encrypted(block));
            } else if (parsed instanceof ASN1ObjectIdentifier) {
                problems.add(new MaterialProblem(MaterialProblem.Kind.UNSUPPORTED_BLOCK, MaterialProblem.Level.INFO,
                        java.util.OptionalInt.of(block.index()),
                        "PEM block " + block.index() + " holds EC parameters only; they are not needed"));
            } else if (parsed == null) {
                problems.add(unreadable(block, null));
            } else {
                problems.add(new MaterialProblem(MaterialProblem.Kind.UNSUPPORTED_BLOCK,
                        MaterialProblem.Level.WARNING, java.util.OptionalInt.of(block.index()),
                        "PEM block " + block.index() + " is a " + block.label()
                                + ", not a certificate or private key; it is ignored"));
            }
        } catch (Exception e) {
            problems.add(unreadable(block, e));
        }
    }

    private static MaterialProblem encrypted(Block block) {
        return MaterialProblem.error(MaterialProblem.Kind.ENCRYPTED_KEY, block.index(),
                "PEM block " + block.index() + " is an encrypted private key; Ingress controllers need it unencrypted");
    }

    private static MaterialProblem unreadable(Block block, Exception cause) {
        if (cause != null) {
            LOG.debug("PEM block {} ({}) unreadable: {}", block.index(), block.label(), cause.toString());
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
        byte[] der;
        try {
            String base64 = body.replaceAll("(?m)^[A-Za-z-]+:.*$", "").replaceAll("\\s", "");
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (der.length < 2) {
            return der.length > 0;
        }
        int first = der[1] & 0xff;
        long length;
        int headerLength;
        if (first < 0x80) {
            length = first;
            headerLength = 2;
        } else {
            int count = first & 0x7f;
            if (count == 0 || count > 4 || der.length < 2 + count) {
                return der.length < 2 + count;
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (der[2 + i] & 0xff);
            }
            headerLength = 2 + count;
        }
        return headerLength + length > der.length;
    }

    private record Block(int index, String label, String text, String body) {
    }
}
