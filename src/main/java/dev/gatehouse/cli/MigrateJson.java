package dev.gatehouse.cli;

import dev.gatehouse.migrate.ConversionNote;
import dev.gatehouse.migrate.DiffReport;
import dev.gatehouse.migrate.Difference;
import dev.gatehouse.migrate.MigrationResult;
import dev.gatehouse.migrate.Observed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The migration result as one JSON object for machines. */
final class MigrateJson {

    private MigrateJson() {
    }

    static String write(MigrationResult r) {
        return write(r, r.diff(), false);
    }

    /** With the diff of the real responses of the side by side instead of the engine's. */
    static String write(MigrationResult r, DiffReport real) {
        return write(r, real, true);
    }

    private static String write(MigrationResult r, DiffReport diff, boolean replayed) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("diffFrom", replayed ? "real responses" : "engine");
        root.put("gateway", r.plan().gateway().getMetadata().getNamespace() + "/" + r.plan().gateway().getMetadata()
                .getName());
        root.put("extendsExisting", r.plan().extendsExisting());
        root.put("converted", r.plan().converted().stream().map(c -> c.path()).toList());
        root.put("objects", r.plan().objects().stream().map(o -> o.getKind() + "/" + o.getMetadata().getNamespace()
                + "/" + o.getMetadata().getName()).toList());
        root.put("compared", diff.compared());
        root.put("identical", diff.identical());
        root.put("unexplained", diff.unexplained().size());
        if (replayed) {
            root.put("engineDiffers", r.diff().differences().size());
            root.put("engineUnexplained", r.diff().unexplained().size());
        }
        root.put("notes", r.plan().notes().stream().map(MigrateJson::note).toList());
        root.put("differences", diff.differences().stream().map(MigrateJson::difference).toList());
        root.put("caveats", diff.caveats());
        root.put("yaml", r.yaml());
        return JsonText.write(root);
    }

    private static Map<String, Object> note(ConversionNote n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ingress", n.source().path());
        m.put("annotation", n.annotation());
        m.put("value", n.value());
        m.put("status", n.status().name());
        m.put("where", n.where());
        m.put("why", n.why());
        m.put("instead", n.instead());
        return m;
    }

    private static Map<String, Object> difference(Difference d) {
        Map<String, Object> m = new LinkedHashMap<>();
        var q = d.probe().request();
        m.put("method", q.method());
        m.put("url", q.url());
        m.put("sni", q.sni().orElse(null));
        m.put("headers", q.headers().values());
        m.put("probes", d.probe().purpose().name());
        m.put("fields", d.fields());
        m.put("ingressNginx", observed(d.before()));
        m.put("gateway", observed(d.after()));
        m.put("explanations", d.explanations());
        m.put("explained", d.explained());
        return m;
    }

    private static Map<String, Object> observed(Observed o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("answeredBy", o.answeredBy());
        o.fields().forEach(m::put);
        return m;
    }

}
