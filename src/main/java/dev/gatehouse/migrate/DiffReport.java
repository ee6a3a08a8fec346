package dev.gatehouse.migrate;

import java.time.Duration;
import java.util.List;

/**
 * The behavioural diff of one migration.
 *
 * @param compared    how many requests were asked of both worlds
 * @param differences the requests that behave differently, in corpus order
 * @param caveats     what the comparison cannot see (engine limits that touch this input), plainly
 * @param took        how long the comparison took
 */
public record DiffReport(int compared, List<Difference> differences, List<String> caveats, Duration took) {

    public DiffReport {
        differences = List.copyOf(differences);
        caveats = List.copyOf(caveats);
    }

    public boolean identical() {
        return differences.isEmpty();
    }

    public List<Difference> unexplained() {
        return differences.stream().filter(d -> !d.explained()).toList();
    }
}
