package dev.gatehouse.tls.ca;

import dev.gatehouse.tls.MaterialReaders;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.build.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roots Gatehouse trusts besides the system's: its own local CA (when created) and the CAs the user
 * added ({@code <data>/trusted-cas.pem}, e.g. a company CA), so chains they issue count as complete and
 * trusted in the analysis and the diagnostics.
 */
public final class LocalTrust {

    public static final String LOCAL_CA = "Gatehouse's local CA";
    public static final String ADDED = "a CA you added";
    private static final Logger LOG = LoggerFactory.getLogger(LocalTrust.class);

    private final Path dataDir;

    public LocalTrust(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Path file() {
        return dataDir.resolve("trusted-cas.pem");
    }

    /** The CAs the user added, in the order added. */
    public List<X509Certificate> addedCas() {
        if (!Files.isRegularFile(file())) {
            return List.of();
        }
        try {
            return MaterialReaders.read(Files.readAllBytes(file()), "trusted-cas.pem").chain();
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", file(), e.toString());
            return List.of();
        }
    }

    /** Adds CA certificates (ones already present are skipped); returns how many were new. */
    public synchronized int add(List<X509Certificate> cas) throws IOException {
        List<X509Certificate> all = new ArrayList<>(addedCas());
        int before = all.size();
        cas.stream().filter(c -> !all.contains(c)).forEach(all::add);
        if (all.size() > before) {
            SecureFiles.writePublic(file(), Pem.certificates(all));
        }
        return all.size() - before;
    }

    /** Stops trusting an added CA; returns whether it was among them. */
    public synchronized boolean remove(X509Certificate ca) throws IOException {
        List<X509Certificate> all = new ArrayList<>(addedCas());
        if (!all.remove(ca)) {
            return false;
        }
        SecureFiles.writePublic(file(), Pem.certificates(all));
        return true;
    }

    /** {@code base} plus the local CA and the added CAs, each labelled with where it came from. */
    public TrustAnchors extend(TrustAnchors base) {
        TrustAnchors anchors = base;
        var local = LocalCa.certificateIfExists(dataDir);
        if (local.isPresent()) {
            anchors = anchors.plus(LOCAL_CA, List.of(local.get()));
        }
        return anchors.plus(ADDED, addedCas());
    }
}
