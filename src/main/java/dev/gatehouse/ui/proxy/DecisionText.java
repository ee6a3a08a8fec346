package dev.gatehouse.ui.proxy;

import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.RouteMatch;

/** The engine's route decision for the tester, in plain lines. */
final class DecisionText {

    private DecisionText() {
    }

    static String of(Explanation e) {
        StringBuilder b = new StringBuilder();
        b.append("Result: ").append(e.decision().status() == 0 ? "\u2014" : e.decision().status()).append("  ")
                .append(e.decision().summary()).append('\n');
        e.route().ifPresent(r -> b.append("Ingress: ").append(r.ingress().path()).append("  ").append(rule(r)).append('\n'));
        e.backend().ifPresent(k -> b.append("Backend: ").append(k.display()).append(" (").append(k.detail()).append(")\n"));
        e.certificate().ifPresent(c -> b.append("Certificate: ").append(c.describe()).append('\n'));
        e.legs().forEach(l -> b.append(l.kind().label()).append(": ").append(l.label()).append('\n'));
        return b.toString();
    }

    private static String rule(RouteMatch r) {
        return r.defaultBackend() ? "default backend (host " + r.host() + ")"
                : "host " + r.host() + ", path " + r.path().orElse("/") + " (" + r.pathType().orElse("") + ")";
    }
}
