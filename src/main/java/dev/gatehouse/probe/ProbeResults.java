package dev.gatehouse.probe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live probe results of one cluster session: the latest {@link HostReport} per host (the name sent as SNI and
 * {@code Host}), each with the time it was taken ({@link Observation#at()}, stamped by the probe's injected clock).
 * Every screen of the session reads the same store; a newer probe of a host replaces the older one.
 *
 * <p>Thread-safe. Listeners are called on the thread that {@linkplain #put puts} a report (a probe's worker
 * thread): UI listeners hop to their own thread.
 */
public final class ProbeResults {

    private final Map<String, HostReport> byHost = new LinkedHashMap<>();
    private final List<Consumer<HostReport>> listeners = new CopyOnWriteArrayList<>();

    /** Keeps the report as the host's latest and tells the listeners. */
    public void put(HostReport report) {
        synchronized (byHost) {
            HostReport old = byHost.get(report.host());
            if (old != null && old.observation().at().isAfter(report.observation().at())) {
                return; // a probe that started earlier finished later: the newer observation stays
            }
            byHost.put(report.host(), report);
        }
        listeners.forEach(l -> l.accept(report));
    }

    /** The latest report of this host, if it was probed in this session. */
    public Optional<HostReport> latest(String host) {
        synchronized (byHost) {
            return Optional.ofNullable(byHost.get(host));
        }
    }

    /** Every host's latest report, by host name. */
    public List<HostReport> all() {
        synchronized (byHost) {
            List<HostReport> out = new ArrayList<>(byHost.values());
            out.sort(Comparator.comparing(HostReport::host));
            return List.copyOf(out);
        }
    }

    /** When the host's latest report was taken. */
    public Optional<Instant> takenAt(String host) {
        return latest(host).map(r -> r.observation().at());
    }

    /** Calls {@code listener} with every report put from now on; run the returned action to stop. */
    public Runnable subscribe(Consumer<HostReport> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
