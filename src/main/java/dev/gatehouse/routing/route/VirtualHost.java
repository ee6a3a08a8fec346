package dev.gatehouse.routing.route;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.List;
import java.util.Optional;

/**
 * One host of the route model and everything that decides a request to it.
 *
 * @param pattern           the host
 * @param rules             the rules, in the front-end's order (precedence ties are settled by this order)
 * @param fallback          the rule answering requests no rule matched, if any
 * @param regexBy           set when every path of the host is a regex tried longest first: the sentence why
 * @param shadowed          rules dropped because an earlier one has the same match: the trace sentences
 * @param shadowedRules     the same rules as data (the rule and the one that wins), for views that draw them
 * @param unmatchedRedirect the redirect decision when neither a rule nor the fallback took the request
 * @param clientCertificate the client-certificate policy of the host, if any
 * @param contributors      every source with a rule for the host, in order
 * @param tls               the host's TLS certificate choice
 * @param passthrough       TLS passthrough of the host, if asked for
 */
public record VirtualHost(HostPattern pattern, List<RouteRule> rules, Optional<RouteRule> fallback,
                          Optional<TraceNote> regexBy, List<TraceNote> shadowed, RedirectDecision unmatchedRedirect,
                          Optional<ClientCertificatePolicy> clientCertificate, List<ObjectRef> contributors,
                          HostTls tls, Optional<Passthrough> passthrough, List<ShadowedRule> shadowedRules) {

    public VirtualHost {
        rules = List.copyOf(rules);
        shadowed = List.copyOf(shadowed);
        shadowedRules = List.copyOf(shadowedRules);
        contributors = List.copyOf(contributors);
    }

    /** A host without TLS and without passthrough. */
    public VirtualHost(HostPattern pattern, List<RouteRule> rules, Optional<RouteRule> fallback,
                       Optional<TraceNote> regexBy, List<TraceNote> shadowed, RedirectDecision unmatchedRedirect,
                       Optional<ClientCertificatePolicy> clientCertificate, List<ObjectRef> contributors) {
        this(pattern, rules, fallback, regexBy, shadowed, unmatchedRedirect, clientCertificate, contributors,
                HostTls.none("no TLS is configured for " + pattern.display()), Optional.empty(), List.of());
    }

    /** The host pattern matches every host: it answers requests no other host takes. */
    public boolean catchAll() {
        return pattern.kind() == HostPattern.Kind.ANY;
    }

    /** Whether the paths of this host are regular expressions, tried longest first, the first match winning. */
    public boolean regex() {
        return regexBy.isPresent();
    }
}
