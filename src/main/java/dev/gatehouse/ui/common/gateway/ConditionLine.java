package dev.gatehouse.ui.common.gateway;

import dev.gatehouse.routing.gateway.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One condition type of an object: Gatehouse's verdict beside what the controller wrote.
 *
 * @param type       {@code Programmed}
 * @param gatehouse  {@code Programmed=False Invalid: no usable certificate …}
 * @param controller {@code Programmed=True (Programmed)}, or "—" when not written
 * @param differs    the two disagree
 * @param bad        Gatehouse says something is wrong
 */
public record ConditionLine(String type, String gatehouse, String controller, boolean differs, boolean bad) {

    /** A line per condition Gatehouse computes, matched by type with what the controller wrote. */
    public static List<ConditionLine> lines(List<Condition> ours, List<WrittenCondition> theirs) {
        List<ConditionLine> out = new ArrayList<>();
        for (Condition c : ours) {
            Optional<WrittenCondition> w = theirs.stream().filter(x -> x.type().equals(c.type())).findFirst();
            out.add(new ConditionLine(c.type(), Verdicts.display(c) + (c.message().isBlank() ? "" : ": " + c.message()),
                    w.map(x -> x.display() + (x.reason().isBlank() ? "" : " (" + x.reason() + ")")).orElse("—"),
                    w.isPresent() && w.get().isTrue() != c.status(), Verdicts.bad(c)));
        }
        return List.copyOf(out);
    }
}
