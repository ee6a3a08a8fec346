package dev.gatehouse.proxy;

import io.netty.util.ResourceLeakDetector;
import java.util.Properties;

/**
 * Netty's buffer leak detection in the shipped application: off, unless the user asks for a level with
 * {@code -Dio.netty.leakDetection.level=…}.
 *
 * <p>Netty's default samples one buffer in 128 and records a stack trace for it; in the proxy that is
 * about 3% of the CPU per proxied request (async-profiler, keep-alive load), for reports that only a
 * developer reading the log could act on. Leaks are caught where they can be fixed: the test suite runs
 * every proxy test at {@code paranoid} and fails on a report (see the tests' {@code NettyLeakWatch}).
 */
public final class LeakDetectionDefault {

    static final String LEVEL_PROPERTY = "io.netty.leakDetection.level";
    /** The name Netty 4.0 used; Netty still reads it. */
    static final String LEGACY_LEVEL_PROPERTY = "io.netty.leakDetectionLevel";

    private LeakDetectionDefault() {
    }

    /** Applies the application's default to this JVM; call once at start-up, before the proxy runs. */
    public static void apply() {
        ResourceLeakDetector.Level level = levelFor(System.getProperties());
        if (level != null) {
            ResourceLeakDetector.setLevel(level);
        }
    }

    /** The level to set for these system properties, or null to leave the one the user chose. */
    static ResourceLeakDetector.Level levelFor(Properties properties) {
        boolean chosen = properties.getProperty(LEVEL_PROPERTY) != null
                || properties.getProperty(LEGACY_LEVEL_PROPERTY) != null;
        return chosen ? null : ResourceLeakDetector.Level.DISABLED;
    }
}
