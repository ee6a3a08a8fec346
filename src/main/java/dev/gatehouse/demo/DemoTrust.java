package dev.gatehouse.demo;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.SecretSummary;
import dev.gatehouse.tls.MaterialReaders;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The demo cluster's root CA as the cluster itself publishes it (Secret {@code platform/gatehouse-demo-ca},
 * labelled {@code gatehouse.dev/demo-ca: "true"}), so that a session connected to the demo context trusts
 * the demo's certificates even when the demo runs in another process ({@code gatehouse demo-cluster}).
 * Only read for the demo context: any other cluster's Secrets are never made trust anchors.
 */
public final class DemoTrust {

    public static final String CA_NAMESPACE = "platform";
    public static final String CA_SECRET = "gatehouse-demo-ca";
    public static final String CA_LABEL = "gatehouse.dev/demo-ca";
    /** How trust messages name it. */
    public static final String ORIGIN = "the demo cluster's CA";

    private DemoTrust() {
    }

    /** The demo root CA when {@code session} is connected to the demo context, else nothing. */
    public static List<X509Certificate> caOf(ClusterSession session) {
        if (session == null || !DemoCluster.CONTEXT.equals(session.contextName())) {
            return List.of();
        }
        return session.secrets().get(CA_NAMESPACE, CA_SECRET)
                .filter(s -> "true".equals(s.labels().get(CA_LABEL)))
                .flatMap(SecretSummary::caCrt)
                .map(bytes -> MaterialReaders.read(bytes, CA_NAMESPACE + "/" + CA_SECRET + " ca.crt").chain())
                .orElse(List.of());
    }
}
