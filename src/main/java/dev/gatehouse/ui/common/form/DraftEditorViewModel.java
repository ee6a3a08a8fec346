package dev.gatehouse.ui.common.form;

import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftKind;
import dev.gatehouse.drafts.DraftYaml;
import dev.gatehouse.drafts.GatewayForm;
import dev.gatehouse.drafts.HttpRouteForm;
import dev.gatehouse.drafts.IngressForm;
import dev.gatehouse.drafts.NginxAnnotationFields;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
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
 * One open draft: the YAML text and the form edit the same object and stay in sync — the Ingress form for an
 * Ingress, the {@link HttpRouteFormModel} for an HTTPRoute, the {@link GatewayFormModel} for a Gateway (other Gateway
 * API kinds are edited as YAML). Editing the
 * form rewrites the YAML; editing the YAML updates the form whenever the text parses (problems are shown with line
 * numbers otherwise). The YAML is the source of truth. Every change is saved shortly after (crash-safe).
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
    private final ReadOnlyObjectWrapper<HasMetadata> parsed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DraftKind> kind = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper formProblem = new ReadOnlyStringWrapper("");
    private final HttpRouteFormModel route;
    private final GatewayFormModel gateway;
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
        kind.set(initial.kind());
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
        route = new HttpRouteFormModel(formChanged);
        gateway = new GatewayFormModel(formChanged);
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
            HasMetadata object = ((DraftYaml.Valid) p).object();
            parseProblem.set("");
            formProblem.set("");
            parsed.set(object);
            kind.set(((DraftYaml.Valid) p).kind());
            if (object instanceof Ingress ing) {
                showIngress(IngressForm.from(ing));
            } else {
                syncing = true;
                try {
                    namespace.set(nz(object.getMetadata().getNamespace()));
                    name.set(nz(object.getMetadata().getName()));
                    if (object instanceof HTTPRoute r) {
                        route.show(HttpRouteForm.from(r));
                    } else if (object instanceof Gateway g) {
                        gateway.show(GatewayForm.from(g));
                    }
                } finally {
                    syncing = false;
                }
            }
        }
        changed(t);
    }

    private void showIngress(IngressForm f) {
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

    private void fromForm() {
        HasMetadata object;
        try {
            object = formObject();
        } catch (IllegalArgumentException e) {
            formProblem.set(e.getMessage());
            return;
        }
        if (object == null) {
            return;
        }
        formProblem.set("");
        String t = DraftYaml.toYaml(object);
        parsed.set(object);
        parseProblem.set("");
        syncing = true;
        try {
            text.set(t);
        } finally {
            syncing = false;
        }
        changed(t);
    }

    /** The object as the form describes it: null when the draft's kind has no form (or nothing parsed yet). */
    private HasMetadata formObject() {
        HasMetadata current = parsed.get();
        if (current instanceof HTTPRoute r) {
            return route.form(namespace.get(), name.get()).applyTo(r);
        }
        if (current instanceof Gateway g) {
            return gateway.form(namespace.get(), name.get()).applyTo(g);
        }
        if (current != null && !(current instanceof Ingress)) {
            return null;
        }
        IngressForm f = new IngressForm(namespace.get(), name.get(), ingressClass.get(), List.copyOf(paths),
                List.copyOf(tls), annotations.get());
        return f.applyTo((Ingress) current);
    }

    private void changed(String t) {
        HasMetadata object = parsed.get();
        String ns = object == null ? null : object.getMetadata().getNamespace();
        String n = object == null ? null : object.getMetadata().getName();
        draft.set(draft.get().withYaml(t, ns, n, kind.get(), clock.instant()));
        saveLater.playFromStart();
    }

    /** Replaces the draft (after apply or rebase) and its text. */
    public void replace(Draft d) {
        draft.set(d);
        text.set(d.yaml());
        saveLater.playFromStart();
    }

    /** The draft's Ingress when the text is a valid Ingress. */
    public Optional<Ingress> ingress() {
        return object().filter(Ingress.class::isInstance).map(Ingress.class::cast);
    }

    /** The draft's object (an Ingress or a Gateway API object) when the text is valid. */
    public Optional<HasMetadata> object() {
        return parseProblem.get().isEmpty() ? Optional.ofNullable(parsed.get()) : Optional.empty();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
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
    /** What the draft holds (as last parsed). */
    public ReadOnlyObjectProperty<DraftKind> kindProperty() { return kind.getReadOnlyProperty(); }
    /** Why the form's last edit could not be written into the YAML (a port that is not a number, …); empty when fine. */
    public ReadOnlyStringProperty formProblemProperty() { return formProblem.getReadOnlyProperty(); }
    /** The HTTPRoute form (used when the draft holds an HTTPRoute). */
    public HttpRouteFormModel route() { return route; }
    /** The Gateway form (used when the draft holds a Gateway). */
    public GatewayFormModel gateway() { return gateway; }
}
