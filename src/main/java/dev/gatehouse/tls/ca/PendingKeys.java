package dev.gatehouse.tls.ca;

import dev.gatehouse.tls.MaterialReaders;
import dev.gatehouse.tls.ParsedMaterial;
import dev.gatehouse.tls.PasswordSource;
import dev.gatehouse.tls.build.CertificateSigningRequest;
import dev.gatehouse.tls.build.Pem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys waiting for an external CA: when the user exports a certificate signing request, its new key is
 * kept here, encrypted with the {@link AtRestKey} ({@code <data>/pending-keys/<id>/key.pem}, 0600, next to
 * {@code request.csr} and {@code pending.properties}). When the signed certificate comes back (dropped
 * onto the Certificates screen, or {@code cert inspect}), {@link #findFor} pairs it with its key by the
 * public key in the request.
 */
public final class PendingKeys {

    private static final Logger LOG = LoggerFactory.getLogger(PendingKeys.class);

    /**
     * A key waiting for its certificate.
     *
     * @param id       folder name
     * @param subject  the requested subject
     * @param dnsNames the requested DNS names
     * @param target   the Secret it is meant for ({@code namespace/name}), or empty
     * @param context  the kubeconfig context of that Secret, or empty
     * @param created  when the request was made
     */
    public record Pending(String id, String subject, List<String> dnsNames, String target, String context,
                          Instant created) {
        public Pending {
            dnsNames = List.copyOf(dnsNames);
        }
    }

    private final Path root;
    private final AtRestKey atRest;
    private final Clock clock;

    public PendingKeys(Path dataDir, AtRestKey atRest, Clock clock) {
        this.root = dataDir.resolve("pending-keys");
        this.atRest = atRest;
        this.clock = clock;
    }

    /** Keeps the request's key (encrypted) and the request itself. */
    public Pending save(CertificateSigningRequest csr, String target, String context) throws IOException {
        Instant now = clock.instant();
        String id = now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = SecureFiles.privateDirectory(root.resolve(id));
        char[] password = atRest.password();
        try {
            SecureFiles.writePrivate(dir.resolve("key.pem"), Pem.encryptedPrivateKey(csr.privateKey(), password));
        } finally {
            Arrays.fill(password, '\0');
        }
        SecureFiles.writePrivate(dir.resolve("request.csr"), csr.pem());
        Properties p = new Properties();
        p.setProperty("subject", csr.subject());
        p.setProperty("dnsNames", String.join(",", csr.dnsNames()));
        p.setProperty("target", target == null ? "" : target);
        p.setProperty("context", context == null ? "" : context);
        p.setProperty("created", now.toString());
        StringWriter out = new StringWriter();
        p.store(out, "Gatehouse pending key");
        SecureFiles.writePrivate(dir.resolve("pending.properties"), out.toString());
        LOG.info("Saved a pending key for {} ({})", csr.subject(), id);
        return read(dir).orElseThrow();
    }

    /** Newest first. */
    public List<Pending> list() {
        List<Pending> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            dirs.forEach(d -> read(d).ifPresent(out::add));
        } catch (IOException e) {
            LOG.warn("Cannot list pending keys in {}: {}", root, e.toString());
        }
        out.sort(Comparator.comparing(Pending::created).reversed());
        return out;
    }

    /** The request as PEM (to export again). */
    public String requestPem(Pending pending) throws IOException {
        return Files.readString(root.resolve(pending.id()).resolve("request.csr"), StandardCharsets.US_ASCII);
    }

    /** The pending key whose request has the certificate's public key. */
    public Optional<Pending> findFor(X509Certificate certificate) {
        byte[] wanted = certificate.getPublicKey().getEncoded();
        for (Pending p : list()) {
            try (Reader r = new StringReader(requestPem(p)); PEMParser parser = new PEMParser(r)) {
                if (parser.readObject() instanceof PKCS10CertificationRequest request
                        && Arrays.equals(request.getSubjectPublicKeyInfo().getEncoded(), wanted)) {
                    return Optional.of(p);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Skipping unreadable pending request {}: {}", p.id(), e.toString());
            }
        }
        return Optional.empty();
    }

    /** Decrypts the pending key. */
    public PrivateKey key(Pending pending) throws IOException {
        Path file = root.resolve(pending.id()).resolve("key.pem");
        char[] password = atRest.password();
        ParsedMaterial m;
        try {
            m = MaterialReaders.read(Files.readAllBytes(file), "pending key " + pending.id(), PasswordSource.of(password));
        } finally {
            Arrays.fill(password, '\0');
        }
        if (m.keys().isEmpty()) {
            throw new IOException("The pending key " + pending.id() + " cannot be read: "
                    + m.problems().stream().findFirst().map(x -> x.message()).orElse("no key"));
        }
        return m.keys().get(0).privateKey();
    }

    /** Forgets a pending key once its certificate is in place. */
    public void complete(Pending pending) throws IOException {
        Path dir = root.resolve(pending.id());
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static Optional<Pending> read(Path dir) {
        Path meta = dir.resolve("pending.properties");
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            String names = p.getProperty("dnsNames", "");
            return Optional.of(new Pending(dir.getFileName().toString(), p.getProperty("subject", ""),
                    names.isEmpty() ? List.of() : List.of(names.split(",")), p.getProperty("target", ""),
                    p.getProperty("context", ""), Instant.parse(p.getProperty("created"))));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping unreadable pending key {}: {}", dir, e.toString());
            return Optional.empty();
        }
    }
}
