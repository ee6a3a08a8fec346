package dev.gatehouse.migrate;

import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.RoutingSnapshot;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs every request of a corpus through the engine as ingress-nginx answers it ({@code before}) and as the
 * Gateway answers it ({@code after}) and keeps each request whose status, backend, upstream path and Host,
 * Location, certificate, backend-leg protection or HSTS differ, with the explanations {@link Traps} knows.
 */
public final class BehaviourDiff {

    private final RoutingSnapshot before;
    private final RoutingSnapshot after;
    private final Traps traps;
    private final Map<String, HTTPRoute> routes = new HashMap<>();

    public BehaviourDiff(RoutingSnapshot before, RoutingSnapshot after, MigrationPlan plan) {
        this.before = before;
        this.after = after;
        this.traps = new Traps(plan, before.model());
        plan.httpRoutes().forEach(r -> routes.put(r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(), r));
    }

    public DiffReport run(List<Probe> corpus, Clock clock) {
        long start = clock.millis();
        // both snapshots answer from many threads at once (the proxy's event loops do); order is the corpus's
        List<Difference> out = corpus.parallelStream().map(probe -> compare(probe, before(probe), after(probe)))
                .flatMap(Optional::stream).toList();
        return new DiffReport(corpus.size(), out, traps.caveats(corpus), Duration.ofMillis(clock.millis() - start));
    }

    /** The engine's answer as ingress-nginx. */
    Observed before(Probe probe) {
        return Observed.ofIngress(before.explain(probe.request()));
    }

    /** The engine's answer as the Gateway. */
    Observed after(Probe probe) {
        Explanation e = after.explain(probe.request());
        return Observed.ofGateway(e, hsts(e));
    }

    /** The difference of two observations of one request (whoever made them), with what the traps know of it. */
    Optional<Difference> compare(Probe probe, Observed was, Observed now) {
        List<String> fields = new ArrayList<>();
        Map<String, String> b = now.fields();
        was.fields().forEach((k, v) -> {
            if (!Objects.equals(v, b.get(k))) {
                fields.add(k);
            }
        });
        return fields.isEmpty() ? Optional.empty()
                : Optional.of(new Difference(probe, was, now, fields, traps.explain(probe, was, now, fields)));
    }

    /** What the comparison cannot see for this corpus. */
    List<String> caveats(List<Probe> corpus) {
        return traps.caveats(corpus);
    }

    /** The Strict-Transport-Security a ResponseHeaderModifier of the matched rule sets. */
    private String hsts(Explanation e) {
        if (e.gateway().isEmpty() || e.gateway().get().httpRoute().isEmpty() || e.gateway().get().rule().isEmpty()) {
            return "";
        }
        HTTPRoute route = routes.get(e.gateway().get().httpRoute().get().path());
        int index = e.gateway().get().rule().getAsInt();
        if (route == null || index >= route.getSpec().getRules().size()) {
            return "";
        }
        HTTPRouteRule rule = route.getSpec().getRules().get(index);
        for (HTTPRouteFilter f : rule.getFilters() == null ? List.<HTTPRouteFilter>of() : rule.getFilters()) {
            if (f.getResponseHeaderModifier() != null && f.getResponseHeaderModifier().getSet() != null) {
                for (HTTPHeader h : f.getResponseHeaderModifier().getSet()) {
                    if ("Strict-Transport-Security".equalsIgnoreCase(h.getName())) {
                        return h.getValue();
                    }
                }
            }
        }
        return "";
    }
}
