package dev.gatehouse.input;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How much Gatehouse reads from one input before it refuses it: the one policy for certificate and key
 * files, YAML manifests, kubeconfig files and password files. Every limit hit is reported as a plain
 * message naming the limit and the input (see {@link InputLimitException}); nothing is read past a limit.
 * The defaults are far above what real inputs need (a CA bundle of every public root is under 1 MB,
 * a kubeconfig with embedded certificates a few kilobytes) and low enough that no input costs more
 * than a second of CPU or a few hundred megabytes of memory. {@code docs/hardening.md} lists them.
 *
 * @param certificateFileBytes bytes read from one certificate, key or keystore file
 * @param manifestFileBytes    bytes read from one YAML or JSON manifest file
 * @param kubeconfigFileBytes  bytes read from one kubeconfig file or a file it points to
 * @param passwordFileBytes    bytes read from a password file
 * @param streamTimeout        how long a non-regular file (a FIFO, a pipe, a device) may take to reach
 *                             its end before it is refused
 * @param yamlNestingDepth     nested mappings and sequences in one YAML or JSON document
 * @param yamlAliases          aliases ({@code *name}) of collections in one YAML document
 * @param yamlNodes            values in one YAML document once its aliases are expanded (the "billion
 *                             laughs" guard: a few aliases of aliases expand exponentially)
 * @param objectsPerInput      Kubernetes objects in one input (all files of one load)
 * @param rulesPerIngress      paths (all rules together) in one Ingress
 * @param certificatesPerFile  certificates in one file or Secret value
 * @param namesPerCertificate  subject alternative names in one certificate
 * @param pbkdf2Iterations     iteration count of a password-based key derivation (PKCS#12, encrypted PKCS#8)
 */
public record InputLimits(long certificateFileBytes, long manifestFileBytes, long kubeconfigFileBytes,
                          long passwordFileBytes, Duration streamTimeout, int yamlNestingDepth, int yamlAliases,
                          int yamlNodes, int objectsPerInput, int rulesPerIngress, int certificatesPerFile, int namesPerCertificate,
                          int pbkdf2Iterations) {

    private static final InputLimits DEFAULTS = new InputLimits(4L << 20, 16L << 20, 4L << 20, 4096,
            Duration.ofSeconds(5), 100, 100, 1_000_000, 10_000, 1_000, 1_000, 10_000, 1_000_000);

    public InputLimits {
        Objects.requireNonNull(streamTimeout, "streamTimeout");
        if (certificateFileBytes <= 0 || manifestFileBytes <= 0 || kubeconfigFileBytes <= 0 || passwordFileBytes <= 0
                || yamlNestingDepth <= 0 || yamlAliases < 0 || yamlNodes <= 0 || objectsPerInput <= 0 || rulesPerIngress <= 0
                || certificatesPerFile <= 0 || namesPerCertificate <= 0 || pbkdf2Iterations <= 0
                || streamTimeout.isNegative() || streamTimeout.isZero()) {
            throw new IllegalArgumentException("every input limit must be positive");
        }
    }

    /** The limits Gatehouse uses unless told otherwise. */
    public static InputLimits defaults() {
        return DEFAULTS;
    }

    /** The same limits with another byte limit for certificate files (tests, a caller with small inputs). */
    public InputLimits withCertificateFileBytes(long bytes) {
        return new InputLimits(bytes, manifestFileBytes, kubeconfigFileBytes, passwordFileBytes, streamTimeout,
                yamlNestingDepth, yamlAliases, yamlNodes, objectsPerInput, rulesPerIngress, certificatesPerFile,
                namesPerCertificate, pbkdf2Iterations);
    }

    /** The same limits with another timeout for FIFOs, pipes and devices. */
    public InputLimits withStreamTimeout(Duration timeout) {
        return new InputLimits(certificateFileBytes, manifestFileBytes, kubeconfigFileBytes, passwordFileBytes,
                timeout, yamlNestingDepth, yamlAliases, yamlNodes, objectsPerInput, rulesPerIngress, certificatesPerFile,
                namesPerCertificate, pbkdf2Iterations);
    }

    /** "5 s", "300 ms": a time limit as messages show it. */
    public static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** "4 MB", "4 KB", "700 bytes": a byte limit as messages show it. */
    public static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }
}
