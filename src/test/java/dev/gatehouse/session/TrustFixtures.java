package dev.gatehouse.session;

import dev.gatehouse.tls.TestCerts;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A company CA and a host whose TLS Secret holds only a leaf it issued: untrusted until the CA is trusted. */
public final class TrustFixtures {
    public final TestCerts.Issued ca = TestCerts.cert("Example Company Root CA").ca().issue();
    public final TestCerts.Issued leaf;
    public final String host;

    public TrustFixtures(String host) {
        this.host = host;
        this.leaf = TestCerts.cert(host).dns(host).issuedBy(ca).issue();
    }

    /** {@code kubernetes.io/tls} Secret {@code namespace/name} with the leaf and its key (no chain). */
    public Secret tlsSecret(String namespace, String name) {
        return new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withType("kubernetes.io/tls")
                .withData(Map.of("tls.crt", b64(TestCerts.pem(leaf.cert())), "tls.key", b64(TestCerts.pkcs8(leaf.key()))))
                .build();
    }

    /** An nginx Ingress for the host, TLS from {@code secret}, routing / to Service {@code service}:80. */
    public Ingress ingress(String namespace, String name, String secret, String service) {
        return new IngressBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().withIngressClassName("nginx")
                .addNewTl().withHosts(host).withSecretName(secret).endTl()
                .addNewRule().withHost(host).withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                .withNewBackend().withNewService().withName(service).withNewPort().withNumber(80).endPort().endService()
                .endBackend().endPath().endHttp().endRule().endSpec().build();
    }

    /** The CA certificate as PEM (what a user saves to a file and trusts). */
    public String caPem() {
        return TestCerts.pem(ca.cert());
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
