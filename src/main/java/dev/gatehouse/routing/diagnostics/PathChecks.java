package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ClassVerdict;
import dev.gatehouse.routing.model.IngressOrder;
import dev.gatehouse.routing.model.PathConflict;
import dev.gatehouse.routing.model.PathKind;
import dev.gatehouse.routing.model.PathRule;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.model.Server;
import dev.gatehouse.routing.route.PathMatch;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.List;

/** GH301–GH304: path types, path syntax, conflicts and host-wide regex mode. */
final class PathChecks implements Check {

    @Override
    public void run(RoutingModel model, Findings findings) {
        for (ClassVerdict verdict : model.classes().accepted()) {
            List<IngressRule> rules = HostChecks.rules(verdict.ingress());
            for (int r = 0; r < rules.size(); r++) {
                IngressRule rule = rules.get(r);
                List<HTTPIngressPath> paths = rule.getHttp() == null || rule.getHttp().getPaths() == null
                        ? List.of() : rule.getHttp().getPaths();
                for (int p = 0; p < paths.size(); p++) {
                    checkPath(verdict.ref(), rule, r, p, paths.get(p), findings);
                }
            }
        }
        for (Server server : model.servers().all()) {
            for (PathConflict conflict : server.conflicts()) {
                PathRule loser = conflict.loser();
                PathRule winner = conflict.winner();
                String where = server.pattern().display() + " " + loser.display();
                findings.add(DiagnosticCode.GH301, loser.ingress(), where + " is also defined by " + winner.ingress()
                                + ", which wins because " + IngressOrder.why(winner.source(), loser.source())
                                + "; this path is ignored",
                        "Keep the path in one Ingress only, or give them different hosts or paths");
            }
            if (server.regex()) {
                checkRegex(server, findings);
            }
        }
    }

    private static void checkPath(ObjectRef ref, IngressRule rule, int r, int p, HTTPIngressPath path,
                                  Findings findings) {
        String value = path.getPath() == null || path.getPath().isEmpty() ? "/" : path.getPath();
        String where = "Path " + value + " (rule " + (r + 1) + (rule.getHost() == null ? "" : ", " + rule.getHost())
                + ")";
        PathKind kind = PathKind.of(path.getPathType());
        switch (kind) {
            case MISSING -> findings.add(DiagnosticCode.GH302, ref, where + " has no pathType; the"
                    + " networking.k8s.io/v1 API rejects it", "Add pathType: Prefix (or Exact)");
            case UNKNOWN -> findings.add(DiagnosticCode.GH303, ref, where + " has pathType \"" + path.getPathType()
                    + "\"; only Exact, Prefix and ImplementationSpecific exist", "Use pathType: Prefix or Exact");
            case EXACT, PREFIX -> {
                if (!value.startsWith("/")) {
                    findings.add(DiagnosticCode.GH303, ref, where + " must start with \"/\" for pathType "
                            + kind.label(), "Write the path as /" + value);
                }
            }
            default -> {
                // ImplementationSpecific: anything goes
            }
        }
    }

    private static void checkRegex(Server server, Findings findings) {
        ObjectRef by = server.regexBy().orElseThrow();
        for (PathRule rule : server.paths()) {
            if (PathMatch.regex(rule.path()).isEmpty()) {
                findings.add(DiagnosticCode.GH303, rule.ingress(), "Path " + rule.path() + " of "
                                + server.pattern().display() + " is not a valid regular expression, and use-regex is on"
                                + " for this host", "Fix the expression or escape special characters");
            }
        }
        server.contributors().stream().filter(c -> !c.equals(by)).forEach(other ->
                findings.add(DiagnosticCode.GH304, other, "use-regex or rewrite-target on " + by + " makes the paths"
                                + " of this Ingress on " + server.pattern().display() + " case-insensitive regular"
                                + " expressions too", "Check that these paths still match as intended, or move"
                                + " the regex paths to their own host"));
    }
}
