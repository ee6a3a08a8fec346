package dev.gatehouse.tls;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Root certificates a chain may end at without including them (used for "is the chain complete").
 *
 * @param roots the trusted roots
 */
public record TrustAnchors(List<X509Certificate> roots) {

    private static final Logger LOG = LoggerFactory.getLogger(TrustAnchors.class);

    public TrustAnchors {
        roots = List.copyOf(roots);
    }

    /** No trusted roots: a chain is complete only when it ends with a self-signed root. */
    public static TrustAnchors none() {
        return new TrustAnchors(List.of());
    }

    public static TrustAnchors of(X509Certificate... roots) {
        return new TrustAnchors(List.of(roots));
    }

    /** The JDK's default trust store (public web roots); empty when it cannot be read. */
    public static TrustAnchors jdkDefaults() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return new TrustAnchors(List.of(x509.getAcceptedIssuers()));
                }
            }
        } catch (Exception e) {
            LOG.warn("Could not read the JDK trust store: {}", e.toString());
        }
        return none();
    }

    /** A root that issued {@code cert}, if any. */
    public Optional<X509Certificate> issuerOf(X509Certificate cert) {
        return roots.stream()
                .filter(root -> root.getSubjectX500Principal().equals(cert.getIssuerX500Principal()))
                .filter(root -> CertificateInspector.signedBy(cert, root))
                .findFirst();
    }
}
