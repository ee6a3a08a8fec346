package dev.gatehouse.ui.route;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.ui.common.Status;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTPRoute, GRPCRoute or TLSRoute as a table row. Immutable; rebuilt with every routing snapshot.
 *
 * @param ref           the route (its kind is the Kind column)
 * @param hostnames     {@code spec.hostnames}, or "any host (the listener's)"
 * @param parents       its parents with Gatehouse's Accepted verdict per parent
 * @param rules         how many rules
 * @param backends      the backends of every rule, with weights when split
 * @param verdict       {@code Accepted}, or the first problem ({@code Accepted=False NoMatchingListenerHostname})
 * @param verdictStatus ERROR when a parent does not accept it or a reference does not resolve
 * @param controller    what the controller wrote per parent, or "no status written"
 * @param difference    where the controller and Gatehouse disagree, in a sentence
 */
public record RouteRow(ObjectRef ref, String hostnames, String parents, int rules, String backends, String verdict,
                       Status verdictStatus, String controller, Optional<String> difference) {

    public String kind() {
        return ref.kind();
    }

    public String namespace() {
        return ref.namespace();
    }

    public String name() {
        return ref.name();
    }

    public String key() {
        return ref.toString();
    }

    /** The objects whose diagnostics are the route's. */
    public List<ObjectRef> related() {
        return List.of(ref);
    }

    public String controllerText() {
        return difference.isPresent() ? controller + " ≠ Gatehouse" : controller;
    }

    /** True when any column contains the text (case-insensitive). */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.trim().toLowerCase(Locale.ROOT);
        String all = String.join("\n", kind(), namespace(), name(), hostnames, parents, backends, verdict, controllerText());
        return all.toLowerCase(Locale.ROOT).contains(f);
    }
}
