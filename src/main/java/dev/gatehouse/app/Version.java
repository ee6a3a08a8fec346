package dev.gatehouse.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's version, read from the build-filtered {@code gatehouse-version.properties}. */
public final class Version {
    private static final String UNKNOWN = "dev";

    private Version() {
    }

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/gatehouse-version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties props = new Properties();
            props.load(in);
            String v = props.getProperty("version", UNKNOWN);
            return v.startsWith("${") ? UNKNOWN : v;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    public static String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor", "?") + ")";
    }
}
