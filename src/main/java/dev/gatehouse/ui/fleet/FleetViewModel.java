package dev.gatehouse.ui.fleet;

import dev.gatehouse.cluster.KubeContext;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.SessionSettings;
import dev.gatehouse.fleet.ContextScan;
import dev.gatehouse.fleet.FleetCertificate;
import dev.gatehouse.fleet.FleetExport;
import dev.gatehouse.fleet.FleetReport;
import dev.gatehouse.fleet.CertificateCache;
import dev.gatehouse.fleet.FleetScanner;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;

/**
 * The Fleet screen's state: every context of the window's kubeconfig scanned at once in the background, each
 * context's outcome as it arrives, every certificate (soonest first, filterable), expiries per week for the next
 * 90 days, and exports. Never touches a Node.
 */
public final class FleetViewModel {

    /** Weeks the chart covers (13 × 7 = 91 days). */
    public static final int WEEKS = 13;

    /**
     * One context's state on the screen.
     *
     * @param context the context
     * @param status  its colour
     * @param text    "12 certificates" / "scanning…" / the failure
     */
    public record ContextRow(String context, Status status, String text) {
    }

    /** What opening a row does: connect to the context and show that certificate. */
    public interface Opener {
        void open(String context, String namespace, String secret);
    }

    private final ReadOnlyObjectProperty<KubeconfigSource> source;
    private final FxBackground background;
    private final Clock clock;
    private final Opener opener;
    private final ObservableList<ContextRow> contexts = FXCollections.observableArrayList();
    private final ObservableList<FleetCertificate> all = FXCollections.observableArrayList();
    private final FilteredList<FleetCertificate> filtered = new FilteredList<>(all);
    private final ObservableList<Integer> weekly = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Scan every context of the kubeconfig to"
            + " see all certificates at once.");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<FleetReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    /** Every certificate analysed once for all contexts, and not again on Rescan. */
    private final CertificateCache certificates = new CertificateCache();

    public FleetViewModel(ReadOnlyObjectProperty<KubeconfigSource> source, FxBackground background, Clock clock,
                          Opener opener) {
        this.source = source;
        this.background = background;
        this.clock = clock;
        this.opener = opener;
        filter.addListener((o, a, f) -> filtered.setPredicate(c -> matches(c, f)));
        count.bind(Bindings.createStringBinding(() -> all.isEmpty() ? "" : filtered.size() == all.size()
                ? all.size() + " certificates" : filtered.size() + " of " + all.size() + " certificates", filtered, all));
        for (int i = 0; i < WEEKS; i++) {
            weekly.add(0);
        }
    }

    static boolean matches(FleetCertificate c, String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.trim().toLowerCase(Locale.ROOT);
        return (c.key() + " " + c.subject() + " " + String.join(" ", c.hosts()) + " " + c.issuer() + " "
                + String.join(" ", c.usedBy()) + " " + c.certManager().orElse("")).toLowerCase(Locale.ROOT).contains(f);
    }

    /** Scans every context of the kubeconfig (a scan under way is not started twice). */
    public void scan() {
        KubeconfigSource kubeconfig = source.get();
        if (scanning.get()) {
            return;
        }
        if (kubeconfig == null || kubeconfig.contexts().isEmpty()) {
            summary.set("No kubeconfig with contexts is open: open one (File → Open kubeconfig…) or the demo cluster.");
            return;
        }
        List<String> names = kubeconfig.contexts().stream().map(KubeContext::name).toList();
        contexts.setAll(names.stream().map(n -> new ContextRow(n, Status.UNKNOWN, "scanning…")).toList());
        scanning.set(true);
        summary.set("Scanning " + names.size() + " contexts…");
        AtomicInteger done = new AtomicInteger();
        Task<FleetReport> task = new Task<>() {
            @Override
            protected FleetReport call() {
                updateTitle("Scanning " + names.size() + " contexts…");
                updateProgress(0, names.size());
                return new FleetScanner(kubeconfig, SessionSettings.defaults(), clock, 8, certificates).scan(names, scan -> {
                    updateProgress(done.incrementAndGet(), names.size());
                    FxBackground.onFx(() -> show(scan));
                });
            }
        };
        task.setOnSucceeded(e -> finished(task.getValue()));
        task.setOnFailed(e -> {
            scanning.set(false);
            summary.set("The scan failed: " + task.getException().getMessage());
        });
        background.run(task);
    }

    private void show(ContextScan scan) {
        ContextRow row = scan instanceof ContextScan.Read r
                ? new ContextRow(r.context(), r.notes().isEmpty() ? Status.OK : Status.WARNING,
                        r.certificates().size() + " certificates" + (r.notes().isEmpty() ? "" : " · "
                                + String.join("; ", r.notes())))
                : new ContextRow(scan.context(), Status.ERROR, ((ContextScan.Failed) scan).message());
        for (int i = 0; i < contexts.size(); i++) {
            if (contexts.get(i).context().equals(scan.context())) {
                contexts.set(i, row);
            }
        }
    }

    private void finished(FleetReport r) {
        scanning.set(false);
        report.set(r);
        r.scans().forEach(this::show);
        all.setAll(r.certificates());
        int[] counts = r.expiriesPerWeek(WEEKS);
        for (int i = 0; i < WEEKS; i++) {
            weekly.set(i, counts[i]);
        }
        long soon = r.expiringWithin(30).size();
        summary.set(r.certificates().size() + " certificates in " + (r.scans().size() - r.failures().size()) + " of "
                + r.scans().size() + " contexts · " + soon + " expire within 30 days"
                + (r.failures().isEmpty() ? "" : " · " + r.failures().size() + (r.failures().size() == 1
                ? " context could not be read" : " contexts could not be read")));
    }

    /** Writes the last report as CSV or JSON (off the FX thread); the message says where or why not. */
    public void export(Path file, boolean json) {
        FleetReport r = report.get();
        if (r == null) {
            message.set("Scan first: there is nothing to export yet.");
            return;
        }
        String text = json ? FleetExport.json(r) : FleetExport.csv(r);
        background.execute(() -> {
            String result;
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
                result = "Wrote " + r.certificates().size() + " certificates to " + file;
            } catch (IOException e) {
                result = "Could not write " + file + ": " + e.getMessage();
            }
            String shown = result;
            FxBackground.onFx(() -> message.set(shown));
        });
    }

    /** Opens the certificate's context on the Certificates screen, with the certificate selected. */
    public void open(FleetCertificate c) {
        if (c != null) {
            opener.open(c.context(), c.namespace(), c.secret());
        }
    }

    public ObservableList<ContextRow> contexts() { return contexts; }
    public ObservableList<FleetCertificate> certificates() { return filtered; }
    public ObservableList<FleetCertificate> allCertificates() { return all; }
    public ObservableList<Integer> weekly() { return weekly; }
    public StringProperty filterProperty() { return filter; }
    public ReadOnlyBooleanProperty scanningProperty() { return scanning.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty countProperty() { return count.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FleetReport> reportProperty() { return report.getReadOnlyProperty(); }
}
