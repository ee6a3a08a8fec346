package dev.gatehouse.ui.draft;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.Subscription;
import dev.gatehouse.cluster.write.Backup;
import dev.gatehouse.cluster.write.BackupStore;
import dev.gatehouse.cluster.write.ObjectYaml;
import dev.gatehouse.cluster.write.SafeWriter;
import dev.gatehouse.cluster.write.WriteResult;
import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftState;
import dev.gatehouse.drafts.DraftStore;
import dev.gatehouse.drafts.DraftTemplate;
import dev.gatehouse.drafts.DraftYaml;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.ui.common.FxBackground;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Drafts screen: the saved drafts with their state against the cluster, the open draft's
 * editor, its diagnostics (draft layered over live) and diff, and the safe apply: dry run, write
 * conditioned on the base resourceVersion, conflict with a three-way view and rebase, undo.
 */
public final class DraftsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DraftsViewModel.class);

    /** The three texts of a conflict: what the draft started from, what is live now, the draft. */
    public record Conflict(String base, String live, String draft, String message, Ingress liveObject) {
    }

    private final DraftStore store;
    private final BackupStore backups;
    private final Executor worker;
    private final Clock clock;
    private final ReadOnlyObjectProperty<ClusterSession> session;
    private final ObservableList<DraftItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<DraftItem> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<DraftEditorViewModel> editor = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final StringProperty diff = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Conflict> conflict = new SimpleObjectProperty<>();
    private final ObjectProperty<Backup> lastApply = new SimpleObjectProperty<>();
    private final PauseTransition analyse = new PauseTransition(Duration.millis(300));
    private Subscription cacheSubscription;

    /** @param clock "now" for the drafts' times, their diagnostics and the backups taken on apply */
    public DraftsViewModel(DraftStore store, BackupStore backups, ReadOnlyObjectProperty<ClusterSession> session,
                           Executor worker, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.backups = backups;
        this.session = session;
        this.worker = worker;
        analyse.setOnFinished(e -> analyseNow());
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
                analyse.playFromStart();
            });
        });
    }

    private void watch(ClusterSession s) {
        if (cacheSubscription != null) {
            cacheSubscription.cancel();
            cacheSubscription = null;
        }
        if (s != null) {
            cacheSubscription = s.ingresses().onChange(() -> FxBackground.onFx(analyse::playFromStart));
        }
        analyse.playFromStart();
    }

    private void open(DraftItem item) {
        conflict.set(null);
        message.set("");
        if (item == null) {
            editor.set(null);
            return;
        }
        DraftEditorViewModel e = new DraftEditorViewModel(item.draft(), this::save, clock);
        e.draftProperty().addListener((o, a, d) -> analyse.playFromStart());
        editor.set(e);
        analyse.playFromStart();
    }

    private void save(Draft d) {
        worker.execute(() -> {
            try {
                store.save(d);
            } catch (IOException ex) {
                LOG.warn("Could not save draft {}", d.id(), ex);
                FxBackground.onFx(() -> message.set("The draft could not be saved: " + ex.getMessage()));
            }
        });
    }

    /** Recomputes every draft's state and the open draft's diff and diagnostics, off the FX thread. */
    private void analyseNow() {
        ClusterSession s = session.get();
        List<Draft> drafts = items.stream().map(i -> openDraftOr(i.draft())).toList();
        Draft current = editor.get() == null ? null : editor.get().draftProperty().get();
        worker.execute(() -> {
            TrustAnchors a = TrustAnchors.jdkDefaults();
            List<DraftItem> states = drafts.stream().map(d -> new DraftItem(d, DraftAnalysis.of(d, s, a, clock).state())).toList();
            DraftAnalysis mine = current == null ? null : DraftAnalysis.of(current, s, a, clock);
            FxBackground.onFx(() -> {
                DraftItem keep = selected.get();
                for (DraftItem updated : states) {
                    for (int i = 0; i < items.size(); i++) {
                        if (items.get(i).draft().id().equals(updated.draft().id()) && !items.get(i).equals(updated)) {
                            boolean wasSelected = items.get(i) == keep;
                            items.set(i, updated);
                            if (wasSelected) {
                                selectedSilently(updated);
                            }
                        }
                    }
                }
                if (mine != null) {
                    diff.set(mine.diff().isBlank() ? "" : mine.diff());
                    diagnostics.setAll(mine.diagnostics());
                } else {
                    diff.set("");
                    diagnostics.clear();
                }
            });
        });
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
        String text = template.render(namespace, name, host, service);
        Instant now = clock.instant();
        add(new Draft(DraftStore.newId(now), namespace, name, text, Optional.empty(), Optional.empty(), now,
                Optional.empty()));
    }

    /** Opens a live Ingress as a draft (or the existing draft of it). */
    public void openAsDraft(Ingress live) {
        String ns = live.getMetadata().getNamespace();
        String name = live.getMetadata().getName();
        for (DraftItem i : items) {
            if (i.draft().namespace().equals(ns) && i.draft().name().equals(name) && !i.draft().isNew()) {
                selected.set(i);
                return;
            }
        }
        String yaml = DraftYaml.toYaml(live);
        Instant now = clock.instant();
        add(new Draft(DraftStore.newId(now), ns, name, yaml, Optional.of(yaml),
                Optional.of(live.getMetadata().getResourceVersion()), now, Optional.empty()));
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
        if (e == null || e.ingress().isEmpty() || w.isEmpty()) {
            return CompletableFuture.completedFuture(new WriteResult.Rejected(0, e == null ? "No draft is open"
                    : e.ingress().isEmpty() ? "The draft's YAML is not valid: " + e.parseProblemProperty().get()
                    : "Not connected to a cluster"));
        }
        Ingress ing = e.ingress().get();
        Optional<String> base = e.draftProperty().get().baseResourceVersion();
        return CompletableFuture.supplyAsync(() -> w.get().dryRun(ing, base), worker);
    }

    /** Step 2 of apply: back up live, write conditioned on the base resourceVersion. */
    public CompletableFuture<WriteResult> apply() {
        DraftEditorViewModel e = editor.get();
        Optional<SafeWriter> w = writer();
        if (e == null || e.ingress().isEmpty() || w.isEmpty()) {
            return dryRun();
        }
        Draft d = e.draftProperty().get();
        Ingress ing = e.ingress().get();
        return CompletableFuture.supplyAsync(() -> w.get().apply(ing, d.baseResourceVersion(), "apply draft " + d.displayName()),
                worker).thenApply(r -> {
                    FxBackground.onFx(() -> afterApply(d, r));
                    return r;
                });
    }

    private void afterApply(Draft d, WriteResult r) {
        message.set(r.message());
        if (r instanceof WriteResult.Written written && written.result() instanceof Ingress result) {
            lastApply.set(written.backup());
            String liveYaml = DraftYaml.toYaml(result);
            Instant now = clock.instant();
            editor.get().replace(d.appliedAs(liveYaml, result.getMetadata().getResourceVersion(), now)
                    .withYaml(liveYaml, d.namespace(), d.name(), now));
            conflict.set(null);
        } else if (r instanceof WriteResult.Conflict c) {
            String live = c.live().map(ObjectYaml::forDiff).orElse("(deleted)");
            conflict.set(new Conflict(d.baseYaml().orElse("(new Ingress)"), live, d.yaml(), c.message(),
                    c.live().filter(Ingress.class::isInstance).map(Ingress.class::cast).orElse(null)));
        }
        analyse.playFromStart();
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
        analyse.playFromStart();
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
                analyse.playFromStart();
            });
            return r;
        });
    }

    private Optional<SafeWriter> writer() {
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
