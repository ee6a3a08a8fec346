package dev.gatehouse.probe;

import java.util.List;
import java.util.Optional;

/**
 * The probe of one host: what was planned, what was seen, and each verdict.
 *
 * @param planned     the host, where it was probed and what the objects expect
 * @param observation what the endpoint served
 * @param verdicts    each judgement, in a fixed order
 */
public record HostReport(PlannedHost planned, Observation observation, List<Verdict> verdicts) {

    public HostReport {
        verdicts = List.copyOf(verdicts);
    }

    /** True when what is served agrees with the objects and no check fails. */
    public boolean agrees() {
        return verdicts.stream().noneMatch(Verdict::failed);
    }

    public List<Verdict> failures() {
        return verdicts.stream().filter(Verdict::failed).toList();
    }

    public Optional<Verdict> verdict(Verdict.Check check) {
        return verdicts.stream().filter(v -> v.check() == check).findFirst();
    }

    public String host() {
        return planned.target().host();
    }
}
