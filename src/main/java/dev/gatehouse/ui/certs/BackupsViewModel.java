package dev.gatehouse.ui.certs;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.write.Backup;
import dev.gatehouse.cluster.write.ObjectYaml;
import dev.gatehouse.cluster.write.SafeWriter;
import dev.gatehouse.cluster.write.TlsSecretWriter;
import dev.gatehouse.cluster.write.WriteResult;
import dev.gatehouse.cluster.write.YamlDiff;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.RelativeTime;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The backups Gatehouse took before every write (newest first), with what restoring one would change
 * and a restore that is itself backed up first.
 */
public final class BackupsViewModel {

    private final CertificateServices services;
    private final ClusterSession session;
    private final FxBackground background;
    private final Consumer<WriteResult.Written> written;
    private final ObservableList<Backup> backups = FXCollections.observableArrayList();
    private final ObjectProperty<Backup> selected = new SimpleObjectProperty<>();
    private final ObservableList<YamlDiff.Line> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("Loading backups…");
    private final ReadOnlyBooleanWrapper canRestore = new ReadOnlyBooleanWrapper();

    /** "now" for the backups' ages. */
    public Clock clock() {
        return services.clock();
    }

    BackupsViewModel(CertificateServices services, ClusterSession session, FxBackground background,
                     Consumer<WriteResult.Written> written) {
        this.services = services;
        this.session = session;
        this.background = background;
        this.written = written;
        selected.addListener((o, a, b) -> preview(b));
        reload();
    }

    public void reload() {
        run("Reading backups…", () -> services.backups().list(), list -> {
            backups.setAll(list);
            state.set(list.isEmpty() ? "No backups yet: Gatehouse takes one before every change it writes"
                    : list.size() + (list.size() == 1 ? " backup" : " backups") + " in " + services.data().resolve("backups"));
        });
    }

    private Optional<SafeWriter> writer() {
        return services.writer(session).map(w -> w.safeWriter());
    }

    /** What restoring the backup would change in the cluster now. */
    private void preview(Backup b) {
        diff.clear();
        canRestore.set(false);
        if (b == null) {
            return;
        }
        Optional<SafeWriter> writer = writer();
        if (writer.isEmpty()) {
            state.set("Connect to the cluster the backup was taken from to restore it");
            return;
        }
        run("Comparing with the cluster…", () -> {
            if (b.yaml().isEmpty()) {
                return TlsSecretWriter.namedValues(YamlDiff.diff(currentYaml(writer.get(), b), ""));
            }
            HasMetadata object = Serialization.unmarshal(b.yaml().get());
            return TlsSecretWriter.namedValues(writer.get().diff(object));
        }, lines -> {
            diff.setAll(lines);
            canRestore.set(true);
            state.set(YamlDiff.changes(lines) ? (b.yaml().isPresent() ? "Restoring puts " + b.kind() + " " + b.namespace()
                    + "/" + b.name() + " back as it was on " + RelativeTime.absolute(b.taken()) : "Restoring deletes " + b.kind() + " "
                    + b.namespace() + "/" + b.name() + ", which did not exist before")
                    : "The cluster already holds this state; restoring changes nothing");
        });
    }

    private static String currentYaml(SafeWriter writer, Backup b) {
        HasMetadata probe = b.kind().equals("Secret") ? new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata().withNamespace(b.namespace()).withName(b.name()).endMetadata().build()
                : new io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder().withNewMetadata()
                .withNamespace(b.namespace()).withName(b.name()).endMetadata().build();
        return writer.live(probe).map(ObjectYaml::forDiff).orElse("");
    }

    /** Restores the selected backup (the current state is backed up first, so this can be undone too). */
    public void restore() {
        Backup b = selected.get();
        Optional<SafeWriter> writer = writer();
        if (b == null || writer.isEmpty() || !canRestore.get()) {
            return;
        }
        canRestore.set(false);
        background.run(new WriteTask("Restoring " + b.namespace() + "/" + b.name() + "…",
                () -> writer.get().restore(b), result -> {
                    state.set(result.message());
                    if (result instanceof WriteResult.Written w) {
                        written.accept(w);
                        reload();
                    }
                }));
    }

    private <T> void run(String title, Jobs.Work<T> work, Consumer<T> then) {
        Jobs.run(background, title, work, then, state::set);
    }

    public ObservableList<Backup> backups() { return backups; }
    public ObjectProperty<Backup> selectedProperty() { return selected; }
    public ObservableList<YamlDiff.Line> diff() { return diff; }
    public ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRestoreProperty() { return canRestore.getReadOnlyProperty(); }
}
