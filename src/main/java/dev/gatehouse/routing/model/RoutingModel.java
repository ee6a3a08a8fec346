package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.tls.ChainAnalyzer;
import dev.gatehouse.tls.TrustAnchors;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.time.Clock;
import java.util.List;

/**
 * Everything the engine derives from one read of a {@link ClusterView}: class verdicts, the merged
 * server table, Secret states and backend lookups. Explanations and diagnostics both read it, so they
 * agree. Safe to share between threads.
 *
 * @param view     the view it was built from
 * @param profile  the modelled controller
 * @param classes  class selection per Ingress
 * @param servers  the merged servers
 * @param secrets  Secret states (read on demand, cached)
 * @param backends backend lookups
 * @param clock    the clock used for certificate validity
 * @param routes   the controller-neutral route model of {@code servers}
 */
public record RoutingModel(ClusterView view, ControllerProfile profile, ClassResolution classes, ServerTable servers,
                           SecretStore secrets, BackendResolver backends, Clock clock,
                           RouteHosts routes) {

    /** Builds the model. */
    public static RoutingModel build(ClusterView view, ControllerProfile profile, Clock clock, TrustAnchors anchors) {
        SecretStore secrets = new SecretStore(view, new ChainAnalyzer(clock, anchors));
        ClassResolution classes = ClassResolution.resolve(view, profile);
        List<Ingress> accepted = classes.accepted().stream().map(ClassVerdict::ingress).toList();
        ServerTable servers = new ServerTableBuilder(secrets).build(accepted);
        return new RoutingModel(view, profile, classes, servers, secrets, new BackendResolver(view), clock,
                new RouteHosts(servers, new UpstreamPolicy(secrets)));
    }
}
