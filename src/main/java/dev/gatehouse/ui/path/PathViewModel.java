package dev.gatehouse.ui.path;

import dev.gatehouse.app.Latest;
import dev.gatehouse.cluster.CacheStatus;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.ui.common.FxBackground;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Path screen: which Ingress or host to draw, the diagram the session's routing snapshot gives for it,
 * the "explain a request" box and the selected box's details. The diagram is recomputed off the FX thread
 * (a {@link Latest}: results of outdated computations are dropped) whenever the routing service publishes a
 * snapshot, the target changes or a request is explained.
 */
public final class PathViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PathViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What one computation needs. */
    private record Input(ClusterSession session, SessionSnapshot snapshot, PathTarget wanted,
                         Optional<ProbeRequest> probe, boolean follow) {
    }

    /** What one computation produced. */
    private record Result(ClusterSession session, List<PathTarget> targets, PathTarget target, PathDiagram diagram,
                          String failure) {
    }

    private final ObservableList<PathTarget> targets = FXCollections.observableArrayList();
    private final ObjectProperty<PathTarget> target = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<PathDiagram> diagram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper("");
    private final StringProperty method = new SimpleStringProperty("GET");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty sni = new SimpleStringProperty("");
    private final StringProperty headers = new SimpleStringProperty("");
    private final BooleanProperty noSni = new SimpleBooleanProperty();
    private final ObjectProperty<ClientCertificate.Presence> clientCertificate =
            new SimpleObjectProperty<>(ClientCertificate.Presence.NONE);
    private final ReadOnlyStringWrapper explainError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>();
    private final PathSelection selection = new PathSelection();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectProperty<SessionSnapshot> snapshots;
    private final Executor worker;
    private final Clock clock;
    private final Latest<Input, Result> latest;
    private ClusterSession session;
    private ProbeRequest request;
    private boolean followRequest;
    private boolean applying;

    /**
     * @param sessionSource the connection's session (null when not connected)
     * @param snapshots     the session's routing snapshots, on the FX thread (null until the first one)
     * @param worker        runs the computations
     * @param clock         "now" for the "Updated" line
     */
    public PathViewModel(ReadOnlyObjectProperty<ClusterSession> sessionSource,
                         ReadOnlyObjectProperty<SessionSnapshot> snapshots, Executor worker, Clock clock) {
        this.snapshots = snapshots;
        this.worker = worker;
        this.clock = clock;
        this.latest = Latest.immediate(this::compute, worker, FxBackground::onFx, new Latest.Sink<Result>() {
            @Override
            public void result(Result r) {
                apply(r);
            }

            @Override
            public void failed(Throwable e) {
                LOG.warn("Path view computation failed: {}", e.toString(), e);
                apply(new Result(session, List.of(), null, null, "The path could not be computed: " + e.getMessage()));
            }
        });
        snapshots.addListener((o, a, snap) -> recompute());
        target.addListener((o, a, t) -> {
            if (!applying && t != null && (a == null || !a.key().equals(t.key()))) {
                recompute();
            }
        });
        diagram.addListener((o, a, d) -> selection.refresh(d));
        sessionSource.addListener((o, a, s) -> use(s));
        use(sessionSource.get());
    }

    private void use(ClusterSession s) {
        latest.cancel();
        session = s;
        applying = true;
        targets.clear();
        target.set(null);
        applying = false;
        diagram.set(null);
        explanation.set(null);
        if (s == null) {
            placeholder.set("Not connected: choose a context, or open the demo cluster.");
            return;
        }
        placeholder.set("Loading Ingresses…");
        recompute();
    }

    /** Starts a computation on the newest snapshot now; a later one supersedes it. */
    private void recompute() {
        ClusterSession s = session;
        SessionSnapshot snap = snapshots.get();
        if (s == null || snap == null) {
            return;
        }
        Optional<ProbeRequest> probe = Optional.ofNullable(request);
        boolean follow = followRequest;
        followRequest = false;
        latest.submit(new Input(s, snap, target.get(), probe, follow));
    }

    private Result compute(Input in) {
        RoutingSnapshot snapshot = in.snapshot().routing();
        PathDiagramBuilder builder = new PathDiagramBuilder(snapshot, in.snapshot().report());
        List<PathTarget> all = builder.targets();
        Optional<Explanation> explained = in.probe().map(snapshot::explain);
        PathTarget chosen = choose(in.wanted(), all, explained, in.follow());
        return new Result(in.session(), all, chosen, chosen == null ? null : builder.build(chosen, explained), null);
    }

    /** Keeps the wanted target while it exists; after "Explain", moves to the Ingress that took the request. */
    static PathTarget choose(PathTarget wanted, List<PathTarget> all, Optional<Explanation> explained, boolean follow) {
        Optional<PathTarget> current = wanted == null ? Optional.empty()
                : all.stream().filter(t -> t.key().equals(wanted.key())).findFirst();
        if (follow && explained.isPresent()) {
            boolean shown = current.isPresent() && current.get() instanceof PathTarget.HostTarget h
                    && explained.get().route().map(r -> r.host().equals(h.host().isEmpty() ? "(any host)" : h.host()))
                    .orElse(false);
            if (!shown) {
                Optional<PathTarget> taken = PathDiagramBuilder.targetOf(explained.get(), all);
                if (taken.isPresent()) {
                    return taken.get();
                }
            }
        }
        return current.orElse(all.isEmpty() ? null : all.get(0));
    }

    private void apply(Result r) {
        ClusterSession s = r.session();
        if (s != session || s == null) {
            return;
        }
        applying = true;
        try {
            if (!targets.equals(r.targets())) {
                targets.setAll(r.targets());
            }
            target.set(r.target());
        } finally {
            applying = false;
        }
        diagram.set(r.diagram());
        explanation.set(r.diagram() == null ? null : r.diagram().explanation().orElse(null));
        updated.set("Updated " + LocalTime.now(clock.withZone(ZoneId.systemDefault())).format(TIME));
        if (r.failure() != null) {
            placeholder.set(r.failure());
        } else if (r.targets().isEmpty()) {
            boolean loading = s.ingresses().status() instanceof CacheStatus.Syncing;
            placeholder.set(loading ? "Loading Ingresses…" : "No Ingresses or Gateways in this namespace scope.");
        } else {
            placeholder.set("");
        }
    }

    /** Explains the request of the explain box; the lane it takes lights up. */
    public void explain() {
        ProbeRequest.Parsed parsed = ProbeRequest.parse(method.get(), url.get());
        if (parsed instanceof ProbeRequest.Invalid invalid) {
            explainError.set(invalid.message());
            return;
        }
        ProbeRequest r = ((ProbeRequest.Valid) parsed).request();
        if (noSni.get()) {
            r = r.withSni(Optional.empty());
        } else if (sni.get() != null && !sni.get().isBlank()) {
            r = r.withSni(Optional.of(sni.get().trim()));
        }
        r = r.withClientCertificate(new ClientCertificate(clientCertificate.get(), Optional.empty()));
        try {
            r = r.withHeaders(dev.gatehouse.routing.route.RequestHeaders.parseLine(headers.get()));
        } catch (IllegalArgumentException e) {
            explainError.set("Headers: " + e.getMessage() + ", e.g. X-Canary: always; X-Team: ops");
            return;
        }
        if (session == null) {
            explainError.set("Not connected: there is no cluster to explain the request against.");
            return;
        }
        explainError.set("");
        request = r;
        followRequest = true;
        recompute();
    }

    /** Forgets the explained request. */
    public void clearExplain() {
        request = null;
        explainError.set("");
        explanation.set(null);
        recompute();
    }

    /** A file name for the exported diagram, e.g. {@code path-payments-checkout.png}. */
    public String suggestedFileName() {
        PathTarget t = target.get();
        String name = t == null ? "diagram" : t.key().replaceFirst("^[a-z]+:", "").replace('*', '_')
                .replaceAll("[^A-Za-z0-9._-]+", "-");
        return "path-" + (name.isEmpty() ? "any-host" : name) + ".png";
    }

    /** Reports the outcome of an export (or any other short action) in the screen's message line. */
    void say(String text) {
        message.set(text);
    }

    public ObservableList<PathTarget> targets() { return targets; }
    public ObjectProperty<PathTarget> targetProperty() { return target; }
    public ReadOnlyObjectProperty<PathDiagram> diagramProperty() { return diagram.getReadOnlyProperty(); }
    public ReadOnlyStringProperty placeholderProperty() { return placeholder.getReadOnlyProperty(); }
    public ReadOnlyStringProperty updatedProperty() { return updated.getReadOnlyProperty(); }
    public StringProperty methodProperty() { return method; }
    public StringProperty urlProperty() { return url; }
    public StringProperty sniProperty() { return sni; }
    /** Request headers routes may match on, {@code Name: value; Name: value} (Gateway API header matches). */
    public StringProperty headersProperty() { return headers; }
    public BooleanProperty noSniProperty() { return noSni; }
    public ObjectProperty<ClientCertificate.Presence> clientCertificateProperty() { return clientCertificate; }
    public ReadOnlyStringProperty explainErrorProperty() { return explainError.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Explanation> explanationProperty() { return explanation.getReadOnlyProperty(); }
    public PathSelection selection() { return selection; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    Executor worker() { return worker; }

    @Override
    public void close() {
        use(null);
        latest.close();
    }
}
