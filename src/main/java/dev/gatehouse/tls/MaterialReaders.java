package dev.gatehouse.tls;

import dev.gatehouse.input.InputLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point for reading certificate and key material of any format users have. The
 * format is detected from the content, never from a file name:
 *
 * <ul>
 *   <li>PEM text (any number of blocks, see {@link PemReader}), also when wrapped in base64 as in a
 *       Secret's {@code data};</li>
 *   <li>DER: certificates, PKCS#8 / PKCS#1 / SEC1 keys, encrypted PKCS#8, PKCS#7 ({@link DerReader});</li>
 *   <li>PKCS#12 keystores ({@link Pkcs12Reader}).</li>
 * </ul>
 *
 * <p>Nothing thrown by a reader leaves this class: every problem is a {@link MaterialProblem} with a
 * plain message. Inputs larger than {@link #MAX_BYTES} are refused unread.
 */
public final class MaterialReaders {

    /**
     * Certificate material is kilobytes; even a bundle of every public root is under 1 MB. The default of
     * {@link InputLimits#certificateFileBytes()}.
     */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MaterialReaders.class);

    private MaterialReaders() {
    }

    /**
     * Reads {@code bytes}, asking {@code passwords} for encrypted keys and keystores.
     *
     * @param source a short name for messages: a file name, {@code tls.crt}
     */
    public static ParsedMaterial read(byte[] bytes, String source, PasswordSource passwords) {
        return read(bytes, source, passwords, InputLimits.defaults());
    }

    /** Reads {@code bytes} within {@code limits} (bytes, certificates per file, PBKDF2 iterations). */
    public static ParsedMaterial read(byte[] bytes, String source, PasswordSource passwords, InputLimits limits) {
        String name = source == null || source.isBlank() ? "The input" : source;
        try {
            return detect(bytes == null ? new byte[0] : bytes, name, passwords, limits, 2);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.debug("Reading {} failed: {}", name, e.getClass().getName());
            return failed(name, MaterialProblem.error(MaterialProblem.Kind.DAMAGED, name
                    + " is damaged and cannot be read"));
        }
    }

    /** Reads without passwords: encrypted items are reported. */
    public static ParsedMaterial read(byte[] bytes, String source) {
        return read(bytes, source, PasswordSource.none());
    }

    /** @param unwrap how many layers of base64 may still be taken off (a Secret value encoded twice has two) */
    private static ParsedMaterial detect(byte[] bytes, String name, PasswordSource passwords, InputLimits limits,
                                         int unwrap) {
        if (bytes.length == 0 || isBlank(bytes)) {
            return failed(name, MaterialProblem.error(MaterialProblem.Kind.NO_PEM_DATA, name + " is empty"));
        }
        if (bytes.length > limits.certificateFileBytes()) {
            return failed(name, MaterialProblem.error(MaterialProblem.Kind.TOO_LARGE, name + " is "
                    + megabytes(bytes.length) + "; certificate and key files are a few kilobytes, so it was not read"));
        }
        if (contains(bytes, "-----BEGIN ")) {
            return new PemReader(passwords, limits).read(bytes, name);
        }
        if ((bytes[0] & 0xff) == 0x30) {
            return new DerReader(passwords, limits).read(bytes, name);
        }
        String magic = magic(bytes, name);
        if (magic != null) {
            return failed(name, MaterialProblem.error(MaterialProblem.Kind.UNKNOWN_FORMAT, magic));
        }
        if (isText(bytes)) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            String compact = text.replaceAll("\\s", "");
            if (unwrap > 0 && compact.length() >= 16 && !text.contains("BEGIN") && compact.matches("[A-Za-z0-9+/=_-]+")) {
                return base64(compact, name, passwords, limits, unwrap);
            }
            // PemReader tells "no PEM block" apart from a mis-typed header
            return new PemReader(passwords, limits).read(bytes, name);
        }
        return failed(name, MaterialProblem.error(MaterialProblem.Kind.UNKNOWN_FORMAT, name + " is not a certificate,"
                + " private key or keystore in a format Gatehouse reads (PEM, DER, PKCS#12)"));
    }

    /** Base64 around PEM or DER, as kubectl shows a Secret's data. */
    private static ParsedMaterial base64(String compact, String name, PasswordSource passwords, InputLimits limits,
                                         int unwrap) {
        byte[] decoded;
        try {
            decoded = compact.contains("-") || compact.contains("_") ? Base64.getUrlDecoder().decode(compact)
                    : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            decoded = new byte[0];
        }
        boolean pem = contains(decoded, "-----BEGIN ");
        boolean der = decoded.length > 0 && (decoded[0] & 0xff) == 0x30;
        boolean again = unwrap > 1 && !pem && !der && decoded.length >= 16 && isText(decoded)
                && new String(decoded, StandardCharsets.US_ASCII).replaceAll("\\s", "").matches("[A-Za-z0-9+/=]+");
        if (!pem && !der && !again) {
            return failed(name, MaterialProblem.error(MaterialProblem.Kind.DAMAGED, name + " holds base64 text"
                    + " that decodes to neither PEM nor DER: it is not certificate material"
                    + " (or the text is cut or mangled)"));
        }
        ParsedMaterial inner = detect(decoded, name, passwords, limits, unwrap - 1);
        List<MaterialProblem> problems = new ArrayList<>();
        problems.add(MaterialProblem.info(MaterialProblem.Kind.DECODED_BASE64, name + " holds base64 text (as a"
                + " Secret's data does); it was decoded to " + (pem ? "PEM" : der ? "DER"
                : "base64 again: it was encoded twice, which a Secret value must not be")));
        problems.addAll(inner.problems());
        return new ParsedMaterial(inner.source(), inner.certificates(), inner.keys(), problems);
    }

    private static String magic(byte[] b, String name) {
        if (b.length >= 4 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xED && (b[2] & 0xff) == 0xFE
                && (b[3] & 0xff) == 0xED) {
            return name + " is a Java keystore (JKS); convert it to PKCS#12 first: keytool -importkeystore"
                    + " -srckeystore " + name + " -destkeystore " + name + ".p12 -deststoretype PKCS12";
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return name + " is a ZIP archive; unpack it and import the files inside";
        }
        if (b.length >= 2 && ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE
                || (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)) {
            return name + " is UTF-16 text; certificate files are plain ASCII: save it again as UTF-8";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            return name + " is gzip-compressed; unpack it and import the files inside";
        }
        String head = new String(b, 0, Math.min(b.length, 64), StandardCharsets.ISO_8859_1);
        if (head.startsWith("openssh-key-v1")) {
            return name + " is an OpenSSH key; TLS needs a PEM or DER key";
        }
        return null;
    }

    private static boolean isText(byte[] bytes) {
        int limit = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < limit; i++) {
            int c = bytes[i] & 0xff;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                control++;
            }
        }
        return control * 50 < limit;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b & 0xff)) {
                return false;
            }
        }
        return true;
    }

    static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String megabytes(int bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static ParsedMaterial failed(String name, MaterialProblem problem) {
        return new ParsedMaterial(name, List.of(), List.of(), List.of(problem));
    }
}
