package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.BackendResolver;
import dev.gatehouse.routing.model.SecretStore;
import dev.gatehouse.routing.route.HostPattern;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link GatewayModel} of a view: classes, Gateways and listeners, then routes and their rules. */
public final class GatewayModelBuilder {

    private final ClusterView view;
    private final ReferenceGrants grants;
    private final ListenerBuilder listeners;
    private final BackendChecker backends;
    private final GatewayTls tls;

    /**
     * @param view     the objects
     * @param secrets  Secret states (shared with the Ingress front-end, so both judge a certificate alike)
     * @param resolver Service / port / endpoint lookups
     */
    public GatewayModelBuilder(ClusterView view, SecretStore secrets, BackendResolver resolver) {
        this.view = view;
        this.grants = new ReferenceGrants(view.referenceGrants());
        CertificateResolver certificates = new CertificateResolver(secrets, grants);
        this.listeners = new ListenerBuilder(certificates);
        this.backends = new BackendChecker(resolver, grants, new BackendTlsPolicies(view, secrets));
        this.tls = new GatewayTls(grants, new CaCertificateReader(view, secrets), certificates);
    }

    /** The model; {@link GatewayModel#EMPTY} for a view without Gateway API objects. */
    public GatewayModel build() {
        if (!view.hasGatewayApi()) {
            return GatewayModel.EMPTY;
        }
        List<GatewayClassState> classes = view.gatewayClasses().stream().map(GatewayModelBuilder::gatewayClass).toList();
        List<GatewayState> gateways = view.gateways().stream().sorted(OLDEST_FIRST)
                .map(g -> gateway(g, classes)).toList();
        RouteAssembler routes = new RouteAssembler(view, gateways, backends);
        return routes.assemble(classes, gateways);
    }

    static final Comparator<HasMetadata> OLDEST_FIRST = Comparator
            .comparing((HasMetadata o) -> o.getMetadata() == null || o.getMetadata().getCreationTimestamp() == null
                    ? "~" : o.getMetadata().getCreationTimestamp())
            .thenComparing(o -> ObjectRef.namespaceOf(o) + "/" + ObjectRef.nameOf(o));

    /** {@code kind namespace/name} of a namespaced object. */
    static ObjectRef ref(String kind, HasMetadata object) {
        return new ObjectRef(kind, ObjectRef.namespaceOf(object), ObjectRef.nameOf(object));
    }

    private static GatewayClassState gatewayClass(GatewayClass c) {
        ObjectRef ref = new ObjectRef("GatewayClass", "", ObjectRef.nameOf(c));
        String controller = c.getSpec() == null || c.getSpec().getControllerName() == null ? ""
                : c.getSpec().getControllerName();
        Optional<io.fabric8.kubernetes.api.model.Condition> written = c.getStatus() == null
                || c.getStatus().getConditions() == null ? Optional.empty() : c.getStatus().getConditions().stream()
                .filter(x -> Condition.ACCEPTED.equals(x.getType())).findFirst();
        Condition accepted = written.filter(x -> "False".equals(x.getStatus()))
                .map(x -> Condition.isFalse(Condition.ACCEPTED, x.getReason() == null ? "Unknown" : x.getReason(),
                        "its controller wrote Accepted=False" + (x.getMessage() == null ? "" : ": " + x.getMessage())))
                .orElse(Condition.isTrue(Condition.ACCEPTED, "Accepted", "controller " + controller
                        + " is assumed to run (Gatehouse cannot see controllers)"));
        return new GatewayClassState(ref, controller, accepted);
    }

    private GatewayState gateway(Gateway g, List<GatewayClassState> classes) {
        ObjectRef ref = ref("Gateway", g);
        String className = g.getSpec() == null || g.getSpec().getGatewayClassName() == null ? ""
                : g.getSpec().getGatewayClassName();
        Optional<GatewayClassState> gatewayClass = classes.stream().filter(c -> c.ref().name().equals(className))
                .findFirst();
        boolean classOk = gatewayClass.map(GatewayClassState::isAccepted).orElse(false);
        List<ListenerBuilder.Spec> specs = new ArrayList<>();
        for (var l : g.getSpec() == null || g.getSpec().getListeners() == null
                ? List.<io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener>of() : g.getSpec().getListeners()) {
            specs.add(new ListenerBuilder.Spec(ref, false, l.getName(), l.getPort(), l.getProtocol(), l.getHostname(),
                    l.getTls(), l.getAllowedRoutes()));
        }
        Map<ObjectRef, Condition> sets = new LinkedHashMap<>();
        RouteNamespaces allowedSets = g.getSpec() == null || g.getSpec().getAllowedListeners() == null
                || g.getSpec().getAllowedListeners().getNamespaces() == null
                ? new RouteNamespaces(RouteNamespaces.From.NONE, Optional.empty())
                : RouteNamespaces.of(g.getSpec().getAllowedListeners().getNamespaces().getFrom(),
                g.getSpec().getAllowedListeners().getNamespaces().getSelector(), RouteNamespaces.From.NONE);
        for (ListenerSet set : view.listenerSets().stream().sorted(OLDEST_FIRST).toList()) {
            var parent = set.getSpec() == null ? null : set.getSpec().getParentRef();
            String ns = parent == null || parent.getNamespace() == null ? ObjectRef.namespaceOf(set) : parent.getNamespace();
            if (parent == null || !ref.name().equals(parent.getName()) || !ref.namespace().equals(ns)) {
                continue;
            }
            ObjectRef setRef = ref("ListenerSet", set);
            if (!allowedSets.admits(setRef.namespace(), ref.namespace(), view::namespace)) {
                sets.put(setRef, Condition.isFalse(Condition.ACCEPTED, "NotAllowed", ref + " allows ListenerSets from "
                        + allowedSets.display() + " namespaces (spec.allowedListeners), not from " + setRef.namespace()));
                continue;
            }
            sets.put(setRef, Condition.isTrue(Condition.ACCEPTED, "Accepted", "attached to " + ref));
            for (var l : set.getSpec().getListeners() == null
                    ? List.<io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerEntry>of() : set.getSpec().getListeners()) {
                specs.add(new ListenerBuilder.Spec(setRef, true, l.getName(), l.getPort(), l.getProtocol(),
                        l.getHostname(), l.getTls(), l.getAllowedRoutes()));
            }
        }
        List<GatewayListener> built = listeners.build(ref, classOk, specs, port -> tls.frontend(g, port));
        Optional<CertificateRef> client = tls.backendClientCertificate(g);
        return new GatewayState(ref, className, gatewayClass, built, conditions(className, gatewayClass, built, client),
                sets, client);
    }

    private static List<Condition> conditions(String className, Optional<GatewayClassState> gatewayClass,
                                              List<GatewayListener> listeners, Optional<CertificateRef> client) {
        if (gatewayClass.isEmpty() || !gatewayClass.get().isAccepted()) {
            String why = gatewayClass.isEmpty() ? "GatewayClass " + className + " is not in the input, so no controller"
                    + " programs this Gateway" : "GatewayClass " + className + " is not accepted: "
                    + gatewayClass.get().accepted().message();
            return List.of(Condition.isFalse(Condition.ACCEPTED, "Pending", why),
                    Condition.isFalse(Condition.PROGRAMMED, "Pending", why));
        }
        long valid = listeners.stream().filter(l -> l.condition(Condition.ACCEPTED).map(Condition::status).orElse(false))
                .count();
        long programmed = listeners.stream().filter(GatewayListener::programmed).count();
        Condition accepted = valid == listeners.size() && !listeners.isEmpty()
                ? Condition.isTrue(Condition.ACCEPTED, "Accepted", "every listener is valid")
                : valid > 0 ? Condition.isTrue(Condition.ACCEPTED, "ListenersNotValid", (listeners.size() - valid)
                + " of " + listeners.size() + " listeners are not valid")
                : Condition.isFalse(Condition.ACCEPTED, "ListenersNotValid", "no listener is valid");
        Condition prog = programmed > 0
                ? Condition.isTrue(Condition.PROGRAMMED, "Programmed", programmed + " of " + listeners.size()
                + " listeners are programmed")
                : Condition.isFalse(Condition.PROGRAMMED, "Invalid", "no listener can be programmed");
        if (client.isEmpty()) {
            return List.of(accepted, prog);
        }
        CertificateRef c = client.get();
        Condition refs = c.usable() ? Condition.isTrue(Condition.RESOLVED_REFS, "ResolvedRefs",
                "spec.tls.backend.clientCertificateRef resolved: " + c.reason())
                : Condition.isFalse(Condition.RESOLVED_REFS, c.resolution() == CertificateRef.Resolution.NOT_PERMITTED
                ? "RefNotPermitted" : "InvalidClientCertificateRef", "spec.tls.backend.clientCertificateRef: "
                + c.reason());
        return List.of(accepted, prog, refs);
    }

    /** The hostnames of a route's {@code spec.hostnames}. */
    static List<HostPattern> hostnames(List<String> written) {
        return written == null ? List.of() : written.stream().map(Hostnames::parse).toList();
    }
}
