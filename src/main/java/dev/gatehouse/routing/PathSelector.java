package dev.gatehouse.routing;

import dev.gatehouse.routing.model.PathConflict;
import dev.gatehouse.routing.model.PathRule;
import dev.gatehouse.routing.model.Server;
import dev.gatehouse.routing.route.PathMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the path of a server for a request path, recording why the others lost.
 * Without regex: the longest matching path wins, Exact beats Prefix on a tie. With regex (the host has
 * {@code use-regex} or {@code rewrite-target}): paths are tried longest first as case-insensitive
 * regular expressions anchored at the start, and the first match wins.
 */
final class PathSelector {

    /** The chosen path and, in regex mode, its match. */
    record Selected(PathRule rule, Optional<Matcher> match) {
    }

    private static final Comparator<PathRule> PREFERENCE = Comparator.comparingInt(PathRule::matchLength).reversed()
            .thenComparingInt(r -> r.kind().tieRank());

    private PathSelector() {
    }

    static Optional<Selected> select(Server server, String requestPath, Trace trace) {
        Optional<Selected> chosen = server.regex() ? selectRegex(server, requestPath, trace)
                : selectPlain(server, requestPath, trace);
        for (PathConflict conflict : server.conflicts()) {
            trace.ignored(TraceStep.Stage.PATH, conflict.loser().display() + " in " + conflict.loser().ingress(),
                    "the same host and path are already defined by " + conflict.winner().ingress()
                            + ", which comes first (" + dev.gatehouse.routing.model.IngressOrder.why(
                            conflict.winner().source(), conflict.loser().source()) + ")");
        }
        return chosen;
    }

    private static Optional<Selected> selectPlain(Server server, String requestPath, Trace trace) {
        List<PathRule> matching = new ArrayList<>();
        for (PathRule rule : server.paths()) {
            if (matches(rule, requestPath)) {
                matching.add(rule);
            } else {
                trace.lost(TraceStep.Stage.PATH, subject(rule), whyNot(rule, requestPath));
            }
        }
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        List<PathRule> ranked = new ArrayList<>(matching);
        ranked.sort(PREFERENCE);
        PathRule winner = ranked.get(0);
        boolean tie = ranked.size() > 1 && ranked.get(1).matchLength() == winner.matchLength();
        trace.chosen(TraceStep.Stage.PATH, subject(winner), ranked.size() == 1 ? "the only path that matches"
                : tie ? "the longest match; on a tie " + winner.kind().label() + " wins"
                : "the longest matching path");
        for (PathRule loser : ranked.subList(1, ranked.size())) {
            trace.lost(TraceStep.Stage.PATH, subject(loser), loser.matchLength() < winner.matchLength()
                    ? "matches, but " + winner.path() + " is longer"
                    : "matches with the same length, but " + winner.kind().label() + " beats "
                    + loser.kind().label() + " on a tie");
        }
        return Optional.of(new Selected(winner, Optional.empty()));
    }

    private static Optional<Selected> selectRegex(Server server, String requestPath, Trace trace) {
        trace.note(TraceStep.Stage.PATH, "regex paths", "use-regex or rewrite-target on "
                + server.regexBy().orElseThrow() + " makes every path of this host a case-insensitive regular"
                + " expression matched at the start; the longest is tried first and the first match wins");
        List<PathRule> ordered = new ArrayList<>(server.paths());
        ordered.sort(Comparator.comparingInt((PathRule r) -> r.path().length()).reversed());
        Selected chosen = null;
        for (PathRule rule : ordered) {
            Optional<Pattern> pattern = PathMatch.regex(rule.path());
            if (pattern.isEmpty()) {
                trace.lost(TraceStep.Stage.PATH, subject(rule), "not a valid regular expression");
                continue;
            }
            if (chosen != null) {
                trace.lost(TraceStep.Stage.PATH, subject(rule), "not tried: " + chosen.rule().path()
                        + " is longer and matched first");
                continue;
            }
            Optional<Matcher> match = PathMatch.regexMatch(pattern.get(), requestPath);
            if (match.isPresent()) {
                chosen = new Selected(rule, match);
                trace.chosen(TraceStep.Stage.PATH, subject(rule), "the first (longest) regular expression that"
                        + " matches the start of " + requestPath);
            } else {
                trace.lost(TraceStep.Stage.PATH, subject(rule), "the regular expression ^" + rule.path()
                        + " does not match " + requestPath);
            }
        }
        return Optional.ofNullable(chosen);
    }

    static boolean matches(PathRule rule, String requestPath) {
        return switch (rule.kind()) {
            case EXACT -> PathMatch.exact(rule.path(), requestPath);
            case PREFIX -> PathMatch.elementPrefix(rule.path(), requestPath);
            case IMPLEMENTATION_SPECIFIC, MISSING -> PathMatch.stringPrefix(rule.path(), requestPath);
            case UNKNOWN -> false;
        };
    }

    private static String whyNot(PathRule rule, String requestPath) {
        return switch (rule.kind()) {
            case EXACT -> "Exact: " + requestPath + " is not exactly " + rule.path();
            case PREFIX -> "Prefix: the path elements of " + rule.path() + " are not a prefix of those of "
                    + requestPath;
            case IMPLEMENTATION_SPECIFIC, MISSING -> rule.kind().label()
                    + " (an nginx prefix in ingress-nginx): " + requestPath + " does not start with " + rule.path();
            case UNKNOWN -> "its pathType is not Exact, Prefix or ImplementationSpecific";
        };
    }

    private static String subject(PathRule rule) {
        return rule.display() + " in " + rule.ingress();
    }
}
