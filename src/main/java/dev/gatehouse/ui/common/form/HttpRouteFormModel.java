package dev.gatehouse.ui.common.form;

import dev.gatehouse.drafts.HttpRouteForm;
import dev.gatehouse.drafts.HttpRouteForm.BackendRow;
import dev.gatehouse.drafts.HttpRouteForm.ParentRow;
import dev.gatehouse.drafts.HttpRouteForm.RuleRow;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The HTTPRoute side of a draft's form: parentRefs, hostnames, rules and their backendRefs as editable rows. Shows a
 * parsed {@link HttpRouteForm} ({@link #show}) without reporting a change; every edit by the user calls the
 * editor's {@code changed} hook, which writes the form into the YAML.
 */
public final class HttpRouteFormModel {
    private final ObservableList<ParentRow> parents = FXCollections.observableArrayList();
    private final StringProperty hostnames = new SimpleStringProperty("");
    private final ObservableList<RuleRow> rules = FXCollections.observableArrayList();
    private final ObservableList<BackendRow> backends = FXCollections.observableArrayList();
    private boolean showing;

    HttpRouteFormModel(Runnable changed) {
        Runnable edit = () -> {
            if (!showing) {
                changed.run();
            }
        };
        parents.addListener((ListChangeListener<ParentRow>) c -> edit.run());
        rules.addListener((ListChangeListener<RuleRow>) c -> edit.run());
        backends.addListener((ListChangeListener<BackendRow>) c -> edit.run());
        hostnames.addListener((o, a, b) -> edit.run());
    }

    /** Shows a form parsed from the YAML (no change is reported). */
    void show(HttpRouteForm f) {
        showing = true;
        try {
            if (!parents.equals(f.parents())) {
                parents.setAll(f.parents());
            }
            String hosts = String.join(", ", f.hostnames());
            if (!hosts.equals(hostnames.get())) {
                hostnames.set(hosts);
            }
            if (!rules.equals(f.rules())) {
                rules.setAll(f.rules());
            }
            if (!backends.equals(f.backends())) {
                backends.setAll(f.backends());
            }
        } finally {
            showing = false;
        }
    }

    /** The form as edited, with the identity the editor holds. */
    HttpRouteForm form(String namespace, String name) {
        List<String> hosts = Arrays.stream(hostnames.get().split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
        return new HttpRouteForm(namespace, name, List.copyOf(parents), hosts, List.copyOf(rules), List.copyOf(backends));
    }

    public void addParent() {
        ParentRow last = parents.isEmpty() ? new ParentRow("", "main", "", "") : parents.get(parents.size() - 1);
        parents.add(new ParentRow(last.namespace(), last.name(), "", ""));
    }

    public void addRule() {
        rules.add(new RuleRow("PathPrefix", "/new", false));
    }

    /** A backendRef for the last rule (a first rule is added when there is none). */
    public void addBackend() {
        if (rules.isEmpty()) {
            addRule();
        }
        String port = backends.isEmpty() ? "80" : backends.get(backends.size() - 1).port();
        backends.add(new BackendRow(rules.size(), "", port, ""));
    }

    /** Removes a rule and its backendRefs; later rules' backendRefs move up one number. */
    public void removeRule(RuleRow rule) {
        int number = rules.indexOf(rule) + 1;
        if (number == 0) {
            return;
        }
        List<BackendRow> next = backends.stream().filter(b -> b.rule() != number)
                .map(b -> b.rule() > number ? new BackendRow(b.rule() - 1, b.name(), b.port(), b.weight()) : b).toList();
        showing = true;
        try {
            backends.setAll(next);
        } finally {
            showing = false;
        }
        rules.remove(rule);
    }

    public ObservableList<ParentRow> parents() { return parents; }
    public StringProperty hostnamesProperty() { return hostnames; }
    public ObservableList<RuleRow> rules() { return rules; }
    public ObservableList<BackendRow> backends() { return backends; }
}
