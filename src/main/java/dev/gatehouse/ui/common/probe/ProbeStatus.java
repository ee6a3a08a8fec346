package dev.gatehouse.ui.common.probe;

import dev.gatehouse.probe.HostReport;
import dev.gatehouse.probe.Verdict;
import dev.gatehouse.ui.common.Status;

/** The UI.md colours of probe results: a passed check is ok, a note is muted, a failure or disagreement red. */
final class ProbeStatus {

    private ProbeStatus() {
    }

    static Status of(Verdict.Status s) {
        return switch (s) {
            case PASS -> Status.OK;
            case NOTE -> Status.UNKNOWN;
            case FAIL -> Status.ERROR;
        };
    }

    /** The outcome of a host's probe in three words. */
    enum Outcome { AGREES, DISAGREES, FAILED }

    static Outcome outcome(HostReport r) {
        if (!r.observation().reached()) {
            return Outcome.FAILED;
        }
        return r.agrees() ? Outcome.AGREES : Outcome.DISAGREES;
    }

    static Status status(HostReport r) {
        return outcome(r) == Outcome.AGREES ? Status.OK : Status.ERROR;
    }

    /** "agrees with the objects", "2 disagreements with the objects", "unreachable". */
    static String summary(HostReport r) {
        return switch (outcome(r)) {
            case AGREES -> "agrees with the objects";
            case DISAGREES -> r.failures().size() == 1 ? "1 disagreement with the objects"
                    : r.failures().size() + " disagreements with the objects";
            case FAILED -> "no TLS handshake: probe failed";
        };
    }
}
