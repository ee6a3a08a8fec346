package dev.gatehouse.routing;

import dev.gatehouse.routing.route.RoutePath;
import dev.gatehouse.routing.route.RouteRule;
import dev.gatehouse.routing.route.TraceNote;
import dev.gatehouse.routing.route.VirtualHost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the rule of a virtual host for a request path, recording why the others lost.
 * Without regex: the longest matching path wins, Exact beats Prefix on a tie, then the earlier rule. With
 * regex (the host's paths are all regular expressions): paths are tried longest first, and the first match wins.
 */
final class PathSelector {

    /** The chosen rule and, in regex mode, its match. */
    record Selected(RouteRule rule, Optional<Matcher> match) {

        RoutePath path() {
            return rule.path().orElseThrow();
        }
    }

    private static final Comparator<RouteRule> PREFERENCE = Comparator
            .comparingInt((RouteRule r) -> pathOf(r).matchLength()).reversed()
            .thenComparingInt(r -> pathOf(r).tieRank());

    private PathSelector() {
    }

    static Optional<Selected> select(VirtualHost host, String requestPath, Trace trace) {
        Optional<Selected> chosen = host.regex() ? selectRegex(host, requestPath, trace)
                : selectPlain(host, requestPath, trace);
        for (TraceNote shadowed : host.shadowed()) {
            trace.ignored(TraceStep.Stage.PATH, shadowed.subject(), shadowed.reason());
        }
        return chosen;
    }

    private static Optional<Selected> selectPlain(VirtualHost host, String requestPath, Trace trace) {
        List<RouteRule> matching = new ArrayList<>();
        for (RouteRule rule : host.rules()) {
            RoutePath path = pathOf(rule);
            if (path.matches(requestPath)) {
                matching.add(rule);
            } else {
                trace.lost(TraceStep.Stage.PATH, subject(rule), whyNot(path, requestPath));
            }
        }
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        List<RouteRule> ranked = new ArrayList<>(matching);
        ranked.sort(PREFERENCE);
        RoutePath winner = pathOf(ranked.get(0));
        boolean tie = ranked.size() > 1 && pathOf(ranked.get(1)).matchLength() == winner.matchLength();
        trace.chosen(TraceStep.Stage.PATH, subject(ranked.get(0)), ranked.size() == 1 ? "the only path that matches"
                : tie ? "the longest match; on a tie " + winner.writtenAs() + " wins"
                : "the longest matching path");
        for (RouteRule loser : ranked.subList(1, ranked.size())) {
            RoutePath lost = pathOf(loser);
            trace.lost(TraceStep.Stage.PATH, subject(loser), lost.matchLength() < winner.matchLength()
                    ? "matches, but " + winner.value() + " is longer"
                    : "matches with the same length, but " + winner.writtenAs() + " beats "
                    + lost.writtenAs() + " on a tie");
        }
        RouteRule chosen = ranked.get(0);
        return Optional.of(new Selected(chosen, winner.regexMatch(requestPath)));
    }

    private static Optional<Selected> selectRegex(VirtualHost host, String requestPath, Trace trace) {
        TraceNote why = host.regexBy().orElseThrow();
        trace.note(TraceStep.Stage.PATH, why.subject(), why.reason());
        List<RouteRule> ordered = new ArrayList<>(host.rules());
        ordered.sort(Comparator.comparingInt((RouteRule r) -> pathOf(r).value().length()).reversed());
        Selected chosen = null;
        for (RouteRule rule : ordered) {
            RoutePath path = pathOf(rule);
            Optional<Pattern> pattern = path.pattern();
            if (pattern.isEmpty()) {
                trace.lost(TraceStep.Stage.PATH, subject(rule), "not a valid regular expression");
                continue;
            }
            if (chosen != null) {
                trace.lost(TraceStep.Stage.PATH, subject(rule), "not tried: " + chosen.path().value()
                        + " is longer and matched first");
                continue;
            }
            Optional<Matcher> match = path.regexMatch(requestPath);
            if (match.isPresent()) {
                chosen = new Selected(rule, match);
                trace.chosen(TraceStep.Stage.PATH, subject(rule), "the first (longest) regular expression that"
                        + " matches the start of " + requestPath);
            } else {
                trace.lost(TraceStep.Stage.PATH, subject(rule), "the regular expression ^" + path.value()
                        + " does not match " + requestPath);
            }
        }
        return Optional.ofNullable(chosen);
    }

    private static String whyNot(RoutePath path, String requestPath) {
        return switch (path.type()) {
            case EXACT -> path.writtenAs() + ": " + requestPath + " is not exactly " + path.value();
            case PREFIX -> path.writtenAs() + ": the path elements of " + path.value() + " are not a prefix of those of "
                    + requestPath;
            case STRING_PREFIX -> path.writtenAs() + " (an nginx prefix in ingress-nginx): " + requestPath
                    + " does not start with " + path.value();
            case REGEX -> "the regular expression ^" + path.value() + " does not match " + requestPath;
            case NEVER -> "its pathType is not Exact, Prefix or ImplementationSpecific";
        };
    }

    private static RoutePath pathOf(RouteRule rule) {
        return rule.path().orElseThrow(() -> new IllegalArgumentException("a fallback is not selected by path"));
    }

    private static String subject(RouteRule rule) {
        return pathOf(rule).display() + " in " + rule.source().object();
    }
}
