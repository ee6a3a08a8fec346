package dev.gatehouse.routing;

import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayModelBuilder;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.tls.TrustAnchors;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one answer to "where does this request go": explains requests and lists diagnostics for a
 * {@link ClusterView}, reproducing ingress-nginx. Each call reads the view afresh; use
 * {@link #snapshot()} to answer many questions from one reading.
 */
public final class RoutingEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingEngine.class);

    private final ClusterView view;
    private final ControllerProfile profile;
    private final Clock clock;
    private final TrustAnchors anchors;

    /**
     * @param view    the objects to reason about
     * @param profile the modelled controller
     * @param clock   "now" for certificate validity
     * @param anchors roots a certificate chain may end at (for completeness)
     */
    public RoutingEngine(ClusterView view, ControllerProfile profile, Clock clock, TrustAnchors anchors) {
        this.view = Objects.requireNonNull(view, "view");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.anchors = Objects.requireNonNull(anchors, "anchors");
    }

    /** ingress-nginx defaults and the JDK's trusted roots. */
    public static RoutingEngine withDefaults(ClusterView view, Clock clock) {
        return new RoutingEngine(view, ControllerProfile.ingressNginx(), clock, TrustAnchors.jdkDefaults());
    }

    /** Reads the view once. */
    public RoutingSnapshot snapshot() {
        RoutingModel model = RoutingModel.build(view, profile, clock, anchors);
        GatewayModel gateways = new GatewayModelBuilder(view, model.secrets(), model.backends()).build();
        LOG.debug("Routing snapshot: {} Ingresses, {} handled, {} hosts; {} Gateways, {} routes",
                view.ingresses().size(), model.classes().accepted().size(), model.servers().byHost().size(),
                gateways.gateways().size(), gateways.routes().size());
        return new RoutingSnapshot(model, gateways);
    }

    /** Where the request goes and why. */
    public Explanation explain(ProbeRequest request) {
        return snapshot().explain(request);
    }

    /** All diagnostics of the view. */
    public DiagnosticReport diagnose() {
        return snapshot().diagnose();
    }

    public ControllerProfile profile() {
        return profile;
    }
}
