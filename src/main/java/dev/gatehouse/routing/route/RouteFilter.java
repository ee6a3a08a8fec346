package dev.gatehouse.routing.route;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** What a rule does to a request besides choosing a backend. */
public sealed interface RouteFilter {

    /**
     * Answer with a redirect instead of proxying. Empty parts keep the request's.
     *
     * @param scheme  the new scheme
     * @param host    the new host
     * @param port    the new port (empty: the well-known port of the scheme, left out of Location)
     * @param path    the new path
     * @param status  301, 302, 303, 307 or 308
     * @param plainHttpOnly applies only to requests that arrived over plain HTTP (ingress-nginx's ssl-redirect)
     * @param why     the trace sentence
     * @param summary the reason given in the decision's summary
     */
    record Redirect(Optional<String> scheme, Optional<String> host, OptionalInt port, Optional<String> path,
                    int status, boolean plainHttpOnly, String why, String summary) implements RouteFilter {

        /** A redirect of plain HTTP to https with {@code status}, keeping host, port rules, path and query. */
        public static Redirect toHttps(int status, String why, String summary) {
            return new Redirect(Optional.of("https"), Optional.empty(), OptionalInt.empty(), Optional.empty(), status,
                    true, why, summary);
        }

        /** The Location for a request to {@code host} with {@code pathAndQuery}. */
        public String location(String requestScheme, String requestHost, String pathAndQuery) {
            String s = scheme.orElse(requestScheme);
            String h = host.orElse(requestHost);
            String p = path.orElse(pathAndQuery);
            return s + "://" + h + (port.isPresent() ? ":" + port.getAsInt() : "") + p;
        }

        /** {@code 308 to HTTPS}. */
        public String subject() {
            return status + " to " + scheme.map(s -> s.toUpperCase(java.util.Locale.ROOT)).orElse("another URL");
        }
    }

    /**
     * Replace the path the backend receives. {@code $1}.. take the groups of a regex path match.
     *
     * @param target the new path
     */
    record Rewrite(String target) implements RouteFilter {
    }

    /**
     * Change headers of the request (to the backend) or the response (to the client).
     *
     * @param direction request or response
     * @param set       headers set (replacing)
     * @param add       headers added
     * @param remove    header names removed
     */
    record HeaderChange(Direction direction, Map<String, String> set, Map<String, String> add,
                        List<String> remove) implements RouteFilter {

        public HeaderChange {
            set = Map.copyOf(set);
            add = Map.copyOf(add);
            remove = List.copyOf(remove);
        }
    }

    /** Which message a header change applies to. */
    enum Direction { REQUEST, RESPONSE }
}
