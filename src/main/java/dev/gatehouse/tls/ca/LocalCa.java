package dev.gatehouse.tls.ca;

import dev.gatehouse.tls.KeyEntry;
import dev.gatehouse.tls.MaterialReaders;
import dev.gatehouse.tls.ParsedMaterial;
import dev.gatehouse.tls.PasswordSource;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import dev.gatehouse.tls.build.KeyAlgorithm;
import dev.gatehouse.tls.build.LeafSpec;
import dev.gatehouse.tls.build.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gatehouse's own certificate authority for renewing certificates without an external CA: created on
 * first use in {@code <data>/local-ca/} (folder 0700, {@code ca.crt} and {@code ca.key} 0600; the key
 * encrypted with the {@link AtRestKey}), valid 10 years, ECDSA P-256, allowed to sign server
 * certificates only (path length 0). Its certificate can be exported so clients can trust it.
 */
public final class LocalCa {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCa.class);
    static final Duration VALIDITY = Duration.ofDays(3650);

    private final Path dir;
    private final CertificateBundle bundle;

    private LocalCa(Path dir, CertificateBundle bundle) {
        this.dir = dir;
        this.bundle = bundle;
    }

    /** Where the local CA of a data directory lives. */
    public static Path directory(Path dataDir) {
        return dataDir.resolve("local-ca");
    }

    public static boolean exists(Path dataDir) {
        return Files.isRegularFile(directory(dataDir).resolve("ca.crt"))
                && Files.isRegularFile(directory(dataDir).resolve("ca.key"));
    }

    /** The CA's certificate without touching its key (for trust anchors); empty when there is no CA yet. */
    public static Optional<X509Certificate> certificateIfExists(Path dataDir) {
        Path crt = directory(dataDir).resolve("ca.crt");
        if (!Files.isRegularFile(crt)) {
            return Optional.empty();
        }
        try {
            List<X509Certificate> certs = MaterialReaders.read(Files.readAllBytes(crt), "ca.crt").chain();
            return certs.isEmpty() ? Optional.empty() : Optional.of(certs.get(0));
        } catch (IOException e) {
            LOG.warn("Cannot read the local CA certificate {}: {}", crt, e.toString());
            return Optional.empty();
        }
    }

    /** Opens the local CA of {@code dataDir}, creating it on first use. */
    public static synchronized LocalCa openOrCreate(Path dataDir, AtRestKey atRest, Clock clock) throws IOException {
        Path dir = directory(dataDir);
        return exists(dataDir) ? load(dir, atRest) : create(dir, atRest, clock.instant());
    }

    private static LocalCa create(Path dir, AtRestKey atRest, Instant now) throws IOException {
        String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9._-]", "");
        CertificateBundle ca = CertificateBuilder.create()
                .subject("CN=Gatehouse Local CA" + (user.isEmpty() ? "" : " (" + user + ")") + ", O=Gatehouse")
                .algorithm(KeyAlgorithm.EC_P256).pathLength(0)
                .notBefore(now.minus(Duration.ofHours(1))).notAfter(now.plus(VALIDITY)).build();
        SecureFiles.privateDirectory(dir);
        char[] password = atRest.password();
        try {
            SecureFiles.writePrivate(dir.resolve("ca.key"), Pem.encryptedPrivateKey(ca.privateKey(), password));
        } finally {
            Arrays.fill(password, '\0');
        }
        SecureFiles.writePrivate(dir.resolve("ca.crt"), ca.certificatePem());
        LOG.info("Created Gatehouse's local CA in {} ({})", dir, ca.certificate().getSubjectX500Principal().getName());
        return new LocalCa(dir, ca);
    }

    private static LocalCa load(Path dir, AtRestKey atRest) throws IOException {
        ParsedMaterial crt = MaterialReaders.read(Files.readAllBytes(dir.resolve("ca.crt")), "ca.crt");
        char[] password = atRest.password();
        ParsedMaterial key;
        try {
            key = MaterialReaders.read(Files.readAllBytes(dir.resolve("ca.key")), "ca.key", PasswordSource.of(password));
        } finally {
            Arrays.fill(password, '\0');
        }
        if (crt.chain().isEmpty() || key.keys().isEmpty()) {
            String why = (crt.chain().isEmpty() ? crt : key).problems().stream().findFirst()
                    .map(p -> p.message()).orElse("nothing readable");
            throw new IOException("The local CA in " + dir + " cannot be used: " + why);
        }
        X509Certificate cert = crt.chain().get(0);
        KeyEntry entry = key.keys().get(0);
        try {
            return new LocalCa(dir, CertificateBundle.of(cert, List.of(cert),
                    new KeyPair(cert.getPublicKey(), entry.privateKey())));
        } catch (IllegalArgumentException e) {
            throw new IOException("The local CA in " + dir + " cannot be used: " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return dir;
    }

    public X509Certificate certificate() {
        return bundle.certificate();
    }

    public String certificatePem() {
        return bundle.certificatePem();
    }

    /** The CA as a signing bundle (its key included). */
    public CertificateBundle bundle() {
        return bundle;
    }

    /** A server certificate for {@code spec}, signed by this CA (tls.crt holds the leaf alone: the CA is a root). */
    public CertificateBundle issue(LeafSpec spec, Instant now) {
        return spec.signedBy(bundle, now);
    }

    /** Writes the CA certificate (never the key) where the user wants it, readable by others (0644). */
    public void exportCertificate(Path target) throws IOException {
        SecureFiles.writePublic(target, certificatePem());
    }
}
