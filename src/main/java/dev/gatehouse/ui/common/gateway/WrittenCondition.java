package dev.gatehouse.ui.common.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * A status condition as the real controller wrote it into an object's {@code .status} (what {@code kubectl get -o
 * yaml} shows), as opposed to Gatehouse's own verdict ({@link dev.gatehouse.routing.gateway.Condition}).
 *
 * @param type    {@code Accepted}, {@code Programmed}, {@code ResolvedRefs}, …
 * @param status  {@code True}, {@code False} or {@code Unknown} as written
 * @param reason  the reason as written ("" when none)
 * @param message the message as written ("" when none)
 */
public record WrittenCondition(String type, String status, String reason, String message) {

    /** Reads fabric8's conditions (null-safe: a missing list is no condition). */
    public static List<WrittenCondition> of(List<io.fabric8.kubernetes.api.model.Condition> conditions) {
        List<WrittenCondition> out = new ArrayList<>();
        if (conditions != null) {
            for (var c : conditions) {
                if (c != null && c.getType() != null) {
                    out.add(new WrittenCondition(c.getType(), c.getStatus() == null ? "Unknown" : c.getStatus(),
                            c.getReason() == null ? "" : c.getReason(), c.getMessage() == null ? "" : c.getMessage()));
                }
            }
        }
        return List.copyOf(out);
    }

    public boolean isTrue() {
        return "True".equalsIgnoreCase(status);
    }

    /** {@code Programmed=True}. */
    public String display() {
        return type + "=" + status;
    }
}
