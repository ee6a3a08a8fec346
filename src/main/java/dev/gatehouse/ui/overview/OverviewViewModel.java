package dev.gatehouse.ui.overview;

import dev.gatehouse.app.Latest;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.SecretSummary;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.diagnostics.Severity;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.LiveList;
import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Overview: counts per namespace, the soonest-expiring certificates, and every problem the
 * diagnostics found, most severe first. Everything derives from the live caches and the report.
 */
public final class OverviewViewModel {
    static final int EXPIRING_SHOWN = 8;

    private final ObservableList<NamespaceCount> namespaces = FXCollections.observableArrayList();
    private final ObservableList<CertificateRow> expiring = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectProperty<DiagnosticReport> report;
    private final Executor worker;
    private final Clock clock;
    private final Latest<Boolean, Boolean> debounce;
    private LiveList<Ingress, String> ingresses; // the namespace of each Ingress
    private LiveList<SecretSummary, CertificateRow> certificates;
    private LiveList<Gateway, String> gateways; // the namespace of each Gateway
    private LiveList<HTTPRoute, String> routes; // the namespace of each HTTPRoute
    private final ReadOnlyStringWrapper gatewaySummary = new ReadOnlyStringWrapper("");

    /**
     * @param background builds rows on its workers and coalesces recomputations on its timer
     * @param clock      "now" for the certificates' days left
     */
    public OverviewViewModel(ReadOnlyObjectProperty<ClusterSession> session, ReadOnlyObjectProperty<DiagnosticReport> report,
                             FxBackground background, Clock clock) {
        this.clock = clock;
        this.report = report;
        this.worker = background::execute;
        this.debounce = background.fxRecompute(Duration.ofMillis(150), this::recompute);
        report.addListener((Observable o) -> schedule());
        session.addListener((o, a, s) -> use(s));
        use(session.get());
    }

    private void use(ClusterSession s) {
        if (ingresses != null) {
            ingresses.close();
            certificates.close();
            gateways.close();
            routes.close();
            ingresses = null;
            certificates = null;
            gateways = null;
            routes = null;
        }
        if (s != null) {
            ingresses = new LiveList<>(s.ingresses(), i -> i.getMetadata().getNamespace() + "/" + i.getMetadata().getName(),
                    i -> i.getMetadata().getNamespace(), worker);
            certificates = new LiveList<>(s.secrets(), x -> x.namespace() + "/" + x.name(),
                    x -> CertificateRow.of(x, clock.instant()), worker);
            gateways = new LiveList<>(s.gatewayApi().gateways(), g -> ObjectRef.of(g).path(), ObjectRef::namespaceOf, worker);
            routes = new LiveList<>(s.gatewayApi().httpRoutes(), r -> ObjectRef.of(r).path(), ObjectRef::namespaceOf, worker);
            ingresses.rows().addListener((Observable o) -> schedule());
            certificates.rows().addListener((Observable o) -> schedule());
            gateways.rows().addListener((Observable o) -> schedule());
            routes.rows().addListener((Observable o) -> schedule());
        }
        recompute();
    }

    /** Coalesces bursts of changes into one recomputation. */
    private void schedule() {
        debounce.submit(Boolean.TRUE);
    }

    private void recompute() {
        List<String> ing = ingresses == null ? List.of() : ingresses.rows();
        List<CertificateRow> certs = certificates == null ? List.of() : certificates.rows();
        DiagnosticReport r = report.get();
        Map<String, int[]> counts = new TreeMap<>();
        ing.forEach(ns -> counts.computeIfAbsent(ns, k -> new int[5])[0]++);
        certs.stream().filter(c -> c.leaf().isPresent()).forEach(c -> counts.computeIfAbsent(c.namespace(), k -> new int[5])[1]++);
        (gateways == null ? List.<String>of() : gateways.rows()).forEach(ns -> counts.computeIfAbsent(ns, k -> new int[5])[4]++);
        (routes == null ? List.<String>of() : routes.rows()).forEach(ns -> counts.computeIfAbsent(ns, k -> new int[5])[4]++);
        for (Diagnostic d : r.diagnostics()) {
            String ns = d.object().namespace();
            if (ns != null && counts.containsKey(ns)) {
                counts.get(ns)[d.severity() == Severity.ERROR ? 2 : d.severity() == Severity.WARNING ? 3 : 0] +=
                        d.severity() == Severity.INFO ? 0 : 1;
            }
        }
        namespaces.setAll(counts.entrySet().stream()
                .map(e -> new NamespaceCount(e.getKey(), e.getValue()[0], e.getValue()[4], e.getValue()[1],
                        e.getValue()[2], e.getValue()[3]))
                .toList());
        expiring.setAll(certs.stream().filter(c -> c.leaf().isPresent())
                .sorted(Comparator.comparing(c -> c.leaf().get().notAfter()))
                .limit(EXPIRING_SHOWN).toList());
        problems.setAll(r.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).sorted(Diagnostic.ORDER).toList());
        long errors = r.count(Severity.ERROR);
        long warnings = r.count(Severity.WARNING);
        summary.set(errors + warnings == 0 ? "No problems found"
                : plural(errors, "error") + " · " + plural(warnings, "warning"));
        gatewaySummary.set(gatewayProblems(r, (gateways == null ? 0 : gateways.rows().size())
                + (routes == null ? 0 : routes.rows().size())));
    }

    /**
     * The Gateway API's share of the problems, by severity, as the Ingresses' are counted: diagnostics about
     * Gateways, their listeners and certificates, and routes (GH7xx). "" when there is no Gateway API object.
     */
    static String gatewayProblems(DiagnosticReport r, int objects) {
        long errors = r.diagnostics().stream().filter(d -> isGateway(d) && d.severity() == Severity.ERROR).count();
        long warnings = r.diagnostics().stream().filter(d -> isGateway(d) && d.severity() == Severity.WARNING).count();
        if (objects == 0 && errors + warnings == 0) {
            return "";
        }
        return "Gateway API: " + (errors + warnings == 0 ? "no problems"
                : plural(errors, "error") + " · " + plural(warnings, "warning"));
    }

    private static boolean isGateway(Diagnostic d) {
        return d.code().id().startsWith("GH7");
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public ObservableList<NamespaceCount> namespaces() { return namespaces; }
    public ObservableList<CertificateRow> expiring() { return expiring; }
    public ObservableList<Diagnostic> problems() { return problems; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    /** "Gateway API: 5 errors · 1 warning" ("" without Gateway API objects). */
    public ReadOnlyStringProperty gatewaySummaryProperty() { return gatewaySummary.getReadOnlyProperty(); }
}
