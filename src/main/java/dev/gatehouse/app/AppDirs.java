package dev.gatehouse.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Gatehouse keeps its files: a config directory (settings) and a data directory (logs,
 * backups, drafts, the local CA, the demo kubeconfig). Follows each OS's conventions; the system
 * property {@code gatehouse.home} puts both under one folder (used by tests and portable installs).
 */
public record AppDirs(Path config, Path data) {

    public static final String HOME_PROPERTY = "gatehouse.home";

    /** The directories for this user and OS. */
    public static AppDirs forCurrentUser() {
        String override = System.getProperty(HOME_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override);
            return new AppDirs(home.resolve("config"), home.resolve("data"));
        }
        Path userHome = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path roaming = env("APPDATA").orElse(userHome.resolve("AppData/Roaming"));
            Path local = env("LOCALAPPDATA").orElse(userHome.resolve("AppData/Local"));
            return new AppDirs(roaming.resolve("Gatehouse"), local.resolve("Gatehouse"));
        }
        if (os.contains("mac")) {
            Path support = userHome.resolve("Library/Application Support/Gatehouse");
            return new AppDirs(support, support);
        }
        Path config = env("XDG_CONFIG_HOME").orElse(userHome.resolve(".config"));
        Path data = env("XDG_DATA_HOME").orElse(userHome.resolve(".local/share"));
        return new AppDirs(config.resolve("gatehouse"), data.resolve("gatehouse"));
    }

    public Path logs() {
        return data.resolve("logs");
    }

    public Path settingsFile() {
        return config.resolve("settings.properties");
    }

    /** Creates the directory if needed and returns it. */
    public static Path ensure(Path dir) throws IOException {
        return Files.createDirectories(dir);
    }

    private static Optional<Path> env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }
}
