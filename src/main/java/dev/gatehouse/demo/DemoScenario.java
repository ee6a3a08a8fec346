package dev.gatehouse.demo;

import java.util.List;
import java.util.Objects;

/**
 * One seeded situation of the demo cluster: the object that shows it (an Ingress, or for the Gateway API
 * scenarios an HTTPRoute or a Gateway) and what it demonstrates (taken from its
 * {@code gatehouse.dev/demo-scenario} annotation).
 *
 * @param kind        "Ingress", "HTTPRoute" or "Gateway"
 * @param namespace   namespace of the object
 * @param name        name of the object
 * @param description one line, e.g. "Certificate expired 12 days ago"
 * @param hosts       the object's hosts in order: Ingress rule hosts, HTTPRoute hostnames, Gateway listener hostnames
 */
public record DemoScenario(String kind, String namespace, String name, String description, List<String> hosts) {

    /** Annotation on each seeded scenario object holding the one-line description. */
    public static final String ANNOTATION = "gatehouse.dev/demo-scenario";

    public DemoScenario {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        hosts = List.copyOf(hosts);
    }

    /** An Ingress scenario. */
    public DemoScenario(String namespace, String ingressName, String description, List<String> hosts) {
        this("Ingress", namespace, ingressName, description, hosts);
    }

    /** The name of the scenario's object (for Ingress scenarios, the Ingress). */
    public String ingressName() {
        return name;
    }

    /** "HTTPRoute web/docs". */
    public String object() {
        return kind + " " + namespace + "/" + name;
    }
}
