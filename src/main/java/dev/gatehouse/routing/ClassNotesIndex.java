package dev.gatehouse.routing;

import dev.gatehouse.routing.model.ClassVerdict;
import dev.gatehouse.routing.route.HostPattern;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Ingresses' class verdicts an explanation of a host mentions: those with a default backend and
 * those with a rule whose host matches. Built once per snapshot, so explaining every host of a large
 * configuration (the proxy does it for each TLS host when it loads) costs one look-up per host instead
 * of parsing every rule host of every Ingress each time.
 */
final class ClassNotesIndex {

    private final List<ClassVerdict> verdicts;
    private final Map<String, BitSet> exact = new HashMap<>();
    private final List<Integer> always = new ArrayList<>();
    private final List<Integer> patterned = new ArrayList<>();
    private final List<HostPattern> patterns = new ArrayList<>();

    ClassNotesIndex(List<ClassVerdict> verdicts) {
        this.verdicts = List.copyOf(verdicts);
        for (int i = 0; i < this.verdicts.size(); i++) {
            var spec = this.verdicts.get(i).ingress().getSpec();
            if (spec == null) {
                continue;
            }
            if (spec.getDefaultBackend() != null) {
                always.add(i);
                continue;
            }
            if (spec.getRules() == null) {
                continue;
            }
            for (var rule : spec.getRules()) {
                HostPattern pattern = HostPattern.parse(rule.getHost());
                if (pattern.kind() == HostPattern.Kind.EXACT) {
                    exact.computeIfAbsent(pattern.host(), h -> new BitSet()).set(i);
                } else {
                    patterned.add(i);
                    patterns.add(pattern);
                }
            }
        }
    }

    /** The verdicts relevant to the host, in the view's order. */
    List<ClassVerdict> relevantTo(String host) {
        BitSet hits = new BitSet();
        BitSet named = exact.get(host);
        if (named != null) {
            hits.or(named);
        }
        always.forEach(hits::set);
        for (int k = 0; k < patterns.size(); k++) {
            if (patterns.get(k).matches(host)) {
                hits.set(patterned.get(k));
            }
        }
        List<ClassVerdict> out = new ArrayList<>(hits.cardinality());
        hits.stream().forEach(i -> out.add(verdicts.get(i)));
        return out;
    }
}
