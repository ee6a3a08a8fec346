package dev.gatehouse.ui.draft;

import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftYaml;
import dev.gatehouse.drafts.IngressForm;
import dev.gatehouse.drafts.NginxAnnotationFields;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * One open draft: the YAML text and the form edit the same Ingress and stay in sync. Editing the
 * form rewrites the YAML; editing the YAML updates the form whenever the text parses (problems are
 * shown with line numbers otherwise). Every change is saved shortly after (crash-safe).
 */
public final class DraftEditorViewModel {
    private final DraftYaml yaml = new DraftYaml();
    private final Clock clock;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper parseProblem = new ReadOnlyStringWrapper("");
    private final StringProperty namespace = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty ingressClass = new SimpleStringProperty("");
    private final ObservableList<IngressForm.PathRow> paths = FXCollections.observableArrayList();
    private final ObservableList<IngressForm.TlsRow> tls = FXCollections.observableArrayList();
    private final ObjectProperty<NginxAnnotationFields> annotations = new SimpleObjectProperty<>(NginxAnnotationFields.none());
    private final ReadOnlyObjectWrapper<Ingress> parsed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Draft> draft = new ReadOnlyObjectWrapper<>();
    private final PauseTransition saveLater = new PauseTransition(Duration.millis(400));
    private boolean syncing;

    /**
     * @param save  persists a draft (called on the FX thread; the store writes on a worker)
     * @param clock stamps each edit
     */
    public DraftEditorViewModel(Draft initial, Consumer<Draft> save, Clock clock) {
        this.clock = clock;
        draft.set(initial);
        saveLater.setOnFinished(e -> save.accept(draft.get()));
        text.addListener((o, a, t) -> {
            if (!syncing) {
                fromText(t);
            }
        });
        Runnable formChanged = () -> {
            if (!syncing) {
                fromForm();
            }
        };
        namespace.addListener((o, a, b) -> formChanged.run());
        name.addListener((o, a, b) -> formChanged.run());
        ingressClass.addListener((o, a, b) -> formChanged.run());
        annotations.addListener((o, a, b) -> formChanged.run());
        paths.addListener((ListChangeListener<IngressForm.PathRow>) c -> formChanged.run());
        tls.addListener((ListChangeListener<IngressForm.TlsRow>) c -> formChanged.run());
        syncing = true;
        try {
            text.set(initial.yaml());
        } finally {
            syncing = false;
        }
        fromText(initial.yaml());
    }

    private void fromText(String t) {
        DraftYaml.Parsed p = yaml.parse(t);
        if (p instanceof DraftYaml.Invalid inv) {
            parseProblem.set(inv.summary());
        } else {
            Ingress ing = ((DraftYaml.Valid) p).ingress();
            parseProblem.set("");
            parsed.set(ing);
            IngressForm f = IngressForm.from(ing);
            syncing = true;
            try {
                namespace.set(f.namespace());
                name.set(f.name());
                ingressClass.set(f.ingressClass());
                if (!paths.equals(f.paths())) {
                    paths.setAll(f.paths());
                }
                if (!tls.equals(f.tls())) {
                    tls.setAll(f.tls());
                }
                annotations.set(f.annotations());
            } finally {
                syncing = false;
            }
        }
        changed(t);
    }

    private void fromForm() {
        IngressForm f = new IngressForm(namespace.get(), name.get(), ingressClass.get(), List.copyOf(paths),
                List.copyOf(tls), annotations.get());
        Ingress ing = f.applyTo(parsed.get());
        String t = DraftYaml.toYaml(ing);
        parsed.set(ing);
        parseProblem.set("");
        syncing = true;
        try {
            text.set(t);
        } finally {
            syncing = false;
        }
        changed(t);
    }

    private void changed(String t) {
        Ingress ing = parsed.get();
        String ns = ing == null ? null : ing.getMetadata().getNamespace();
        String n = ing == null ? null : ing.getMetadata().getName();
        draft.set(draft.get().withYaml(t, ns, n, clock.instant()));
        saveLater.playFromStart();
    }

    /** Replaces the draft (after apply or rebase) and its text. */
    public void replace(Draft d) {
        draft.set(d);
        text.set(d.yaml());
        saveLater.playFromStart();
    }

    /** The draft's Ingress when the text is valid. */
    public Optional<Ingress> ingress() {
        return parseProblem.get().isEmpty() ? Optional.ofNullable(parsed.get()) : Optional.empty();
    }

    public void addPath() {
        String host = paths.isEmpty() ? "" : paths.get(paths.size() - 1).host();
        String service = paths.isEmpty() ? "" : paths.get(paths.size() - 1).service();
        String port = paths.isEmpty() ? "80" : paths.get(paths.size() - 1).port();
        paths.add(new IngressForm.PathRow(host, "/new", "Prefix", service, port));
    }

    public void addTls() {
        List<String> hosts = paths.stream().map(IngressForm.PathRow::host).filter(h -> !h.isBlank()).distinct().toList();
        tls.add(new IngressForm.TlsRow(hosts, name.get().isBlank() ? "tls" : name.get() + "-tls"));
    }

    public StringProperty textProperty() { return text; }
    public ReadOnlyStringProperty parseProblemProperty() { return parseProblem.getReadOnlyProperty(); }
    public StringProperty namespaceProperty() { return namespace; }
    public StringProperty nameProperty() { return name; }
    public StringProperty ingressClassProperty() { return ingressClass; }
    public ObservableList<IngressForm.PathRow> paths() { return paths; }
    public ObservableList<IngressForm.TlsRow> tls() { return tls; }
    public ObjectProperty<NginxAnnotationFields> annotationsProperty() { return annotations; }
    public ReadOnlyObjectProperty<Draft> draftProperty() { return draft.getReadOnlyProperty(); }
}
