package dev.gatehouse.ui.certs;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.write.BackupStore;
import dev.gatehouse.cluster.write.SafeWriter;
import dev.gatehouse.cluster.write.TlsSecretWriter;
import dev.gatehouse.demo.DemoCluster;
import dev.gatehouse.demo.DemoTrust;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.ca.AtRestKey;
import dev.gatehouse.tls.ca.LocalCa;
import dev.gatehouse.tls.ca.LocalTrust;
import dev.gatehouse.tls.ca.PendingKeys;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the certificate screens use besides the cluster caches: the data directory's local CA, pending
 * keys, trusted CAs and backups, the trust anchors, and writers for the connected cluster. Every method
 * may do I/O: call them off the FX thread.
 */
public final class CertificateServices {

    private final Path data;
    private final Clock clock;
    private final AtRestKey atRest;
    private final PendingKeys pending;
    private final LocalTrust trust;
    private final BackupStore backups;

    public CertificateServices(Path data, Clock clock) {
        this.data = data;
        this.clock = clock;
        this.atRest = AtRestKey.in(data);
        this.pending = new PendingKeys(data, atRest, clock);
        this.trust = new LocalTrust(data);
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

    public LocalTrust trust() {
        return trust;
    }

    public BackupStore backups() {
        return backups;
    }

    /** Gatehouse's local CA, created on first use. */
    public LocalCa localCa() throws IOException {
        return LocalCa.openOrCreate(data, atRest, clock);
    }

    /** The system's roots (read once), the local CA, added CAs, and the demo CA when connected to the demo. */
    public TrustAnchors anchors(ClusterSession session, DemoCluster demo) {
        TrustAnchors anchors = trust.extend(TrustAnchors.jdkDefaults());
        if (demo != null && session != null && demo.contextName().equals(session.contextName())) {
            anchors = anchors.plus(DemoTrust.ORIGIN, List.of(demo.demoCaCertificate()));
        }
        List<X509Certificate> published = DemoTrust.caOf(session);
        return anchors.plus(DemoTrust.ORIGIN, published);
    }

    /** The safe writer for the session's cluster, if it has a client yet. */
    public Optional<TlsSecretWriter> writer(ClusterSession session) {
        Optional<KubernetesClient> client = session == null ? Optional.empty() : session.client();
        return client.map(c -> new TlsSecretWriter(new SafeWriter(c, backups, clock)));
    }
}
