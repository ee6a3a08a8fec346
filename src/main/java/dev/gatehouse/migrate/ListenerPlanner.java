package dev.gatehouse.migrate;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.VirtualHost;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutesBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrantBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReferenceBuilder;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The Gateway's listeners: one plain HTTP listener on port 80 for every host, one HTTPS listener on 443 per TLS
 * host with the Secret ingress-nginx serves for it (a ReferenceGrant when that Secret is in another namespace
 * than the Gateway), and a TLS Passthrough listener per {@code ssl-passthrough} host. An existing Gateway's
 * listeners are reused when they already cover the port and hostname.
 */
final class ListenerPlanner {

    static final String HTTP = "http";

    private final PlanBuilder plan;
    private final boolean crossNamespaceRoutes;

    ListenerPlanner(PlanBuilder plan, boolean crossNamespaceRoutes) {
        this.plan = plan;
        this.crossNamespaceRoutes = crossNamespaceRoutes;
    }

    /** The name of the port-80 HTTP listener every host shares. */
    String http() {
        Optional<Listener> existing = find(80, "HTTP", null);
        if (existing.isPresent()) {
            return existing.get().getName();
        }
        plan.listener(listener(HTTP, 80, "HTTP", null).build(), "plain HTTP on port 80 for every host, as"
                + " ingress-nginx's :80");
        return HTTP;
    }

    /** The HTTPS listener of a TLS host, if the host has TLS and a Secret named for it. */
    Optional<String> https(VirtualHost host) {
        if (!host.tls().enabled() || host.tls().named().isEmpty() || host.pattern().kind() == HostPattern.Kind.ANY) {
            return Optional.empty();
        }
        String hostname = host.pattern().host();
        Optional<Listener> existing = find(443, "HTTPS", hostname);
        if (existing.isPresent()) {
            return Optional.of(existing.get().getName());
        }
        ObjectRef secret = host.tls().named().get();
        String name = "https-" + slug(hostname);
        ListenerBuilder b = listener(name, 443, "HTTPS", hostname);
        SecretObjectReferenceBuilder ref = new SecretObjectReferenceBuilder().withKind("Secret").withGroup("")
                .withName(secret.name());
        if (!secret.namespace().equals(plan.namespace())) {
            ref.withNamespace(secret.namespace());
            grant(secret, host.tls().chosenBy().orElse(secret));
        }
        plan.listener(b.withNewTls().withMode("Terminate").withCertificateRefs(ref.build()).endTls().build(),
                "HTTPS for " + hostname + " with " + secret + " (" + host.tls().chosenBy().map(o -> "tls section of "
                + o).orElse("the host's TLS") + ")");
        return Optional.of(name);
    }

    /** The TLS Passthrough listener of an {@code ssl-passthrough} host. */
    String passthrough(VirtualHost host, ObjectRef requestedBy) {
        String hostname = host.pattern().host();
        Optional<Listener> existing = find(443, "TLS", hostname);
        if (existing.isPresent()) {
            return existing.get().getName();
        }
        String name = "tls-" + slug(hostname);
        Listener l = new ListenerBuilder(listener(name, 443, "TLS", hostname).build())
                .withNewTls().withMode("Passthrough").endTls()
                .editAllowedRoutes().addNewKind().withKind("TLSRoute").endKind().endAllowedRoutes().build();
        plan.listener(l, "TLS passthrough for " + hostname + " (ssl-passthrough on " + requestedBy + ")");
        return name;
    }

    private void grant(ObjectRef secret, ObjectRef source) {
        String name = "gateway-" + plan.namespace() + "-to-" + secret.name();
        var grant = plan.add(new ReferenceGrantBuilder().withNewMetadata().withNamespace(secret.namespace())
                .withName(name).endMetadata().withNewSpec()
                .addNewFrom().withGroup("gateway.networking.k8s.io").withKind("Gateway").withNamespace(plan.namespace())
                .endFrom()
                .addNewTo().withGroup("").withKind("Secret").withName(secret.name()).endTo()
                .endSpec().build());
        plan.comment(grant, "lets Gateway " + plan.namespace() + "/" + plan.gateway.getMetadata().getName()
                + " use " + secret + " (named by " + source + ") from another namespace");
    }

    private Optional<Listener> find(int port, String protocol, String hostname) {
        return plan.listeners().values().stream().filter(l -> Objects.equals(l.getPort(), port)
                && protocol.equals(l.getProtocol()) && Objects.equals(emptyToNull(l.getHostname()), hostname))
                .findFirst();
    }

    private ListenerBuilder listener(String name, int port, String protocol, String hostname) {
        ListenerBuilder b = new ListenerBuilder().withName(name).withPort(port).withProtocol(protocol)
                .withHostname(hostname);
        b.withAllowedRoutes(new AllowedRoutesBuilder().withNewNamespaces()
                .withFrom(crossNamespaceRoutes ? "All" : "Same").endNamespaces().build());
        return b;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** {@code *.shop.example.com} → {@code wildcard-shop-example-com}. */
    static String slug(String hostname) {
        String s = hostname.toLowerCase(Locale.ROOT).replace("*", "wildcard").replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
