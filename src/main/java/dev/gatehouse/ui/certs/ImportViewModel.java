package dev.gatehouse.ui.certs;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.write.TlsSecretWriter;
import dev.gatehouse.cluster.write.WriteResult;
import dev.gatehouse.cluster.write.YamlDiff;
import dev.gatehouse.tls.MaterialAnalyzer;
import dev.gatehouse.tls.MaterialFiles;
import dev.gatehouse.tls.MaterialProblem;
import dev.gatehouse.tls.ParsedMaterial;
import dev.gatehouse.tls.PasswordSource;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.Status;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The import dialog's state: reads the dropped files (any format), sorts out leaf, chain and key, shows
 * every problem and whether the Ingresses' hosts are covered, offers to fix the chain order, then shows
 * what the Secret write changes (diff and the server's dry-run verdict) and writes it on one
 * confirmation, through the safe write path.
 */
public final class ImportViewModel {
    private static final java.util.Set<MaterialProblem.Kind> ORDER_KINDS = java.util.EnumSet.of(
            MaterialProblem.Kind.LEAF_NOT_FIRST, MaterialProblem.Kind.INTERMEDIATES_OUT_OF_ORDER,
            MaterialProblem.Kind.UNRELATED_CERTIFICATE);
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private final CertificateServices services;
    private final ClusterSession session;
    private final Supplier<TrustAnchors> anchors;
    private final FxBackground background;
    private final Consumer<WriteResult.Written> written;
    private final BiFunction<String, String, List<String>> hostsOf;

    private final ObservableList<Finding> found = FXCollections.observableArrayList();
    private final ObservableList<Finding> problems = FXCollections.observableArrayList();
    private final ObservableList<Finding> hosts = FXCollections.observableArrayList();
    private final ObservableList<String> summary = FXCollections.observableArrayList();
    private final ObservableList<YamlDiff.Line> diff = FXCollections.observableArrayList();
    private final StringProperty namespace = new SimpleStringProperty();
    private final StringProperty name = new SimpleStringProperty();
    private final BooleanProperty fixOrder = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper orderFixable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper passwordNeeded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canConfirm = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("Reading the files…");
    private final ReadOnlyStringWrapper confirmText = new ReadOnlyStringWrapper("Write Secret");

    private List<Path> files = List.of();
    private PasswordSource passwords = PasswordSource.none();
    private List<ParsedMaterial> read = List.of();
    private TlsSecretWriter.Prepared prepared;
    private ImportPlanner.Plan plan;
    private int generation;

    ImportViewModel(CertificateServices services, ClusterSession session,
                    Supplier<TrustAnchors> anchors, FxBackground background,
                    Consumer<WriteResult.Written> written, BiFunction<String, String, List<String>> hostsOf,
                    String targetNamespace, String targetName) {
        this.services = services;
        this.session = session;
        this.anchors = anchors;
        this.background = background;
        this.written = written;
        this.hostsOf = hostsOf;
        namespace.set(targetNamespace);
        name.set(targetName);
        fixOrder.addListener((o, a, b) -> prepare());
    }

    /** Reads the files (folders one level deep) off the FX thread, then prepares the write. */
    void read(List<Path> paths) {
        files = List.copyOf(paths);
        busy.set(true);
        state.set("Reading " + (files.size() == 1 ? files.get(0).getFileName() : files.size() + " files") + "…");
        PasswordSource with = passwords;
        run("Reading certificate files…", () -> MaterialFiles.read(files, with), result -> {
            read = result;
            passwordNeeded.set(result.stream().anyMatch(m -> m.problems().stream().anyMatch(MaterialProblem::asksForPassword)));
            prepare();
        });
    }

    /** Reads the files again with this password (for encrypted keys and keystores). */
    public void unlock(char[] password) {
        passwords = PasswordSource.of(password);
        java.util.Arrays.fill(password, '\0');
        read(files);
    }

    /** Analyses the set for the target Secret and asks the cluster what writing it would change. */
    public void prepare() {
        int mine = ++generation;
        String ns = trim(namespace.get());
        String secret = trim(name.get());
        List<String> targetHosts = hostsOf.apply(ns, secret);
        boolean fix = fixOrder.get();
        List<ParsedMaterial> input = read;
        canConfirm.set(false);
        conflict.set(false);
        busy.set(true);
        state.set("Checking…");
        run("Checking the certificate…", () -> {
            MaterialAnalyzer analyzer = new MaterialAnalyzer(services.clock(), anchors.get());
            Optional<TlsSecretWriter> writer = services.writer(session);
            Optional<Secret> live = writer.isPresent() && valid(ns, secret) ? writer.get().live(ns, secret)
                    : Optional.empty();
            ImportPlanner.Plan p = ImportPlanner.plan(input, targetHosts, fix, analyzer, services.pending(), live);
            TlsSecretWriter.Prepared pr = writer.isEmpty() || p.blocked().isPresent() || p.tlsCrt().isEmpty()
                    || !valid(ns, secret) ? null : writer.get().prepare(ns, secret, p.tlsCrt().get(), p.tlsKey());
            return new Checked(p, pr);
        }, result -> {
            if (mine == generation) {
                show(result.plan(), result.prepared(), ns, secret);
            }
        });
    }

    private void show(ImportPlanner.Plan p, TlsSecretWriter.Prepared pr, String ns, String secret) {
        plan = p;
        prepared = pr;
        found.setAll(p.found());
        boolean fixing = fixOrder.get() && p.orderFixable();
        problems.setAll(p.analysis().problems().stream().map(problem -> fixing && ORDER_KINDS.contains(problem.kind())
                ? new Finding(Status.OK, problem.message() + ": fixed, tls.crt gets the server certificate first, then"
                + " each issuer") : Finding.of(problem)).toList());
        hosts.setAll(p.hosts());
        orderFixable.set(p.orderFixable());
        summary.setAll(pr == null ? List.of() : pr.change().summary());
        diff.setAll(pr == null ? List.of() : pr.diff());
        confirmText.set(pr != null && pr.change().live().isPresent() ? "Replace Secret" : "Create Secret");
        busy.set(false);
        if (session == null) {
            state.set("Not connected: connect to a cluster to write the Secret");
        } else if (!valid(ns, secret)) {
            state.set("Name the Secret to write: a namespace and a lower-case name (letters, digits, - and .)");
        } else if (p.blocked().isPresent()) {
            state.set("Cannot write the Secret: " + p.blocked().get());
        } else if (pr == null) {
            state.set("Cannot write the Secret yet: not connected to the API server");
        } else if (pr.refusal().isPresent()) {
            state.set(pr.refusal().get());
        } else if (!pr.writable()) {
            state.set(pr.dryRun().message());
        } else {
            state.set(pr.dryRun().message() + ". Review the changes, then " + confirmText.get().toLowerCase() + ".");
            canConfirm.set(true);
        }
    }

    /** Writes the prepared Secret (backup first, conditioned on what was read). */
    public void confirm() {
        TlsSecretWriter.Prepared pr = prepared;
        Optional<TlsSecretWriter> writer = services.writer(session);
        if (pr == null || writer.isEmpty() || !canConfirm.get()) {
            return;
        }
        canConfirm.set(false);
        busy.set(true);
        state.set("Writing Secret " + pr.change().path() + "…");
        ImportPlanner.Plan used = plan;
        background.run(new WriteTask("Writing Secret " + pr.change().path() + "…",
                () -> writer.get().apply(pr, "import into " + pr.change().path()), result -> {
                    busy.set(false);
                    state.set(result.message());
                    if (result instanceof WriteResult.Written w) {
                        used.pendingUsed().ifPresent(this::completePending);
                        written.accept(w);
                        done.set(true);
                    } else if (result instanceof WriteResult.Conflict) {
                        conflict.set(true);
                    }
                }));
    }

    private void completePending(dev.gatehouse.tls.ca.PendingKeys.Pending pending) {
        background.execute(() -> {
            try {
                services.pending().complete(pending);
            } catch (java.io.IOException e) {
                org.slf4j.LoggerFactory.getLogger(ImportViewModel.class).warn("Pending key {} not removed: {}",
                        pending.id(), e.toString());
            }
        });
    }

    private static boolean valid(String ns, String secret) {
        return NAME.matcher(ns).matches() && NAME.matcher(secret).matches() && secret.length() <= 253;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    /** Background work whose result comes back on the FX thread; failures become a plain state line. */
    private <T> void run(String title, Jobs.Work<T> work, Consumer<T> then) {
        Jobs.run(background, title, work, then, message -> {
            busy.set(false);
            state.set("Could not check the certificate: " + message);
        });
    }

    /** A plan and, when it can be written, the prepared write (null otherwise). */
    private record Checked(ImportPlanner.Plan plan, TlsSecretWriter.Prepared prepared) {
    }

    public ObservableList<Finding> found() { return found; }
    public ObservableList<Finding> problems() { return problems; }
    public ObservableList<Finding> hosts() { return hosts; }
    public ObservableList<String> summary() { return summary; }
    public ObservableList<YamlDiff.Line> diff() { return diff; }
    public StringProperty namespaceProperty() { return namespace; }
    public StringProperty nameProperty() { return name; }
    public BooleanProperty fixOrderProperty() { return fixOrder; }
    public ReadOnlyBooleanProperty orderFixableProperty() { return orderFixable.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty passwordNeededProperty() { return passwordNeeded.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canConfirmProperty() { return canConfirm.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty conflictProperty() { return conflict.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty confirmTextProperty() { return confirmText.getReadOnlyProperty(); }
}
