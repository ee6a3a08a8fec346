package dev.gatehouse.ui.migrate;

import dev.gatehouse.migrate.ConversionNote;
import dev.gatehouse.migrate.Difference;
import dev.gatehouse.migrate.GatewayTarget;
import dev.gatehouse.migrate.MigrationRequest;
import dev.gatehouse.migrate.MigrationResult;
import dev.gatehouse.migrate.Migrator;
import dev.gatehouse.migrate.NginxProvider;
import dev.gatehouse.migrate.Observed;
import dev.gatehouse.migrate.Selection;
import dev.gatehouse.routing.TraceStep;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.session.RoutingService;
import dev.gatehouse.ui.common.DraftDesk;
import dev.gatehouse.ui.common.FxBackground;
import java.time.Clock;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.util.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The Migrate screen's state: which Ingresses (names, a namespace, a class — empty = every Ingress ingress-nginx
 * serves), which Gateway (new name or an existing one), and the result of the last migration: YAML, notes
 * annotation by annotation, and the behavioural diff. The migration runs as a background {@link Task}.
 */
public final class MigrateViewModel {
    private final ReadOnlyObjectProperty<RoutingService> routing;
    private final FxBackground background;
    private final MigrateServing serving;
    private final StringProperty ingresses = new SimpleStringProperty("");
    private final StringProperty namespace = new SimpleStringProperty("");
    private final StringProperty ingressClass = new SimpleStringProperty("");
    private final StringProperty gateway = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Pick Ingresses and press Migrate.");
    private final ReadOnlyStringWrapper yaml = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MigrationResult> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ConversionNote> notes = FXCollections.observableArrayList();
    private final ObservableList<Difference> differences = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffFrom = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(false);
    private final MigrateDrafts drafts;
    private final PauseTransition settle = new PauseTransition(Duration.millis(300));
    private final PauseTransition editSettle = new PauseTransition(Duration.millis(300));
    private final MigrateEdits edits;
    private final MigrateApplyAll applyAll;
    private final ReadOnlyStringWrapper editProblem = new ReadOnlyStringWrapper("");
    private Task<MigrationResult> rerunning;
    private MigrationResult generated;

    /**
     * @param routing the session's routing service (the migration reads its view)
     * @param background runs the background tasks (the status bar shows them); Serve both's proxies close with it
     * @param desk    the session's drafts (the Drafts screen's), where the generated objects are kept
     * @param clock   times the draft versions shown
     */
    public MigrateViewModel(ReadOnlyObjectProperty<RoutingService> routing,
                            FxBackground background, DraftDesk desk, Clock clock) {
        this.routing = routing;
        this.background = background;
        this.serving = new MigrateServing(background);
        background.closeWithApp(serving);
        this.drafts = new MigrateDrafts(desk, clock);
        this.edits = new MigrateEdits(clock, this::typed);
        this.applyAll = new MigrateApplyAll(drafts, this::saveAsDrafts, diffFrom::set);
        editSettle.setOnFinished(e -> edited());
        settle.setOnFinished(e -> {
            if (drafts.changedSinceCompared()) {
                rerun();
            }
        });
        desk.onChange(() -> {
            if (generated != null) {
                drafts.refresh();
                drafts.changedDrafts(edits.normalised()).forEach(edits::load);
                if (drafts.changedSinceCompared()) {
                    diffFrom.set("The drafts changed: re-running the diff …");
                    settle.playFromStart();
                }
            }
        });
    }

    /** Converts and compares in the background; the result (or a plain message) arrives on the FX thread. */
    public Task<MigrationResult> migrate() {
        RoutingService service = routing.get();
        if (service == null) {
            status.set("Connect to a cluster first: the migration reads the live session.");
            return null;
        }
        MigrationRequest request = request();
        Task<MigrationResult> task = new Task<>() {
            @Override
            protected MigrationResult call() throws NginxProvider.NothingToConvert {
                return new Migrator(service.profile(), service.clock(), service.anchors())
                        .migrate(service.view(), request);
            }
        };
        status.set("Migrating " + request.selection().describe() + " …");
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> status.set(task.getException() instanceof NginxProvider.NothingToConvert n
                ? n.getMessage() : "Migration failed: " + task.getException().getMessage()));
        return background.run(task);
    }

    void show(MigrationResult r) {
        serving.stop(); // what it served was the previous migration
        generated = r;
        drafts.reset(r);
        edits.reset(r);
        editProblem.set("");
        saved.set(false);
        diffFrom.set("Diff of the generated objects. Edit them under Edit objects (YAML or form): the diff follows.");
        display(r);
    }

    private void display(MigrationResult r) {
        result.set(r);
        yaml.set(r.yaml());
        notes.setAll(r.plan().notes());
        differences.setAll(r.diff().differences());
        status.set(summary(r));
    }

    /** The drafts of this migration that Save as drafts would overwrite because they were edited there. */
    public List<String> editedDrafts() {
        return drafts.edited(edits.normalised());
    }

    /** Keeps every object as edited here as a draft (one per object; the drafts saved before are updated). */
    public boolean saveAsDrafts() {
        if (generated == null) {
            status.set("Migrate first: the generated objects become the drafts.");
            return false;
        }
        Map<String, io.fabric8.kubernetes.api.model.HasMetadata> objects = editedObjects();
        if (objects == null) {
            return false;
        }
        int n = drafts.save(objects);
        saved.set(true);
        diffFrom.set("Saved " + n + " drafts (Drafts screen): edit them here or there and the diff follows.");
        rerun();
        return true;
    }

    /** Plan key → object as edited; null (and the problem shown) when one is not valid YAML. */
    private Map<String, io.fabric8.kubernetes.api.model.HasMetadata> editedObjects() {
        if (edits.problem().isPresent()) {
            diffFrom.set("The YAML of " + edits.problem().get() + " — fix it first.");
            return null;
        }
        Map<String, io.fabric8.kubernetes.api.model.HasMetadata> out = new java.util.LinkedHashMap<>();
        for (String key : edits.rows().stream().map(MigrateEdits.Row::key).toList()) {
            edits.editor(key).flatMap(e -> e.object()).ifPresent(o -> out.put(key, o));
        }
        return out;
    }

    /** Every edit here: the problem at once, the diff once the edits settle (300 ms). */
    private void typed() {
        editProblem.set(edits.problem().map(p -> "The YAML of " + p + " — the diff shown is the last good one.")
                .orElse(""));
        diffFrom.set(editProblem.get().isEmpty() ? "Edited: re-running the diff …" : editProblem.get());
        editSettle.playFromStart();
    }

    /** An edit on this screen settled: into the drafts once saved (their change re-runs the diff), else the diff. */
    private void edited() {
        if (edits.problem().isPresent()) {
            return;
        }
        if (drafts.saved()) {
            Map<String, io.fabric8.kubernetes.api.model.HasMetadata> objects = editedObjects();
            if (objects != null) {
                drafts.save(objects);
            }
            return;
        }
        rerunEdits();
    }

    /** The behavioural diff of the objects as edited on this screen, in the background (latest wins). */
    Task<MigrationResult> rerunEdits() {
        RoutingService service = routing.get();
        if (generated == null || service == null) {
            return null;
        }
        List<io.fabric8.kubernetes.api.model.HasMetadata> objects;
        try {
            objects = edits.objects();
        } catch (IllegalArgumentException bad) {
            diffFrom.set(bad.getMessage());
            return null;
        }
        return runDiff(service, objects, edits::describe);
    }

    /** Runs the behavioural diff again on the drafts as they are now (before saving: the objects as edited here). */
    public Task<MigrationResult> rerun() {
        RoutingService service = routing.get();
        if (generated == null) {
            diffFrom.set("Migrate first: the diff re-runs on the objects as edited.");
            return null;
        }
        if (service == null) {
            diffFrom.set("Connect to a cluster first: the diff reads the live session.");
            return null;
        }
        if (!drafts.saved()) {
            return rerunEdits();
        }
        Map<String, String> versions = drafts.versions();
        Map<String, String> names = drafts.names();
        drafts.comparing(versions);
        List<io.fabric8.kubernetes.api.model.HasMetadata> objects;
        try {
            objects = MigrateDrafts.objects(versions, names);
        } catch (IllegalArgumentException bad) {
            diffFrom.set(bad.getMessage());
            return null;
        }
        return runDiff(service, objects, drafts::describe);
    }

    private Task<MigrationResult> runDiff(RoutingService service, List<io.fabric8.kubernetes.api.model.HasMetadata> objects,
                                          java.util.function.Supplier<String> describe) {
        settle.stop();
        if (rerunning != null) {
            rerunning.cancel();
        }
        MigrationResult base = generated;
        Task<MigrationResult> task = new Task<>() {
            @Override
            protected MigrationResult call() throws NginxProvider.NothingToConvert {
                updateTitle("Behavioural diff of the edited migration");
                return new Migrator(service.profile(), service.clock(), service.anchors())
                        .rediff(service.view(), base, objects);
            }
        };
        rerunning = task;
        diffFrom.set("Re-running the diff on the objects as edited …");
        task.setOnSucceeded(e -> {
            if (rerunning == task && base == generated) {
                display(task.getValue());
                diffFrom.set(saved.get() ? describe.get() : "Diff of the objects as edited: " + describe.get() + ".");
            }
        });
        task.setOnFailed(e -> {
            if (rerunning == task) {
                Throwable x = task.getException();
                diffFrom.set(x instanceof NginxProvider.NothingToConvert || x instanceof IllegalArgumentException
                        ? x.getMessage() : "The diff could not be re-run: " + x.getMessage());
            }
        });
        return background.run(task);
    }

    /** Apply all, step 1: saves the objects as edited as drafts and dry-runs them all (null plan: nothing saved). */
    public java.util.concurrent.CompletableFuture<DraftDesk.Plan> prepareApplyAll() {
        if (routing.get() == null) {
            diffFrom.set("Connect to a cluster first: Apply all writes to it.");
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return applyAll.prepare();
    }

    /** The confirmation text of a dry-run plan: what will be created and changed, the Ingresses replaced, the diffs. */
    public String applyAllSummary(DraftDesk.Plan plan) {
        return MigrateApplyAll.summary(plan, replaced());
    }

    /** Apply all, step 2 (after the one confirmation): every draft through the safe write, in order. */
    public java.util.concurrent.CompletableFuture<DraftDesk.Outcome> applyAll(DraftDesk.Plan plan) {
        return applyAll.apply(plan);
    }

    /** Apply…: the next draft of this migration not applied yet goes to the Drafts screen's safe apply. */
    public void applyNext() {
        if (!drafts.saved()) {
            diffFrom.set("Save as drafts first: the drafts are what is applied.");
            return;
        }
        drafts.nextToApply().ifPresentOrElse(drafts::apply,
                () -> diffFrom.set("Every draft of this migration is applied."));
    }

    /**
     * Serve both: the Ingresses and the objects shown (the drafts as last compared, once saved) on two local proxies,
     * the corpus replayed through both over real TLS; the real responses' diff lands in {@link #serving()}.
     */
    public void serveBoth() {
        serving.serve(routing.get(), result.get());
    }

    /** The side by side of the proxies (Serve both). */
    public MigrateServing serving() {
        return serving;
    }

    /** Opens one draft of this migration on the Drafts screen. */
    public void openDraft(String draftId) {
        drafts.open(draftId);
    }

    static String summary(MigrationResult r) {
        if (r.diff().identical()) {
            return "identical: " + r.diff().compared() + " requests behave the same after the migration.";
        }
        return r.diff().differences().size() + " of " + r.diff().compared() + " requests differ ("
                + r.diff().unexplained().size() + " unexplained). Click a row to see both explanations.";
    }

    MigrationRequest request() {
        Set<ObjectRef> names = Arrays.stream(ingresses.get().split("[,\\s]+")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(MigrateViewModel::ref).collect(Collectors.toSet());
        Selection selection = new Selection(blank(namespace.get()), blank(ingressClass.get()), names);
        GatewayTarget target = blank(gateway.get()).map(GatewayTarget::named).orElse(GatewayTarget.newGateway());
        return new MigrationRequest(selection, target);
    }

    private static ObjectRef ref(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? ObjectRef.ingress(ObjectRef.DEFAULT_NAMESPACE, text)
                : ObjectRef.ingress(text.substring(0, slash), text.substring(slash + 1));
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    /** Both explanations of one differing request: ingress-nginx's, then the Gateway's. */
    public static String explain(Difference d) {
        return "Request: " + d.probe().request().method() + " " + d.probe().request().scheme() + "://"
                + d.probe().request().host() + d.probe().request().path() + "  (" + d.probe().purpose().label() + ")\n"
                + "Differs: " + d.summary() + "\n"
                + (d.explained() ? "Why: " + String.join(" ", d.explanations()) : "Unexplained difference.") + "\n\n"
                + "ingress-nginx:\n" + side(d.before()) + "\nGateway:\n" + side(d.after());
    }

    private static String side(Observed o) {
        StringBuilder s = new StringBuilder("  answered by ").append(o.answeredBy()).append('\n');
        o.fields().forEach((k, v) -> s.append("  ").append(k).append(": ").append(v.isEmpty() ? "(none)" : v)
                .append('\n'));
        if (o.explanation() != null) {
            s.append("  ").append(o.explanation().decision().summary()).append('\n');
            for (TraceStep t : o.explanation().trace()) {
                s.append("   · ").append(t).append('\n');
            }
        }
        return s.toString();
    }

    /** "converted → HTTPRoute …" / "not converted: why; instead". */
    public static String describe(ConversionNote n) {
        String where = n.where().isEmpty() ? "" : " → " + n.where();
        String why = n.why().isEmpty() ? "" : ": " + n.why();
        String instead = n.instead().isEmpty() ? "" : " Instead: " + n.instead();
        return n.status().label() + where + why + instead;
    }

    public StringProperty ingressesProperty() { return ingresses; }
    public StringProperty namespaceProperty() { return namespace; }
    public StringProperty ingressClassProperty() { return ingressClass; }
    public StringProperty gatewayProperty() { return gateway; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty yamlProperty() { return yaml.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<MigrationResult> resultProperty() { return result.getReadOnlyProperty(); }
    public ObservableList<ConversionNote> notes() { return notes; }
    public ObservableList<Difference> differences() { return differences; }
    /** Which objects the shown diff compared: the generated ones, or the drafts and their versions. */
    public ReadOnlyStringProperty diffFromProperty() { return diffFrom.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty savedProperty() { return saved.getReadOnlyProperty(); }
    /** The generated objects as edited here (list rows with the edited marker; an editor per row). */
    public MigrateEdits edits() { return edits; }
    /** Why an edited object's YAML is not valid (empty when every one is). */
    public ReadOnlyStringProperty editProblemProperty() { return editProblem.getReadOnlyProperty(); }

    /** The editor of one generated object (YAML and, for a Gateway or HTTPRoute, the form). */
    public Optional<dev.gatehouse.ui.common.form.DraftEditorViewModel> editor(String key) { return edits.editor(key); }

    /** Puts the generated object back (Revert to generated); the diff runs again. */
    public void revert(String key) { edits.revert(key); }
    public ObservableList<MigrateDrafts.Row> draftRows() { return drafts.rows(); }
    /** After an apply: which Ingresses the new routes replace, and that they are untouched. */
    public ReadOnlyStringProperty reminderProperty() { return drafts.reminderProperty(); }

    /** The Ingresses the new routes replace (they stay untouched in the cluster). */
    public List<String> replaced() {
        MigrationResult r = result.get();
        return r == null ? List.of() : r.plan().converted().stream().map(ObjectRef::path).sorted().toList();
    }
}
