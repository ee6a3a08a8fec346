package dev.gatehouse.ui.path;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.List;

/**
 * What the path view draws: one Ingress (its paths on all its hosts), one host (every Ingress's paths for it) or
 * one Gateway (every route rule of every listener).
 */
public sealed interface PathTarget permits PathTarget.IngressTarget, PathTarget.HostTarget, PathTarget.GatewayTarget {

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

    /**
     * A Gateway: its listeners and the route rules attached to them.
     *
     * @param gateway   the Gateway
     * @param hostnames its listeners' hostnames, for the picker
     */
    record GatewayTarget(ObjectRef gateway, List<String> hostnames) implements PathTarget {
        public GatewayTarget {
            hostnames = List.copyOf(hostnames);
        }

        @Override
        public String key() {
            return "gateway:" + gateway.path();
        }

        @Override
        public String label() {
            return "Gateway " + gateway.path() + (hostnames.isEmpty() ? "" : "  ·  " + String.join(", ", hostnames));
        }
    }
}
