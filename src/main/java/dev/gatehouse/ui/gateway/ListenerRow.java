package dev.gatehouse.ui.gateway;

import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.ui.common.Status;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One listener of a Gateway (its own or a ListenerSet's) as a table row: the columns users scan, with Gatehouse's
 * verdict beside what the controller wrote. Immutable; rebuilt with every routing snapshot.
 *
 * @param gateway        the Gateway serving the listener
 * @param owner          the object declaring it (the Gateway, or a ListenerSet)
 * @param listener       the listener as Gatehouse models it (null for a Gateway without listeners)
 * @param protocol       {@code HTTPS}, or {@code TLS (Passthrough)}
 * @param port           the port ("" without listener)
 * @param hostname       the hostname, or "any host"
 * @param certificate    the Secret served, {@code edge/gw-wildcard-tls · expires in 80 days}, or why none
 * @param certificateStatus the expiry band (or error for an unusable reference; OK when no TLS)
 * @param attachedRoutes the routes Gatehouse finds attached to it
 * @param verdict        Gatehouse's verdict: {@code Programmed}, or the first problem ({@code ResolvedRefs=False RefNotPermitted})
 * @param verdictStatus  ERROR when a condition says something is wrong
 * @param controller     what the controller wrote, briefly ({@code Programmed=True}, or "no status written")
 * @param difference     where the controller and Gatehouse disagree, in a sentence
 * @param related        the objects whose diagnostics count for the row (Gateway, ListenerSet, Secrets)
 */
public record ListenerRow(ObjectRef gateway, ObjectRef owner, GatewayListener listener, String protocol, String port,
                          String hostname, String certificate, Status certificateStatus, int attachedRoutes,
                          String verdict, Status verdictStatus, String controller, Optional<String> difference,
                          List<ObjectRef> related) {

    public ListenerRow {
        related = List.copyOf(related);
    }

    public String namespace() {
        return gateway.namespace();
    }

    /** {@code edge/main}, with the ListenerSet when the listener comes from one. */
    public String gatewayName() {
        return gateway.path() + (owner.equals(gateway) ? "" : " (ListenerSet " + owner.name() + ")");
    }

    public String listenerName() {
        return listener == null ? "(no listeners)" : listener.name();
    }

    /** Stable across snapshots: Gateway, owner, listener. */
    public String key() {
        return gateway.path() + "|" + owner.path() + "|" + listenerName();
    }

    /** The controller column: what it wrote, flagged when it differs from Gatehouse's verdict. */
    public String controllerText() {
        return difference.isPresent() ? controller + " ≠ Gatehouse" : controller;
    }

    /** True when any column contains the text (case-insensitive). */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.trim().toLowerCase(Locale.ROOT);
        String all = String.join("\n", gatewayName(), listenerName(), protocol, port, hostname, certificate,
                verdict, controllerText());
        return all.toLowerCase(Locale.ROOT).contains(f);
    }
}
