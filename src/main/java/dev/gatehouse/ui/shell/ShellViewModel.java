package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.connection.ConnectionViewModel;
import dev.gatehouse.ui.common.settings.Settings;
import dev.gatehouse.ui.common.settings.SettingsStore;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the main window: the selected screen, the theme, the status-bar texts and the
 * connection. Holds properties and commands only; never touches a Node.
 */
public final class ShellViewModel {
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.OVERVIEW);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final StringProperty statusMessage = new SimpleStringProperty("Ready");
    private final StringProperty proxyState = new SimpleStringProperty("Proxy not running");
    private final BooleanProperty explainRequested = new SimpleBooleanProperty();
    private final ConnectionViewModel connection;
    private final SettingsStore settingsStore;
    private Settings settings;

    public ShellViewModel(SettingsStore settingsStore, ConnectionViewModel connection) {
        this.settingsStore = settingsStore;
        this.settings = settingsStore.load();
        this.connection = connection;
        darkTheme.set(settings.darkTheme());
        darkTheme.addListener((obs, old, dark) -> {
            settings = settings.withDarkTheme(dark);
            settingsStore.save(settings);
            statusMessage.set(dark ? "Dark theme" : "Light theme");
        });
        connection.statusMessageProperty().addListener((obs, old, msg) -> {
            if (msg != null && !msg.isBlank()) {
                statusMessage.set(msg);
            }
        });
        connection.rememberContextProperty().addListener((obs, old, remembered) -> {
            if (remembered != null) {
                settings = settings.withLastContext(remembered.context(), remembered.kubeconfig());
                settingsStore.save(settings);
            }
        });
    }

    public Settings settings() {
        return settings;
    }

    /** Remembers the window's bounds (called when the window closes). */
    public void rememberWindow(double x, double y, double w, double h, boolean maximized) {
        settings = settings.withWindow(x, y, w, h, maximized);
        settingsStore.save(settings);
    }

    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
    }

    public void show(Section s) {
        section.set(s);
    }

    /** "Explain a URL" (Ctrl+L): opens the Path screen with its explain box focused. */
    public void explainUrl() {
        show(Section.PATH);
        explainRequested.set(true);
    }

    /** True while an "Explain a URL" request waits for the Path screen to focus its box (it resets it). */
    public BooleanProperty explainRequestedProperty() {
        return explainRequested;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public StringProperty statusMessageProperty() {
        return statusMessage;
    }

    public StringProperty proxyStateProperty() {
        return proxyState;
    }

    public ConnectionViewModel connection() {
        return connection;
    }
}
