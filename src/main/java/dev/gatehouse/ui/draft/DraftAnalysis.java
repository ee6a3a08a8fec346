package dev.gatehouse.ui.draft;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.SessionClusterView;
import dev.gatehouse.cluster.write.ObjectYaml;
import dev.gatehouse.cluster.write.YamlDiff;
import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftState;
import dev.gatehouse.drafts.DraftYaml;
import dev.gatehouse.routing.DraftOverlay;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.InMemoryClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.tls.TrustAnchors;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a draft means against the live cluster, computed off the FX thread: its state, the diff
 * live → draft, and the diagnostics of the draft layered over the live objects (about the draft's
 * Ingress and the Secrets it names).
 */
record DraftAnalysis(DraftState state, String diff, List<Diagnostic> diagnostics, Optional<Ingress> live) {
    private static final DraftYaml YAML = new DraftYaml();

    static DraftAnalysis of(Draft d, ClusterSession session, TrustAnchors anchors, Clock clock) {
        Optional<Ingress> live = session == null ? Optional.empty() : session.ingresses().get(d.namespace(), d.name());
        Optional<Ingress> mine = YAML.parse(d.yaml()) instanceof DraftYaml.Valid v ? Optional.of(v.ingress()) : Optional.empty();
        Optional<Ingress> base = d.baseYaml().flatMap(b -> YAML.parse(b) instanceof DraftYaml.Valid v
                ? Optional.of(v.ingress()) : Optional.empty());
        boolean sameAsBase = mine.isPresent() && base.isPresent() && DraftYaml.same(mine.get(), base.get());
        DraftState state = DraftState.of(d, live.map(l -> l.getMetadata().getResourceVersion()), sameAsBase);
        String diff = mine.map(m -> YamlDiff.render(YamlDiff.diff(live.map(ObjectYaml::forDiff).orElse(""), ObjectYaml.forDiff(m))))
                .orElse("");
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (mine.isPresent()) {
            ClusterView view = session == null ? InMemoryClusterView.empty() : new SessionClusterView(session);
            ClusterView overlay = DraftOverlay.over(view).with(mine.get());
            List<ObjectRef> refs = new ArrayList<>();
            refs.add(ObjectRef.ingress(d.namespace(), d.name()));
            if (mine.get().getSpec() != null && mine.get().getSpec().getTls() != null) {
                mine.get().getSpec().getTls().forEach(t -> refs.add(ObjectRef.secret(d.namespace(), t.getSecretName())));
            }
            new RoutingEngine(overlay, ControllerProfile.ingressNginx(), clock, anchors).diagnose()
                    .diagnostics().stream().filter(x -> refs.contains(x.object())).sorted(Diagnostic.ORDER)
                    .forEach(diagnostics::add);
        }
        return new DraftAnalysis(state, diff, diagnostics, live);
    }
}
