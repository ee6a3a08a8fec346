package dev.gatehouse.ui.common.probe;

/**
 * What a screen's "Probe live" asks of the window: show the shared probe panel for this host and probe it now
 * (implemented by the window's {@link ProbeWindow}).
 */
@FunctionalInterface
public interface ProbeOpener {

    /** Shows the probe panel for {@code host} (the name sent as SNI) and starts a probe of it. */
    void probe(String host);

    /** Only the names one can connect to: exact host names, no wildcards, each once. */
    static java.util.List<String> exactHosts(java.util.List<String> names) {
        return names.stream().filter(h -> h != null && !h.isBlank() && !h.contains("*")).distinct().toList();
    }

    /** For screens shown without a window (tests): does nothing. */
    ProbeOpener NONE = host -> { };
}
