package dev.gatehouse.migrate;

import dev.gatehouse.routing.ProbeRequest;

/**
 * One request of the corpus and why it is there.
 *
 * @param request the request
 * @param purpose which boundary it probes
 */
public record Probe(ProbeRequest request, Purpose purpose) {

    /** The boundary a request probes; traps are recognised by it. */
    public enum Purpose {
        PATH("a rule path as written"),
        TRAILING_SLASH("the path with / without a trailing slash"),
        DEEPER("one segment deeper"),
        NEIGHBOUR("a string-prefix neighbour (the path plus characters, not a segment)"),
        UPPER_CASE("the path in upper case"),
        DOT_SEGMENT("the path with a ./ segment"),
        DOT_DOT_SEGMENT("the path with a x/.. segment"),
        DOUBLE_SLASH("the path with a doubled slash"),
        ROOT("the host's root"),
        NO_SNI("https without SNI"),
        DEEP_WILDCARD("a name two labels under a wildcard"),
        HEADER("with a header a rule matches on");

        private final String label;

        Purpose(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
