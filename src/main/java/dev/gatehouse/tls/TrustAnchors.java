package dev.gatehouse.tls;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Root certificates a chain may end at without including them: the system's trust store and the
 * CAs the user adds (Gatehouse's local CA, the demo cluster's CA, a company CA). Each root
 * remembers where it came from, for messages such as "trusted: issued by Demo Root CA (the demo
 * cluster's CA)".
 *
 * @param roots   the trusted roots
 * @param origins where each root came from ("the system trust store", …), by root
 */
public record TrustAnchors(List<X509Certificate> roots, Map<X509Certificate, String> origins) {

    /** The origin of the JDK's roots. */
    public static final String SYSTEM = "the system trust store";

    private static final Logger LOG = LoggerFactory.getLogger(TrustAnchors.class);

    public TrustAnchors {
        roots = List.copyOf(roots);
        origins = Map.copyOf(origins);
    }

    /** Roots without a recorded origin ("trusted roots"). */
    public TrustAnchors(List<X509Certificate> roots) {
        this(roots, Map.of());
    }

    /** No trusted roots: a chain is complete only when it ends with a self-signed root. */
    public static TrustAnchors none() {
        return new TrustAnchors(List.of());
    }

    public static TrustAnchors of(X509Certificate... roots) {
        return new TrustAnchors(List.of(roots));
    }

    /**
     * The JDK's default trust store (public web roots); empty when it cannot be read. Read once per
     * process (it takes tens of milliseconds), on the first call's thread.
     */
    public static TrustAnchors jdkDefaults() {
        return JdkRoots.ROOTS;
    }

    /** Lazy holder: the trust store is read on first use, once, thread-safely. */
    private static final class JdkRoots {
        static final TrustAnchors ROOTS = readJdkDefaults();
    }

    private static TrustAnchors readJdkDefaults() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return none().plus(SYSTEM, List.of(x509.getAcceptedIssuers()));
                }
            }
        } catch (Exception e) {
            LOG.warn("Could not read the JDK trust store: {}", e.toString());
        }
        return none();
    }

    /** These anchors and {@code more}, each of the new ones labelled with {@code origin}. */
    public TrustAnchors plus(String origin, Collection<X509Certificate> more) {
        List<X509Certificate> all = new ArrayList<>(roots);
        Map<X509Certificate, String> labels = new LinkedHashMap<>(origins);
        for (X509Certificate root : more) {
            if (!all.contains(root)) {
                all.add(root);
                labels.put(root, origin);
            }
        }
        return new TrustAnchors(all, labels);
    }

    /** A root that issued {@code cert}, if any. */
    public Optional<X509Certificate> issuerOf(X509Certificate cert) {
        return roots.stream()
                .filter(root -> root.getSubjectX500Principal().equals(cert.getIssuerX500Principal()))
                .filter(root -> CertificateInspector.signedBy(cert, root))
                .findFirst();
    }

    /** True when {@code cert} itself is one of the roots. */
    public boolean contains(X509Certificate cert) {
        return roots.contains(cert);
    }

    /** Where a root came from, e.g. "the system trust store"; "the trusted roots" when not recorded. */
    public String originOf(X509Certificate root) {
        return origins.getOrDefault(root, "the trusted roots");
    }
}
