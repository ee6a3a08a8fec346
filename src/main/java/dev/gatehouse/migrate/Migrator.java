package dev.gatehouse.migrate;

import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.tls.TrustAnchors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.time.Clock;
import java.util.List;

/**
 * The one entry point of a migration: reads the input as ingress-nginx serves it, converts the selection
 * ({@link NginxProvider}), writes the YAML ({@link MigrationYaml}) and compares both worlds request by request
 * ({@link BehaviourDiff}). Holds no state between calls; a GUI screen and {@code --serve} build on
 * {@link #migrate} and the {@link MigrationResult} it returns.
 */
public final class Migrator {

    private final ControllerProfile profile;
    private final Clock clock;
    private final TrustAnchors anchors;

    public Migrator(ControllerProfile profile, Clock clock, TrustAnchors anchors) {
        this.profile = profile;
        this.clock = clock;
        this.anchors = anchors;
    }

    /**
     * Migrates and compares.
     *
     * @throws NginxProvider.NothingToConvert when the selection holds nothing ingress-nginx serves
     */
    public MigrationResult migrate(ClusterView input, MigrationRequest request) throws NginxProvider.NothingToConvert {
        RoutingSnapshot before = new RoutingEngine(MigrationViews.before(input), profile, clock, anchors).snapshot();
        MigrationPlan plan = new NginxProvider().convert(before, request);
        RoutingSnapshot after = new RoutingEngine(MigrationViews.after(input, plan), profile, clock, anchors).snapshot();
        List<Ingress> selected = request.selection().select(before.model().classes());
        List<Probe> corpus = RequestCorpus.of(selected, plan);
        DiffReport diff = new BehaviourDiff(before, after, plan).run(corpus, clock);
        return new MigrationResult(request, plan, MigrationYaml.write(plan), diff, corpus);
    }

    /**
     * The behavioural diff again, with the Gateway side taken from {@code edited} (the generated objects as the user
     * changed them, e.g. drafts) instead of the freshly generated ones: the Ingress side is read from {@code input}
     * as ingress-nginx serves it now, the selection and the notes are those of {@code generated}, and the corpus
     * covers the Ingresses' paths and the edited routes' matches.
     *
     * @param edited every Gateway-side object to compare (routes, grants, policies, the Gateway); a generated object
     *               left out is compared as absent
     * @throws NginxProvider.NothingToConvert when the input no longer holds anything of the selection
     */
    public MigrationResult rediff(ClusterView input, MigrationResult generated, List<? extends HasMetadata> edited)
            throws NginxProvider.NothingToConvert {
        RoutingSnapshot before = new RoutingEngine(MigrationViews.before(input), profile, clock, anchors).snapshot();
        List<Ingress> selected = generated.request().selection().select(before.model().classes());
        if (selected.isEmpty()) {
            throw new NginxProvider.NothingToConvert("The Ingresses of this migration ("
                    + generated.request().selection().describe() + ") are gone from the cluster.");
        }
        MigrationPlan plan = generated.plan().withObjects(edited);
        RoutingSnapshot after = new RoutingEngine(MigrationViews.after(input, plan), profile, clock, anchors).snapshot();
        List<Probe> corpus = RequestCorpus.of(selected, plan);
        DiffReport diff = new BehaviourDiff(before, after, plan).run(corpus, clock);
        return new MigrationResult(generated.request(), plan, MigrationYaml.write(plan), diff, corpus);
    }
}
