package dev.gatehouse.ui.certs;

import dev.gatehouse.cluster.CacheStatus;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.SecretSummary;
import dev.gatehouse.cluster.Subscription;
import dev.gatehouse.cluster.write.Backup;
import dev.gatehouse.cluster.write.WriteResult;
import dev.gatehouse.app.Latest;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.session.RoutingService;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.tls.MaterialAnalyzer;
import dev.gatehouse.tls.MaterialFiles;
import dev.gatehouse.tls.PasswordSource;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.LiveList;
import dev.gatehouse.ui.common.SelectionKeeper;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Certificates screen: every TLS Secret of the session (and every Secret an Ingress names for TLS,
 * even missing ones), live; the certificate of each parsed off the FX thread with the roots the session's
 * routing service trusts (checked again when they change: a CA added with "Trust a CA certificate…"); who
 * uses it and the diagnostics about it, recombined (debounced) when Ingresses or the routing snapshot
 * change. Imports, renewals and restores are child view models; every write can be undone from here.
 */
public final class CertificatesViewModel implements AutoCloseable {
    private static final Duration DEBOUNCE = Duration.ofMillis(150);

    private final ObservableList<CertificateRow> all = FXCollections.observableArrayList();
    private final FilteredList<CertificateRow> filtered = new FilteredList<>(all, r -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<CertificateRow> selected = new SimpleObjectProperty<>();
    private final RenewalViewModel renewal;
    private String pendingReveal;
    private final ReadOnlyObjectWrapper<WriteResult.Written> lastWrite = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ClusterSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectProperty<RoutingService> routing;
    private final ReadOnlyObjectProperty<SessionSnapshot> snapshots;
    private final CertificateServices services;
    private final FxBackground background;
    private final Executor worker;
    private final Latest<Boolean, Boolean> recombine;
    private Analyzers analyzers;
    private final RowMerger merger = new RowMerger();
    private LiveList<SecretSummary, SecretCertificate> secrets;
    private Subscription ingressSubscription;
    private final SelectionKeeper<CertificateRow> selection = new SelectionKeeper<>(selected, CertificateRow::key);

    /**
     * @param sessionSource the connection's session
     * @param routing       its routing service (whose trust anchors judge the chains)
     * @param snapshots     its routing snapshots on the FX thread (the diagnostics shown per row)
     */
    public CertificatesViewModel(ReadOnlyObjectProperty<ClusterSession> sessionSource,
                                 ReadOnlyObjectProperty<RoutingService> routing,
                                 ReadOnlyObjectProperty<SessionSnapshot> snapshots,
                                 CertificateServices services, FxBackground background) {
        this.routing = routing;
        this.snapshots = snapshots;
        this.services = services;
        this.background = background;
        this.worker = background::execute;
        // Recombining reads the FX-thread lists, so it runs on the FX thread; it is cheap (nothing is parsed).
        this.recombine = background.fxRecompute(DEBOUNCE, this::recombine);
        filter.addListener((o, a, f) -> filtered.setPredicate(r -> r.matches(f)));
        count.bind(Bindings.createStringBinding(() -> countText(filtered.size(), all.size()), filtered, all));
        snapshots.addListener((o, a, snap) -> {
            if (snap != null && analyzers != null && analyzers.retrust(snap.anchors())) {
                secrets.rebuild(); // the trusted roots changed: judge every chain again
            }
            schedule();
        });
        this.renewal = new RenewalViewModel(services.clock(), background);
        selected.addListener((o, a, row) -> renewal.select(row, session.get()));
        sessionSource.addListener((o, a, s) -> use(s));
        use(sessionSource.get());
    }

    private void use(ClusterSession s) {
        if (secrets != null) {
            secrets.close();
            secrets = null;
        }
        if (ingressSubscription != null) {
            ingressSubscription.cancel();
            ingressSubscription = null;
        }
        all.clear();
        analyzers = null;
        selection.clear();
        session.set(s);
        problem.set("");
        placeholder.set("Not connected: choose a context, or open the demo cluster");
        if (s == null) {
            return;
        }
        Analyzers mine = analyzers = new Analyzers(services.clock(), this::anchors);
        secrets = new LiveList<>(s.secrets(), x -> x.namespace() + "/" + x.name(),
                x -> SecretCertificate.of(x, mine.get()), worker);
        secrets.rows().addListener((Observable o) -> schedule());
        secrets.statusProperty().addListener((o, a, st) -> showStatus(st));
        showStatus(secrets.statusProperty().get());
        ingressSubscription = s.ingresses().onChange(this::schedule);
        schedule();
    }

    private void schedule() {
        recombine.submit(Boolean.TRUE);
    }

    /** The roots trusted on the connection now (called on a worker: may read files). */
    private TrustAnchors anchors() {
        RoutingService r = routing.get();
        return r != null ? r.anchors() : services.trust().anchors();
    }

    /** Rebuilds the rows from the parsed Secrets, the Ingresses and the diagnostics (cheap: nothing is parsed). */
    private void recombine() {
        ClusterSession s = session.get();
        if (s == null || secrets == null) {
            return;
        }
        Map<String, List<IngressUse>> uses = IngressUse.index(s.ingresses().list());
        boolean secretsKnown = s.secrets().status() instanceof CacheStatus.Ready;
        SessionSnapshot snap = snapshots.get();
        DiagnosticReport report = snap == null ? new DiagnosticReport(List.of()) : snap.report();
        Map<String, List<GatewayUse>> listeners = snap == null ? Map.of() : GatewayUse.index(snap.routing().gateways());
        List<CertificateRow> rows = RowMerger.rows(secrets.rows(), uses, listeners, report, secretsKnown);
        merger.merge(all, rows);
        selection.reselect(this::row);
        revealPending();
    }

    /**
     * Shows the Secret {@code namespace/name} (filter set to its name) and selects it as soon as its row exists —
     * at once, or once the session's caches have it (another screen asked, e.g. Fleet after switching context).
     */
    public void reveal(String key) {
        pendingReveal = key;
        filter.set(key.substring(key.indexOf('/') + 1));
        revealPending();
    }

    private void revealPending() {
        if (pendingReveal != null) {
            Optional<CertificateRow> r = row(pendingReveal);
            if (r.isPresent()) {
                pendingReveal = null;
                selected.set(r.get());
            }
        }
    }

    /** The current row of the Secret {@code namespace/name}. */
    private Optional<CertificateRow> row(String key) {
        return all.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    private void showStatus(CacheStatus st) {
        problem.set(st instanceof CacheStatus.Forbidden f ? capitalise(f.message())
                + ": certificates cannot be shown, only Secrets that Ingresses name"
                : st instanceof CacheStatus.Failed f ? "Secrets could not be listed: " + f.message() : "");
        placeholder.set(st instanceof CacheStatus.Syncing ? "Loading Secrets…"
                : st instanceof CacheStatus.Ready ? "No TLS Secrets in this namespace scope: drop certificate files here"
                + " to create one" : "Secrets unavailable");
    }

    // --- commands

    /** Imports dropped or chosen files into {@code target} ({@code namespace/name}) or a Secret named in the dialog. */
    public ImportViewModel importFiles(List<Path> files, Optional<String> target) {
        String key = target.orElse(selection.key());
        Optional<CertificateRow> row = key == null ? Optional.empty() : row(key);
        // A Secret named by an Ingress may not exist yet: target it by its namespace/name anyway.
        String[] named = key != null && key.contains("/") ? key.split("/", 2) : null;
        ImportViewModel vm = new ImportViewModel(services, session.get(), this::anchors, background, this::written,
                this::hostsOf, row.map(CertificateRow::namespace).orElse(named != null ? named[0] : defaultNamespace()),
                row.map(CertificateRow::name).orElse(named != null ? named[1] : ""));
        vm.read(files);
        return vm;
    }

    /** Renews the selected Secret's certificate. */
    public Optional<RenewViewModel> renewSelected() {
        CertificateRow row = selected.get();
        if (row == null || row.missing()) {
            return Optional.empty();
        }
        return Optional.of(new RenewViewModel(services, session.get(), background, this::written, row));
    }

    public BackupsViewModel backups() {
        return new BackupsViewModel(services, session.get(), background, this::written);
    }

    /** Puts back what the last write changed. */
    public void undo() {
        WriteResult.Written last = lastWrite.get();
        ClusterSession s = session.get();
        if (last == null || s == null) {
            return;
        }
        Backup backup = last.backup();
        background.run(new WriteTask("Undoing…", () -> services.writer(s).orElseThrow(() ->
                new IllegalStateException("Not connected")).safeWriter().restore(backup), result -> {
                    lastWrite.set(null);
                    message.set(result.message());
                }));
    }

    /**
     * "Trust a CA certificate…": trusts the CA certificates in a file from now on (the trust policy, kept in
     * {@code trusted-cas.pem}). Every screen and the proxy's judgements follow at once: the routing service
     * recomputes, and this screen checks every chain again.
     */
    public void trustCas(Path file) {
        Jobs.run(background, "Adding trusted CAs…", () -> {
            var read = MaterialFiles.file(file, file.getFileName().toString(), PasswordSource.none());
            List<X509Certificate> cas = read.chain().stream()
                    .filter(c -> c.getBasicConstraints() >= 0).toList();
            if (cas.isEmpty()) {
                return file.getFileName() + " holds no CA certificate" + read.problems().stream().findFirst()
                        .map(p -> " (" + p.message() + ")").orElse("");
            }
            int added = services.trust().add(cas);
            return added == 0 ? "These CAs were already trusted" : "Gatehouse now trusts " + added + " more CA"
                    + (added == 1 ? "" : "s") + " (" + services.trust().file() + "); every certificate is checked again";
        }, message::set, failure -> message.set("No CA was added: " + failure));
    }

    public CertificateExport export() {
        return new CertificateExport(services, background, message::set);
    }

    private void written(WriteResult.Written w) {
        lastWrite.set(w);
        message.set(w.message() + " (backup taken; Undo puts it back)");
    }

    /** What dropping {@code files} files will do, shown while a drag hovers (onto a row: that Secret). */
    public static String dropHint(int files, Optional<String> targetRow) {
        String what = files == 1 ? "this file" : "these " + files + " files";
        return targetRow.map(row -> "Drop to import " + what + " into Secret " + row + ": Gatehouse sorts out"
                        + " certificate, chain and key and shows what changes before writing")
                .orElse("Drop to import " + what + ": Gatehouse sorts out certificate, chain and key, then asks which"
                        + " Secret to write");
    }

    /** The TLS hosts of the Ingresses that use a Secret. */
    List<String> hostsOf(String namespace, String name) {
        return all.stream().filter(r -> r.namespace().equals(namespace) && r.name().equals(name)).findFirst()
                .map(CertificateRow::hosts).orElse(List.of());
    }

    private String defaultNamespace() {
        ClusterSession s = session.get();
        return s == null ? "default" : s.scope().namespace().orElse("default");
    }

    static String countText(int shown, int total) {
        String noun = total == 1 ? "certificate" : "certificates";
        return shown == total ? total + " " + noun : shown + " of " + total + " " + noun;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "now" for validity shown in the detail. */
    public Clock clock() { return services.clock(); }
    public ObservableList<CertificateRow> rows() { return filtered; }
    public ObservableList<CertificateRow> allRows() { return all; }
    public StringProperty filterProperty() { return filter; }
    public ReadOnlyStringProperty countProperty() { return count.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty placeholderProperty() { return placeholder.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ObjectProperty<CertificateRow> selectedProperty() { return selected; }
    /** cert-manager's renewal chain of the selected Secret. */
    public RenewalViewModel renewal() { return renewal; }
    public ReadOnlyObjectProperty<WriteResult.Written> lastWriteProperty() { return lastWrite.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ClusterSession> sessionProperty() { return session.getReadOnlyProperty(); }

    @Override
    public void close() {
        use(null);
        recombine.close();
        renewal.close();
    }

    /**
     * One analyzer per session and set of trusted roots, made on first use on a worker (reading the roots may be
     * I/O) and replaced when the routing snapshot brings other roots.
     */
    private static final class Analyzers {
        private final Clock clock;
        private final Supplier<TrustAnchors> initial;
        private MaterialAnalyzer analyzer;
        private TrustAnchors anchors;

        Analyzers(Clock clock, Supplier<TrustAnchors> initial) {
            this.clock = clock;
            this.initial = initial;
        }

        synchronized MaterialAnalyzer get() {
            if (analyzer == null) {
                anchors = initial.get();
                analyzer = new MaterialAnalyzer(clock, anchors);
            }
            return analyzer;
        }

        /** Uses {@code next} from now on; true when they differ from the roots used so far. */
        synchronized boolean retrust(TrustAnchors next) {
            if (analyzer == null || next.equals(anchors)) {
                return false;
            }
            anchors = next;
            analyzer = new MaterialAnalyzer(clock, next);
            return true;
        }
    }
}
