package dev.gatehouse.proxy.server;

import java.util.function.Consumer;

/**
 * Where the proxy's access-log events go. {@link #wanted()} lets the I/O threads skip building events
 * nobody reads (the CLI with {@code --quiet}, like nginx's {@code access_log off}).
 */
@FunctionalInterface
public interface AccessLogSink extends Consumer<AccessLogEvent> {

    /** False while nobody listens; events are then not built at all. */
    default boolean wanted() {
        return true;
    }
}
