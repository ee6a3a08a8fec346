package dev.gatehouse.migrate;

import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.NginxAnnotations;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.route.VirtualHost;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ingress-nginx provider: reads the selected Ingresses as the engine reads them for ingress-nginx (the merged
 * hosts of {@link RoutingModel#routes()}, so {@code use-regex} on one Ingress already makes every path of its host
 * a regex, and the certificate is the one ingress-nginx serves) and fills one {@link MigrationPlan}.
 */
public final class NginxProvider {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    /** The selection matches nothing the controller serves, or names a Gateway that is not a Gateway. */
    public static final class NothingToConvert extends Exception {
        public NothingToConvert(String message) {
            super(message);
        }
    }

    /**
     * Converts the selected Ingresses of a snapshot.
     *
     * @throws NothingToConvert when the selection holds no Ingress ingress-nginx serves
     */
    public MigrationPlan convert(RoutingSnapshot before, MigrationRequest request) throws NothingToConvert {
        RoutingModel model = before.model();
        List<Ingress> selected = request.selection().select(model.classes());
        if (selected.isEmpty()) {
            throw new NothingToConvert("no Ingress to convert: " + request.selection().describe()
                    + " matches no Ingress ingress-nginx serves");
        }
        Set<ObjectRef> refs = new LinkedHashSet<>();
        selected.forEach(i -> refs.add(ObjectRef.of(i)));
        PlanBuilder plan = plan(model, request.gateway(), refs);
        boolean cross = refs.stream().anyMatch(r -> !r.namespace().equals(plan.namespace()));
        AnnotationReader annotations = new AnnotationReader(selected);
        ListenerPlanner listeners = new ListenerPlanner(plan, cross);
        RuleConverter rules = new RuleConverter(model.view(), annotations, plan);
        HostConverter hosts = new HostConverter(plan, listeners, rules, annotations, refs, model.profile().hsts(),
                model.profile().sslPassthroughEnabled());
        List<VirtualHost> httpsHosts = new ArrayList<>();
        for (VirtualHost host : model.routes().all()) {
            hosts.convert(host);
            boolean contributes = host.rules().stream().anyMatch(r -> refs.contains(r.source().object()));
            if (contributes && host.tls().enabled() && host.tls().named().isPresent()) {
                httpsHosts.add(host);
            }
        }
        new ClientCertificates(plan).convert(httpsHosts, refs);
        CanaryConverter canaries = new CanaryConverter(plan, annotations);
        AnnotationCatalog catalog = new AnnotationCatalog(plan);
        for (Ingress ingress : selected) {
            ObjectRef ref = ObjectRef.of(ingress);
            if (NginxAnnotations.of(ingress).canary()) {
                canaries.convert(ingress);
            }
            tlsWithoutHosts(ingress, plan);
            catalog.noteAll(ref, annotations.of(ref));
        }
        return plan.build(List.copyOf(refs));
    }

    private static void tlsWithoutHosts(Ingress ingress, PlanBuilder plan) {
        if (ingress.getSpec().getTls() == null) {
            return;
        }
        ingress.getSpec().getTls().stream().filter(t -> t.getHosts() == null || t.getHosts().isEmpty())
                .forEach(t -> plan.note(ConversionNote.notConverted(ObjectRef.of(ingress), "tls (no hosts)",
                        String.valueOf(t.getSecretName()), "a tls entry without hosts makes ingress-nginx serve the"
                        + " Secret as its default certificate; a Gateway listener needs a hostname or serves every"
                        + " name with one certificate", "list the hosts in the tls entry, or add an HTTPS listener"
                        + " without hostname by hand")));
    }

    private static PlanBuilder plan(RoutingModel model, GatewayTarget target, Set<ObjectRef> refs)
            throws NothingToConvert {
        Set<String> namespaces = new LinkedHashSet<>();
        refs.forEach(r -> namespaces.add(r.namespace()));
        String namespace = target.namespace().orElse(namespaces.size() == 1 ? namespaces.iterator().next() : "default");
        String name = target.name().orElse(GatewayTarget.DEFAULT_NAME);
        List<Gateway> matching = model.view().gateways().stream()
                .filter(g -> name.equals(g.getMetadata().getName()))
                .filter(g -> target.namespace().map(n -> n.equals(ObjectRef.namespaceOf(g))).orElse(true)).toList();
        if (target.name().isPresent() && matching.size() > 1) {
            throw new NothingToConvert("several Gateways are named " + name + " ("
                    + matching.stream().map(g -> ObjectRef.namespaceOf(g) + "/" + name).sorted().toList()
                    + "); give it as NAMESPACE/NAME");
        }
        if (matching.size() == 1) {
            Gateway copy = JSON.clone(matching.get(0));
            copy.setStatus(null);
            copy.getMetadata().setResourceVersion(null);
            copy.getMetadata().setManagedFields(null);
            PlanBuilder plan = new PlanBuilder(copy, true, copy.getSpec().getGatewayClassName());
            plan.comment(copy, "the existing Gateway " + ObjectRef.namespaceOf(copy) + "/" + name + ", listeners added"
                    + " for the converted Ingresses");
            return plan;
        }
        List<GatewayClass> classes = model.view().gatewayClasses();
        String className = target.gatewayClass().orElse(classes.size() == 1 ? classes.get(0).getMetadata().getName()
                : GatewayTarget.DEFAULT_CLASS);
        Gateway gateway = new GatewayBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().withGatewayClassName(className).endSpec().build();
        PlanBuilder plan = new PlanBuilder(gateway, false, className);
        plan.comment(gateway, "replaces ingress-nginx for " + refs.size() + " Ingress" + (refs.size() == 1 ? "" : "es")
                + ": " + String.join(", ", refs.stream().map(ObjectRef::path).limit(10).toList())
                + (refs.size() > 10 ? ", …" : ""));
        return plan;
    }

}
