package dev.gatehouse.ui.common.form;

import dev.gatehouse.drafts.GatewayForm;
import dev.gatehouse.drafts.GatewayForm.ListenerRow;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Gateway side of a draft's form: the GatewayClass and the listeners as editable rows. Shows a parsed
 * {@link GatewayForm} ({@link #show}) without reporting a change; every edit by the user calls the editor's
 * {@code changed} hook, which writes the form into the YAML.
 */
public final class GatewayFormModel {
    private final StringProperty gatewayClass = new SimpleStringProperty("");
    private final ObservableList<ListenerRow> listeners = FXCollections.observableArrayList();
    private boolean showing;

    GatewayFormModel(Runnable changed) {
        Runnable edit = () -> {
            if (!showing) {
                changed.run();
            }
        };
        gatewayClass.addListener((o, a, b) -> edit.run());
        listeners.addListener((ListChangeListener<ListenerRow>) c -> edit.run());
    }

    /** Shows a form parsed from the YAML (no change is reported). */
    void show(GatewayForm f) {
        showing = true;
        try {
            if (!f.gatewayClassName().equals(gatewayClass.get())) {
                gatewayClass.set(f.gatewayClassName());
            }
            if (!listeners.equals(f.listeners())) {
                listeners.setAll(f.listeners());
            }
        } finally {
            showing = false;
        }
    }

    /** The form as edited, with the identity the editor holds. */
    GatewayForm form(String namespace, String name) {
        return new GatewayForm(namespace, name, gatewayClass.get(), List.copyOf(listeners));
    }

    /**
     * A listener like the last one: an HTTPS listener on 443 for a new host with a certificate named after it when
     * there is none yet or the last is HTTPS; a plain HTTP listener on 80 otherwise.
     */
    public void addListener() {
        boolean https = listeners.isEmpty() || "HTTPS".equals(listeners.get(listeners.size() - 1).protocol());
        String name = uniqueName(https ? "https" : "http");
        listeners.add(https ? new ListenerRow(name, "HTTPS", "443", "", "", name + "-tls", "")
                : new ListenerRow(name, "HTTP", "80", "", "", "", ""));
    }

    private String uniqueName(String base) {
        String name = base;
        for (int i = 2; taken(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private boolean taken(String name) {
        return listeners.stream().anyMatch(l -> l.name().equals(name));
    }

    public StringProperty gatewayClassProperty() { return gatewayClass; }
    public ObservableList<ListenerRow> listeners() { return listeners; }
}
