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

    /**
     * Gateway API {@code RequestRedirect}: answer with a redirect built by the spec's rules. Empty parts keep
     * the request's. Port: when none is given and the scheme changes, the well-known port of the new scheme;
     * when neither is given, the listener's port; 80 for http and 443 for https are left out of Location.
     *
     * @param scheme   the new scheme ({@code http} / {@code https})
     * @param hostname the new host
     * @param port     the new port
     * @param path     the path change, if any
     * @param status   301, 302 (the default), 303, 307 or 308
     */
    record RequestRedirect(Optional<String> scheme, Optional<String> hostname, OptionalInt port,
                           Optional<PathModifier> path, int status) implements RouteFilter {

        /**
         * The Location a conformant controller sends.
         *
         * @param requestScheme the scheme the request arrived with
         * @param requestHost   the Host header (without port)
         * @param listenerPort  the port of the listener that took the request
         * @param matchedPrefix the PathPrefix of the match ("/" for none)
         * @param requestPath   the request path
         * @param query         the query string ("" when none); it is kept
         */
        public String location(String requestScheme, String requestHost, int listenerPort, String matchedPrefix,
                               String requestPath, String query) {
            String s = scheme.orElse(requestScheme);
            int p = port.isPresent() ? port.getAsInt()
                    : scheme.isPresent() ? wellKnownPort(s, listenerPort) : listenerPort;
            boolean omit = ("http".equals(s) && p == 80) || ("https".equals(s) && p == 443);
            String newPath = path.map(m -> m.apply(matchedPrefix, requestPath)).orElse(requestPath);
            return s + "://" + hostname.orElse(requestHost) + (omit ? "" : ":" + p) + newPath
                    + (query.isEmpty() ? "" : "?" + query);
        }

        private static int wellKnownPort(String scheme, int listenerPort) {
            return switch (scheme) {
                case "http" -> 80;
                case "https" -> 443;
                default -> listenerPort;
            };
        }

        /** {@code 301 redirect to https}. */
        public String subject() {
            return status + " redirect" + scheme.map(s -> " to " + s).orElse("")
                    + hostname.map(h -> " to host " + h).orElse("") + (port.isPresent() ? " port " + port.getAsInt() : "")
                    + path.map(m -> " (" + m.display() + ")").orElse("");
        }
    }

    /**
     * Gateway API {@code URLRewrite}: change the Host and/or path the backend receives.
     *
     * @param hostname the Host header the backend receives
     * @param path     the path change
     */
    record UrlRewrite(Optional<String> hostname, Optional<PathModifier> path) implements RouteFilter {
    }

    /**
     * A filter kept as data but not applied by the engine (Gateway API {@code RequestMirror}, {@code CORS},
     * {@code ExtensionRef}, {@code ExternalAuth}): shown in traces and linted.
     *
     * @param type    the filter type as written ({@code RequestMirror})
     * @param summary what it asks for, in plain words
     */
    record Unapplied(String type, String summary) implements RouteFilter {
    }

    /** Which message a header change applies to. */
    enum Direction { REQUEST, RESPONSE }
}
