package dev.gatehouse.demo;

import java.util.List;
import java.util.Objects;

/**
 * One seeded situation of the demo cluster: an Ingress and what it demonstrates (taken from its
 * {@code gatehouse.dev/demo-scenario} annotation).
 *
 * @param namespace   namespace of the Ingress
 * @param ingressName name of the Ingress
 * @param description one line, e.g. "Certificate expired 12 days ago"
 * @param hosts       the Ingress's rule hosts, in order
 */
public record DemoScenario(String namespace, String ingressName, String description, List<String> hosts) {

    /** Annotation on each seeded Ingress holding the one-line description. */
    public static final String ANNOTATION = "gatehouse.dev/demo-scenario";

    public DemoScenario {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(ingressName, "ingressName");
        Objects.requireNonNull(description, "description");
        hosts = List.copyOf(hosts);
    }
}
