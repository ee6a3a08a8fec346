package dev.gatehouse.ui.path;

import dev.gatehouse.tls.TrustAnchors;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The roots a certificate chain may end at for the path view: the JDK's trusted roots (read once, off
 * the FX thread) plus extra roots of the connection, such as the demo cluster's CA.
 */
final class PathTrust {

    /** Called on a worker thread: the first call in the process reads the JDK trust store. */
    TrustAnchors anchors(List<X509Certificate> extra) {
        TrustAnchors base = TrustAnchors.jdkDefaults();
        if (extra.isEmpty()) {
            return base;
        }
        List<X509Certificate> roots = new ArrayList<>(base.roots());
        roots.addAll(extra);
        return new TrustAnchors(roots);
    }
}
