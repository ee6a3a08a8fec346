package dev.gatehouse.ui.certs;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.write.BackupStore;
import dev.gatehouse.cluster.write.SafeWriter;
import dev.gatehouse.cluster.write.TlsSecretWriter;
import dev.gatehouse.tls.ca.AtRestKey;
import dev.gatehouse.tls.ca.LocalCa;
import dev.gatehouse.tls.ca.PendingKeys;
import dev.gatehouse.tls.ca.TrustPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What the certificate screens use besides the cluster caches: the data directory's local CA, pending
 * keys, backups, the trust policy (the one list of trusted roots every screen uses), and writers for the
 * connected cluster. Every method may do I/O: call them off the FX thread.
 */
public final class CertificateServices {

    private final Path data;
    private final Clock clock;
    private final AtRestKey atRest;
    private final PendingKeys pending;
    private final TrustPolicy trust;
    private final BackupStore backups;

    /** @param trust the trust policy the connection's routing services use too */
    public CertificateServices(Path data, Clock clock, TrustPolicy trust) {
        this.data = data;
        this.clock = clock;
        this.atRest = AtRestKey.in(data);
        this.pending = new PendingKeys(data, atRest, clock);
        this.trust = trust;
        this.backups = new BackupStore(data.resolve("backups"));
    }

    public Path data() {
        return data;
    }

    public Clock clock() {
        return clock;
    }

    public PendingKeys pending() {
        return pending;
    }

    public TrustPolicy trust() {
        return trust;
    }

    public BackupStore backups() {
        return backups;
    }

    /** Gatehouse's local CA, created on first use (then trusted at once: the trust policy is told). */
    public LocalCa localCa() throws IOException {
        boolean existed = LocalCa.certificateIfExists(data).isPresent();
        LocalCa ca = LocalCa.openOrCreate(data, atRest, clock);
        if (!existed) {
            trust.invalidate();
        }
        return ca;
    }

    /** The safe writer for the session's cluster, if it has a client yet. */
    public Optional<TlsSecretWriter> writer(ClusterSession session) {
        Optional<KubernetesClient> client = session == null ? Optional.empty() : session.client();
        return client.map(c -> new TlsSecretWriter(new SafeWriter(c, backups, clock)));
    }
}
