package dev.gatehouse.tls;

import java.nio.charset.StandardCharsets;

/**
 * Reads certificate and key material from bytes. {@link PemReader} handles PEM text; readers for
 * DER, PKCS#12 and encrypted keys can implement the same interface and merge their results with
 * {@link ParsedMaterial#merge(ParsedMaterial)}.
 *
 * <p>Implementations never throw for bad input: every problem is reported in
 * {@link ParsedMaterial#problems()} with a plain message.
 */
public interface MaterialReader {

    /**
     * Reads the given bytes.
     *
     * @param bytes  file or Secret value content
     * @param source a short name for messages, e.g. {@code tls.crt} or a file name
     */
    ParsedMaterial read(byte[] bytes, String source);

    /** Reads text (PEM is ASCII; any other characters are kept as they are). */
    default ParsedMaterial read(String text, String source) {
        return read(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8), source);
    }
}
