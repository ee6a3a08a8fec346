package dev.gatehouse.ui.path;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.List;

/** What the path view draws: one Ingress (its paths on all its hosts) or one host (every Ingress's paths for it). */
public sealed interface PathTarget permits PathTarget.IngressTarget, PathTarget.HostTarget {

    /** Stable identity across refreshes. */
    String key();

    /** The text of the picker. */
    String label();

    /**
     * An Ingress.
     *
     * @param ingress the Ingress
     * @param hosts   its rule hosts, for the picker
     */
    record IngressTarget(ObjectRef ingress, List<String> hosts) implements PathTarget {
        public IngressTarget {
            hosts = List.copyOf(hosts);
        }

        @Override
        public String key() {
            return "ingress:" + ingress.path();
        }

        @Override
        public String label() {
            return "Ingress " + ingress.path() + (hosts.isEmpty() ? "" : "  ·  " + String.join(", ", hosts));
        }
    }

    /**
     * A host as the controller serves it, merged from every Ingress with a rule for it.
     *
     * @param host the rule host ({@code shop.example.com}, {@code *.example.com}), or "" for rules without host
     */
    record HostTarget(String host) implements PathTarget {
        @Override
        public String key() {
            return "host:" + host;
        }

        @Override
        public String label() {
            return "Host " + (host.isEmpty() ? "(any host)" : host);
        }
    }
}
