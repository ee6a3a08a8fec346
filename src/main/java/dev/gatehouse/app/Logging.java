package dev.gatehouse.app;

import java.io.IOException;

/**
 * Points logback at the user's data directory. Must run before the first logger is created;
 * logback.xml reads the {@code gatehouse.logdir} property.
 */
public final class Logging {
    public static final String LOG_DIR_PROPERTY = "gatehouse.logdir";

    private Logging() {
    }

    public static void init(AppDirs dirs) {
        if (System.getProperty(LOG_DIR_PROPERTY) != null) {
            return;
        }
        try {
            AppDirs.ensure(dirs.logs());
            System.setProperty(LOG_DIR_PROPERTY, dirs.logs().toString());
        } catch (IOException | SecurityException e) {
            // No writable data directory: log into the temp directory rather than not at all.
            System.setProperty(LOG_DIR_PROPERTY, System.getProperty("java.io.tmpdir") + "/gatehouse-logs");
        }
    }
}
