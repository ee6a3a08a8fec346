package dev.gatehouse.ui.common.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link Settings} as a properties file in the user's config directory.
 * A missing, unreadable or corrupt file yields the defaults and a log line, never an exception;
 * writes go to a temporary file first and are moved into place, so a crash never leaves half a file.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            Settings d = Settings.defaults();
            return new Settings(
                    number(p, "window.x", d.windowX()),
                    number(p, "window.y", d.windowY()),
                    size(p, "window.width", d.windowWidth()),
                    size(p, "window.height", d.windowHeight()),
                    bool(p, "window.maximized"),
                    "dark".equals(p.getProperty("theme")),
                    text(p, "cluster.lastContext"),
                    text(p, "cluster.lastKubeconfig"));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Settings file {} is unreadable or corrupt ({}); using defaults", file, e.toString());
            return Settings.defaults();
        }
    }

    public void save(Settings s) {
        Properties p = new Properties();
        if (s.hasPosition()) {
            p.setProperty("window.x", Double.toString(s.windowX()));
            p.setProperty("window.y", Double.toString(s.windowY()));
        }
        p.setProperty("window.width", Double.toString(s.windowWidth()));
        p.setProperty("window.height", Double.toString(s.windowHeight()));
        p.setProperty("window.maximized", Boolean.toString(s.maximized()));
        p.setProperty("theme", s.darkTheme() ? "dark" : "light");
        s.lastContext().ifPresent(v -> p.setProperty("cluster.lastContext", v));
        s.lastKubeconfig().ifPresent(v -> p.setProperty("cluster.lastKubeconfig", v));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "Gatehouse settings");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not save settings to {}: {}", file, e.toString());
        }
    }

    private static double number(Properties p, String key, double fallback) {
        String v = p.getProperty(key);
        if (v == null) {
            return fallback;
        }
        double d = Double.parseDouble(v.trim());
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(key + " is not a finite number");
        }
        return d;
    }

    private static double size(Properties p, String key, double fallback) {
        double d = number(p, key, fallback);
        if (d < 200 || d > 20000) {
            throw new IllegalArgumentException(key + " out of range: " + d);
        }
        return d;
    }

    private static boolean bool(Properties p, String key) {
        return Boolean.parseBoolean(p.getProperty(key, "false").trim());
    }

    private static Optional<String> text(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
