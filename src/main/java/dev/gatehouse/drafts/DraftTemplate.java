package dev.gatehouse.drafts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The starting points for a new Ingress draft (YAML templates under resources). */
public enum DraftTemplate {
    SIMPLE_HOST("Simple host (HTTP)", "simple-host.yaml"),
    TLS_HOST("TLS host", "tls-host.yaml"),
    WILDCARD("Wildcard host", "wildcard.yaml"),
    RE_ENCRYPT("Re-encrypt to an HTTPS backend", "re-encrypt.yaml"),
    MTLS("Client certificates (mTLS)", "mtls.yaml");

    private final String label;
    private final String resource;

    DraftTemplate(String label, String resource) {
        this.label = label;
        this.resource = resource;
    }

    public String label() {
        return label;
    }

    /** The template with its placeholders filled in. */
    public String render(String namespace, String name, String host, String service) {
        try (InputStream in = DraftTemplate.class.getResourceAsStream("/dev/gatehouse/drafts/templates/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("template " + resource + " missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("NAMESPACE", namespace).replace("NAME", name).replace("HOST", host).replace("SERVICE", service);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
