package dev.gatehouse.ui.common.gateway;

import dev.gatehouse.routing.gateway.Condition;
import dev.gatehouse.ui.common.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gatehouse's verdict on a Gateway, a listener or a route parent, from the conditions a conformant controller
 * would write, and where it differs from what the real controller wrote. Shared by the Gateways and HTTPRoutes
 * screens so both say it with the same words.
 */
public final class Verdicts {
    /** The order conditions are compared and reported in: the one that explains the others first. */
    private static final List<String> CAUSE_ORDER = List.of(Condition.ACCEPTED, Condition.RESOLVED_REFS,
            Condition.CONFLICTED, Condition.PROGRAMMED);
    /** The order the controller's claims are quoted in: what users look at first. */
    private static final List<String> CLAIM_ORDER = List.of(Condition.PROGRAMMED, Condition.ACCEPTED,
            Condition.RESOLVED_REFS, Condition.CONFLICTED);

    private Verdicts() {
    }

    /** Whether a condition says something is wrong (Conflicted=True, any other =False). */
    public static boolean bad(Condition c) {
        return Condition.CONFLICTED.equals(c.type()) == c.status();
    }

    /** The first condition that says something is wrong, the cause before its effects. */
    public static Optional<Condition> problem(List<Condition> conditions) {
        for (String type : CAUSE_ORDER) {
            Optional<Condition> c = conditions.stream().filter(x -> x.type().equals(type) && bad(x)).findFirst();
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** {@code ResolvedRefs=False RefNotPermitted}, or {@code ok} (e.g. "Programmed") when nothing is wrong. */
    public static String text(List<Condition> conditions, String ok) {
        return problem(conditions).map(Verdicts::display).orElse(ok);
    }

    public static Status status(List<Condition> conditions) {
        return problem(conditions).isPresent() ? Status.ERROR : Status.OK;
    }

    /** {@code ResolvedRefs=False RefNotPermitted}. */
    public static String display(Condition c) {
        return c.type() + "=" + (c.status() ? "True" : "False") + (c.reason().isBlank() ? "" : " " + c.reason());
    }

    /** What the controller wrote, in a line: {@code Accepted=True, Programmed=True} or "no status written". */
    public static String written(List<WrittenCondition> written) {
        if (written.isEmpty()) {
            return "no status written";
        }
        List<String> out = new ArrayList<>();
        for (String type : CLAIM_ORDER) {
            written.stream().filter(w -> w.type().equals(type)).findFirst().ifPresent(w -> out.add(w.display()));
        }
        written.stream().filter(w -> !CLAIM_ORDER.contains(w.type())).forEach(w -> out.add(w.display()));
        return String.join(", ", out);
    }

    /** One written condition for a table cell: {@code key} ({@code Programmed=True}), or the first, or "no status". */
    public static String brief(List<WrittenCondition> written, String key) {
        return written.stream().filter(w -> w.type().equals(key)).findFirst()
                .or(() -> written.stream().findFirst()).map(WrittenCondition::display).orElse("no status written");
    }

    /**
     * Where the controller's status and Gatehouse's verdict disagree, in one sentence: {@code controller says
     * Programmed=True; Gatehouse: ResolvedRefs=False RefNotPermitted — <why>}. Empty when they agree on every
     * condition both state, or when the controller wrote nothing (nothing to compare).
     */
    public static Optional<String> difference(List<Condition> gatehouse, List<WrittenCondition> written) {
        List<String> differing = new ArrayList<>();
        for (String type : CLAIM_ORDER) {
            Optional<Condition> ours = gatehouse.stream().filter(c -> c.type().equals(type)).findFirst();
            Optional<WrittenCondition> theirs = written.stream().filter(w -> w.type().equals(type)).findFirst();
            if (ours.isPresent() && theirs.isPresent() && ours.get().status() != theirs.get().isTrue()) {
                differing.add(type);
            }
        }
        if (differing.isEmpty()) {
            return Optional.empty();
        }
        String claims = String.join(", ", differing.stream().map(t -> written.stream()
                .filter(w -> w.type().equals(t)).findFirst().orElseThrow().display()).toList());
        Condition ours = problem(gatehouse).filter(p -> differing.contains(p.type()))
                .orElseGet(() -> CAUSE_ORDER.stream().filter(differing::contains).findFirst()
                        .flatMap(t -> gatehouse.stream().filter(c -> c.type().equals(t)).findFirst()).orElseThrow());
        return Optional.of("controller says " + claims + "; Gatehouse: " + display(ours)
                + (ours.message().isBlank() ? "" : " — " + ours.message()));
    }
}
