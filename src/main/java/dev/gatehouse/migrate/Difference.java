package dev.gatehouse.migrate;

import java.util.List;

/**
 * One request that behaves differently after the migration.
 *
 * @param probe        the request and the boundary it probes
 * @param before       as ingress-nginx answers it
 * @param after        as the Gateway answers it
 * @param fields       the names of the fields that differ ({@link Observed#fields()})
 * @param explanations why, when it is a known trap or a known unconvertible piece (empty = unexplained)
 */
public record Difference(Probe probe, Observed before, Observed after, List<String> fields,
                         List<String> explanations) {

    public Difference {
        fields = List.copyOf(fields);
        explanations = List.copyOf(explanations);
    }

    public boolean explained() {
        return !explanations.isEmpty();
    }

    /** "status 404 → 200, backend … → …". */
    public String summary() {
        StringBuilder s = new StringBuilder();
        for (String f : fields) {
            if (s.length() > 0) {
                s.append("; ");
            }
            s.append(f).append(' ').append(show(before.fields().get(f))).append(" → ").append(show(after.fields().get(f)));
        }
        return s.toString();
    }

    private static String show(String v) {
        return v == null || v.isEmpty() ? "(none)" : v;
    }
}
