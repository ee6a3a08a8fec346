package dev.gatehouse.ui.draft;

import dev.gatehouse.ui.common.form.DraftEditorViewModel;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.Subscription;
import dev.gatehouse.cluster.write.Backup;
import dev.gatehouse.cluster.write.BackupStore;
import dev.gatehouse.cluster.write.ObjectYaml;
import dev.gatehouse.cluster.write.SafeWriter;
import dev.gatehouse.cluster.write.WriteResult;
import dev.gatehouse.cluster.write.YamlDiff;
import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftKind;
import dev.gatehouse.drafts.DraftState;
import dev.gatehouse.drafts.DraftStore;
import dev.gatehouse.drafts.DraftTemplate;
import dev.gatehouse.drafts.DraftYaml;
import dev.gatehouse.drafts.LiveObjects;
import dev.gatehouse.app.Latest;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.session.DraftChecks;
import dev.gatehouse.session.RoutingService;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.ui.common.DraftDesk;
import dev.gatehouse.ui.common.FxBackground;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Drafts screen: the saved drafts with their state against the cluster, the open draft's
 * editor, its diagnostics (draft layered over the session's routing snapshot) and diff, and the safe
 * apply: dry run, write conditioned on the base resourceVersion, conflict with a three-way view and
 * rebase, undo. Each draft is checked again only when it, its live object or the snapshot changed
 * ({@link DraftStatuses}); an older check never replaces a newer one.
 */
public final class DraftsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DraftsViewModel.class);

    /** The three texts of a conflict: what the draft started from, what is live now, the draft. */
    public record Conflict(String base, String live, String draft, String message, HasMetadata liveObject) {
    }

    private final DraftStore store;
    private final BackupStore backups;
    private final Executor worker;
    private final Clock clock;
    private final ReadOnlyObjectProperty<ClusterSession> session;
    private final ReadOnlyObjectProperty<SessionSnapshot> snapshots;
    private final ReadOnlyObjectProperty<RoutingService> routing;
    private final DraftStatuses statuses;
    private final Latest<Draft, String> diffs;
    private final ObservableList<DraftItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<DraftItem> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<DraftEditorViewModel> editor = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final StringProperty diff = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Conflict> conflict = new SimpleObjectProperty<>();
    private final ObjectProperty<Backup> lastApply = new SimpleObjectProperty<>();
    private Subscription cacheSubscription;

    /**
     * @param session   the connection's session (its client writes; its Ingress cache gives the live objects)
     * @param snapshots the session's routing snapshots on the FX thread
     * @param routing   the session's routing service (drafts are overlays on its snapshot)
     * @param worker    runs checks, diffs and file I/O
     * @param clock     stamps drafts and backups
     */
    public DraftsViewModel(DraftStore store, BackupStore backups, ReadOnlyObjectProperty<ClusterSession> session,
                           ReadOnlyObjectProperty<SessionSnapshot> snapshots, ReadOnlyObjectProperty<RoutingService> routing,
                           Executor worker, Clock clock) {
        this(store, backups, session, snapshots, routing, worker, clock, new DraftChecks());
    }

    /** The same, with the checker given (tests count and order its calls). */
    public DraftsViewModel(DraftStore store, BackupStore backups, ReadOnlyObjectProperty<ClusterSession> session,
                           ReadOnlyObjectProperty<SessionSnapshot> snapshots, ReadOnlyObjectProperty<RoutingService> routing,
                           Executor worker, Clock clock, DraftChecks checks) {
        this.store = store;
        this.backups = backups;
        this.session = session;
        this.snapshots = snapshots;
        this.routing = routing;
        this.worker = worker;
        this.clock = clock;
        this.statuses = new DraftStatuses(checks, worker, this::checked);
        this.diffs = Latest.immediate(this::diffOf, worker, FxBackground::onFx, text -> diff.set(text));
        snapshots.addListener((o, a, snap) -> analyse());
        selected.addListener((o, a, item) -> {
            if (!silent) {
                open(item);
            }
        });
        session.addListener((o, a, s) -> watch(s));
        watch(session.get());
        worker.execute(() -> {
            List<Draft> all = store.list();
            FxBackground.onFx(() -> {
                items.setAll(all.stream().map(d -> new DraftItem(d, d.isNew() ? DraftState.NEW : DraftState.MODIFIED)).toList());
                analyse();
            });
        });
    }

    private void watch(ClusterSession s) {
        if (cacheSubscription != null) {
            cacheSubscription.cancel();
            cacheSubscription = null;
        }
        if (s != null) {
            cacheSubscription = LiveObjects.onChange(s, () -> FxBackground.onFx(this::analyse));
        }
        analyse();
    }

    private void open(DraftItem item) {
        conflict.set(null);
        message.set("");
        if (item == null) {
            diffs.cancel();
            editor.set(null);
            diff.set("");
            diagnostics.clear();
            return;
        }
        DraftEditorViewModel e = new DraftEditorViewModel(item.draft(), this::save, clock);
        e.draftProperty().addListener((o, a, d) -> edited(d));
        editor.set(e);
        diagnostics.setAll(statuses.last(item.draft().id()).map(DraftChecks.Check::diagnostics).orElse(List.of()));
        analyse();
    }

    void save(Draft d) {
        worker.execute(() -> {
            try {
                store.save(d);
            } catch (IOException ex) {
                LOG.warn("Could not save draft {}", d.id(), ex);
                FxBackground.onFx(() -> message.set("The draft could not be saved: " + ex.getMessage()));
            }
        });
    }

    /** Checks every draft whose inputs changed (the others keep their state), and the open draft's diff. */
    private void analyse() {
        for (DraftItem item : items) {
            check(openDraftOr(item.draft()));
        }
        DraftEditorViewModel e = editor.get();
        if (e != null) {
            diffs.submit(e.draftProperty().get());
        }
    }

    /** The open draft was edited: check it, and only it, again. */
    private void edited(Draft d) {
        check(d);
        diffs.submit(d);
    }

    void check(Draft d) {
        statuses.check(d, live(d), snapshots.get(), routing.get());
    }

    /** The live object of the draft's kind and name, from the session's caches. */
    private Optional<HasMetadata> live(Draft d) {
        return live(d.kind(), d.namespace(), d.name());
    }

    Optional<HasMetadata> live(DraftKind kind, String namespace, String name) {
        return LiveObjects.find(session.get(), kind, namespace, name);
    }

    /**
     * These drafts for other screens ({@link DraftDesk}).
     *
     * @param showDrafts brings the Drafts screen up
     * @param startApply starts the Drafts screen's apply of the open draft (dry run, diff, confirm)
     */
    public DraftDesk desk(Runnable showDrafts, Runnable startApply) {
        return new DraftsDesk(this, clock, worker, showDrafts, startApply);
    }

    /** A newer check of one draft arrived: its list entry, and the diagnostics when it is the open draft. */
    private void checked(DraftStatuses.Update u) {
        DraftItem keep = selected.get();
        DraftItem now = new DraftItem(u.draft(), u.check().state(), u.check().problems());
        for (int i = 0; i < items.size(); i++) {
            Draft listed = items.get(i).draft();
            if (listed.id().equals(u.draft().id()) && !items.get(i).equals(now)) {
                if (!DraftStatuses.sameVersion(listed, u.draft()) && !DraftStatuses.sameVersion(openDraftOr(listed), u.draft())) {
                    // a check of a version replaced since (Apply all marked it applied meanwhile, say): the newer
                    // version's check is on its way; this one must not put the old version back in the list
                    return;
                }
                boolean wasSelected = items.get(i) == keep;
                items.set(i, now);
                if (wasSelected) {
                    selectedSilently(now);
                }
            }
        }
        DraftEditorViewModel e = editor.get();
        if (e != null && e.draftProperty().get().id().equals(u.draft().id())) {
            diagnostics.setAll(u.check().diagnostics());
        }
    }

    /** The open draft's diff live → draft (off the FX thread). */
    private String diffOf(Draft d) {
        Optional<HasMetadata> live = live(d);
        return DraftChecks.parseObject(d.yaml()).map(m -> YamlDiff.render(YamlDiff.diff(live.map(ObjectYaml::forDiff).orElse(""),
                ObjectYaml.forDiff(m)))).filter(t -> !t.isBlank()).orElse("");
    }

    private boolean silent;

    private void selectedSilently(DraftItem item) {
        silent = true;
        try {
            // Keep the editor open; only the list entry (state badge) changed.
            DraftEditorViewModel e = editor.get();
            selected.set(item);
            editor.set(e);
        } finally {
            silent = false;
        }
    }

    private Draft openDraftOr(Draft d) {
        DraftEditorViewModel e = editor.get();
        return e != null && e.draftProperty().get().id().equals(d.id()) ? e.draftProperty().get() : d;
    }

    /** A new draft from a template. */
    public void create(DraftTemplate template, String namespace, String name, String host, String service) {
        create(template, namespace, name, host, service, "default", "main");
    }

    /** A new draft from a template; Gateway API templates name a parent Gateway (or the Gateways' namespace). */
    public void create(DraftTemplate template, String namespace, String name, String host, String service,
                       String gatewayNamespace, String gatewayName) {
        String text = template.render(namespace, name, host, service, gatewayNamespace, gatewayName);
        Instant now = clock.instant();
        add(new Draft(DraftStore.newId(now), namespace, name, text, Optional.empty(), Optional.empty(), now,
                Optional.empty(), template.kind()));
    }

    /** Opens a live Ingress or Gateway API object as a draft (or the existing draft of it). */
    public void openAsDraft(HasMetadata live) {
        String ns = live.getMetadata().getNamespace();
        String name = live.getMetadata().getName();
        DraftKind kind = DraftKind.of(live).orElseThrow(() -> new IllegalArgumentException(
                live.getKind() + " cannot be held by a draft"));
        for (DraftItem i : items) {
            if (i.draft().kind() == kind && i.draft().namespace().equals(ns) && i.draft().name().equals(name)
                    && !i.draft().isNew()) {
                selected.set(i);
                return;
            }
        }
        String yaml = DraftYaml.toYaml(live);
        Instant now = clock.instant();
        add(new Draft(DraftStore.newId(now), ns, name, yaml, Optional.of(yaml),
                Optional.of(live.getMetadata().getResourceVersion()), now, Optional.empty(), kind));
    }

    private void add(Draft d) {
        save(d);
        DraftItem item = new DraftItem(d, d.isNew() ? DraftState.NEW : DraftState.UNCHANGED);
        items.add(0, item);
        selected.set(item);
    }

    /** Deletes the selected draft from disk (the cluster is not touched). */
    public void discardSelected() {
        DraftItem item = selected.get();
        if (item == null) {
            return;
        }
        selected.set(null);
        items.remove(item);
        statuses.forget(item.draft().id());
        worker.execute(() -> {
            try {
                store.delete(item.draft().id());
            } catch (IOException e) {
                FxBackground.onFx(() -> message.set("The draft could not be deleted: " + e.getMessage()));
            }
        });
        message.set("Discarded the draft of " + item.draft().displayName());
    }

    /** Step 1 of apply: what will change (diff) and whether the server accepts it (dry run). */
    public CompletableFuture<WriteResult> dryRun() {
        DraftEditorViewModel e = editor.get();
        Optional<SafeWriter> w = writer();
        if (e == null || e.object().isEmpty() || w.isEmpty()) {
            return CompletableFuture.completedFuture(new WriteResult.Rejected(0, e == null ? "No draft is open"
                    : e.object().isEmpty() ? "The draft's YAML is not valid: " + e.parseProblemProperty().get()
                    : "Not connected to a cluster"));
        }
        HasMetadata ing = e.object().get();
        Optional<String> base = e.draftProperty().get().baseResourceVersion();
        return CompletableFuture.supplyAsync(() -> w.get().dryRun(ing, base), worker);
    }

    /** Step 2 of apply: back up live, write conditioned on the base resourceVersion. */
    public CompletableFuture<WriteResult> apply() {
        DraftEditorViewModel e = editor.get();
        Optional<SafeWriter> w = writer();
        if (e == null || e.object().isEmpty() || w.isEmpty()) {
            return dryRun();
        }
        Draft d = e.draftProperty().get();
        HasMetadata ing = e.object().get();
        return CompletableFuture.supplyAsync(() -> w.get().apply(ing, d.baseResourceVersion(), "apply draft " + d.displayName()),
                worker).thenApply(r -> {
                    FxBackground.onFx(() -> afterApply(d, r));
                    return r;
                });
    }

    private void afterApply(Draft d, WriteResult r) {
        message.set(r.message() + (r instanceof WriteResult.Written && !d.note().isEmpty() ? ". " + d.note() : ""));
        if (r instanceof WriteResult.Written written && written.result() != null
                && DraftKind.of(written.result()).isPresent()) {
            HasMetadata result = written.result();
            lastApply.set(written.backup());
            String liveYaml = DraftYaml.toYaml(result);
            Instant now = clock.instant();
            editor.get().replace(d.appliedAs(liveYaml, result.getMetadata().getResourceVersion(), now)
                    .withYaml(liveYaml, d.namespace(), d.name(), now));
            conflict.set(null);
        } else if (r instanceof WriteResult.Conflict c) {
            String live = c.live().map(ObjectYaml::forDiff).orElse("(deleted)");
            conflict.set(new Conflict(d.baseYaml().orElse("(new " + d.kind().kind() + ")"), live, d.yaml(), c.message(),
                    c.live().filter(o -> DraftKind.of(o).isPresent()).orElse(null)));
        }
        analyse();
    }

    /** After a conflict: live becomes the draft's base; the draft's text is kept and reviewed again. */
    public void rebaseOntoLive() {
        Conflict c = conflict.get();
        DraftEditorViewModel e = editor.get();
        if (c == null || e == null || c.liveObject() == null) {
            return;
        }
        Draft d = e.draftProperty().get();
        e.replace(d.rebasedOnto(DraftYaml.toYaml(c.liveObject()), c.liveObject().getMetadata().getResourceVersion(),
                d.yaml(), clock.instant()));
        conflict.set(null);
        message.set("Rebased onto the live object: review the comparison, then apply again");
        analyse();
    }

    /** Undo the last apply: restore the object exactly as it was before. */
    public CompletableFuture<WriteResult> undoLastApply() {
        Backup b = lastApply.get();
        Optional<SafeWriter> w = writer();
        if (b == null || w.isEmpty()) {
            return CompletableFuture.completedFuture(new WriteResult.Rejected(0, "Nothing to undo"));
        }
        return CompletableFuture.supplyAsync(() -> w.get().restore(b), worker).thenApply(r -> {
            FxBackground.onFx(() -> {
                message.set(r.message());
                if (r instanceof WriteResult.Written) {
                    lastApply.set(null);
                }
                analyse();
            });
            return r;
        });
    }

    Optional<SafeWriter> writer() {
        ClusterSession s = session.get();
        return s == null ? Optional.empty() : s.client().map(c -> new SafeWriter(c, backups, clock));
    }

    public ObservableList<DraftItem> items() { return items; }
    public ObjectProperty<DraftItem> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<DraftEditorViewModel> editorProperty() { return editor.getReadOnlyProperty(); }
    public ObservableList<Diagnostic> diagnostics() { return diagnostics; }
    public StringProperty diffProperty() { return diff; }
    public StringProperty messageProperty() { return message; }
    public ObjectProperty<Conflict> conflictProperty() { return conflict; }
    public ObjectProperty<Backup> lastApplyProperty() { return lastApply; }
}
