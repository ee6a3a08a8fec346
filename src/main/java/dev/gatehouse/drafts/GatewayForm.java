package dev.gatehouse.drafts;

import static dev.gatehouse.drafts.FormValues.blankToNull;
import static dev.gatehouse.drafts.FormValues.list;
import static dev.gatehouse.drafts.FormValues.nz;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutes;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewaySpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerTLSConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteNamespaces;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the Gateway form edits: the GatewayClass and per listener its name, protocol, port, hostname, TLS mode,
 * certificate Secrets and which namespaces' routes may attach. {@link #applyTo} writes these into a Gateway and keeps
 * everything else (addresses, spec.tls, infrastructure, a listener's allowedRoutes kinds or selector, TLS options, a
 * certificateRef's group or kind, labels, …): the YAML stays the source of truth. Listeners are matched by position.
 *
 * @param listeners in the order of {@code spec.listeners}
 */
public record GatewayForm(String namespace, String name, String gatewayClassName, List<ListenerRow> listeners) {

    /** The protocols of the Standard channel. */
    public static final List<String> PROTOCOLS = List.of("HTTPS", "HTTP", "TLS", "TCP", "UDP");
    /** TLS modes; empty = none written (Terminate, the spec's default, for HTTPS and TLS). */
    public static final List<String> TLS_MODES = List.of("", "Terminate", "Passthrough");
    /** {@code allowedRoutes.namespaces.from}; empty = none written (Same, the spec's default). */
    public static final List<String> ROUTES_FROM = List.of("", "Same", "All", "Selector");

    /**
     * One listener.
     *
     * @param hostname     empty = any host
     * @param certificates the certificateRefs as {@code name} or {@code namespace/name}, comma-separated
     * @param routesFrom   one of {@link #ROUTES_FROM}
     */
    public record ListenerRow(String name, String protocol, String port, String hostname, String tlsMode,
                              String certificates, String routesFrom) {
        public ListenerRow {
            name = nz(name);
            protocol = nz(protocol);
            port = nz(port);
            hostname = nz(hostname);
            tlsMode = nz(tlsMode);
            certificates = nz(certificates);
            routesFrom = nz(routesFrom);
        }
    }

    public GatewayForm {
        namespace = nz(namespace);
        name = nz(name);
        gatewayClassName = nz(gatewayClassName);
        listeners = List.copyOf(listeners);
    }

    public static GatewayForm from(Gateway gateway) {
        ObjectMeta meta = gateway.getMetadata() == null ? new ObjectMeta() : gateway.getMetadata();
        GatewaySpec spec = gateway.getSpec() == null ? new GatewaySpec() : gateway.getSpec();
        List<ListenerRow> rows = new ArrayList<>();
        for (Listener l : list(spec.getListeners())) {
            ListenerTLSConfig tls = l.getTls();
            String certificates = tls == null ? "" : String.join(", ", list(tls.getCertificateRefs()).stream()
                    .map(r -> nz(r.getNamespace()).isEmpty() ? nz(r.getName()) : r.getNamespace() + "/" + nz(r.getName()))
                    .toList());
            RouteNamespaces from = l.getAllowedRoutes() == null ? null : l.getAllowedRoutes().getNamespaces();
            rows.add(new ListenerRow(l.getName(), l.getProtocol(), l.getPort() == null ? "" : String.valueOf(l.getPort()),
                    l.getHostname(), tls == null ? "" : tls.getMode(), certificates, from == null ? "" : from.getFrom()));
        }
        return new GatewayForm(meta.getNamespace(), meta.getName(), spec.getGatewayClassName(), rows);
    }

    /**
     * The Gateway with the form's values written into a copy of {@code existing} (null: a new Gateway).
     *
     * @throws IllegalArgumentException naming the listener and field, when a port is not a number from 1 to 65535
     *                                  or a listener has no name
     */
    public Gateway applyTo(Gateway existing) {
        Gateway gateway = FormValues.copyWithIdentity(existing, Gateway::new, namespace, name);
        gateway.setKind("Gateway");
        GatewaySpec spec = gateway.getSpec() == null ? new GatewaySpec() : gateway.getSpec();
        gateway.setSpec(spec);
        spec.setGatewayClassName(blankToNull(gatewayClassName));
        List<Listener> old = list(spec.getListeners());
        List<Listener> written = new ArrayList<>();
        for (int i = 0; i < listeners.size(); i++) {
            Listener l = i < old.size() ? old.get(i) : new Listener();
            write(l, listeners.get(i), i + 1);
            written.add(l);
        }
        spec.setListeners(written);
        return gateway;
    }

    private static void write(Listener l, ListenerRow row, int number) {
        String which = row.name().isBlank() ? "listener " + number : "listener " + row.name().trim();
        if (row.name().isBlank()) {
            throw new IllegalArgumentException(which + " has no name (every listener needs one)");
        }
        l.setName(row.name().trim());
        l.setProtocol(blankToNull(row.protocol()));
        l.setPort(port(row.port(), which));
        l.setHostname(blankToNull(row.hostname()));
        List<SecretObjectReference> refs = certificateRefs(row.certificates(), l.getTls());
        if (refs.isEmpty() && row.tlsMode().isBlank()) {
            if (l.getTls() != null && l.getTls().getOptions() == null) {
                l.setTls(null);
            } else if (l.getTls() != null) {
                l.getTls().setCertificateRefs(null);
                l.getTls().setMode(null);
            }
        } else {
            ListenerTLSConfig tls = l.getTls() == null ? new ListenerTLSConfig() : l.getTls();
            tls.setMode(blankToNull(row.tlsMode()));
            tls.setCertificateRefs(refs.isEmpty() ? null : refs);
            l.setTls(tls);
        }
        String from = blankToNull(row.routesFrom());
        AllowedRoutes allowed = l.getAllowedRoutes();
        if (from == null) {
            if (allowed != null && allowed.getNamespaces() != null && allowed.getNamespaces().getSelector() == null) {
                allowed.setNamespaces(null);
            }
            if (allowed != null && allowed.getNamespaces() == null && list(allowed.getKinds()).isEmpty()) {
                l.setAllowedRoutes(null);
            }
        } else {
            allowed = allowed == null ? new AllowedRoutes() : allowed;
            RouteNamespaces namespaces = allowed.getNamespaces() == null ? new RouteNamespaces() : allowed.getNamespaces();
            namespaces.setFrom(from);
            allowed.setNamespaces(namespaces);
            l.setAllowedRoutes(allowed);
        }
    }

    /** The refs the text names; a ref that was there keeps its group and kind. */
    private static List<SecretObjectReference> certificateRefs(String text, ListenerTLSConfig tls) {
        List<SecretObjectReference> old = tls == null ? List.of() : list(tls.getCertificateRefs());
        List<SecretObjectReference> refs = new ArrayList<>();
        for (String part : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            int slash = part.indexOf('/');
            String ns = slash < 0 ? null : part.substring(0, slash).trim();
            String secret = slash < 0 ? part : part.substring(slash + 1).trim();
            SecretObjectReference ref = old.stream().filter(r -> secret.equals(r.getName())
                    && Objects.equals(blankToNull(ns), blankToNull(r.getNamespace()))).findFirst()
                    .orElseGet(SecretObjectReference::new);
            ref.setName(secret);
            ref.setNamespace(blankToNull(ns));
            refs.add(ref);
        }
        return refs;
    }

    private static Integer port(String text, String which) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(which + " has no port");
        }
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of " + which + " is not a number from 1 to 65535: " + text.trim());
        }
    }



}
