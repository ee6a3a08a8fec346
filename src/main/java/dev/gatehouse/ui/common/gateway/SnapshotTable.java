package dev.gatehouse.ui.common.gateway;

import dev.gatehouse.cluster.CacheStatus;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.ResourceCache;
import dev.gatehouse.cluster.Subscription;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.SelectionKeeper;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The table half of a screen whose rows come from the session's routing snapshot (the Gateway API screens): the
 * rows of every snapshot (so the table follows the caches: every change of them brings a new snapshot), a text
 * filter, a count, the selection kept by key across snapshots and filtering, and the empty-state text from the
 * watched kind's cache. Rows are cheap to build (no parsing: the snapshot holds the analysis), so this runs on
 * the FX thread. No {@code Node}.
 *
 * @param <R> the row type
 */
public final class SnapshotTable<R> implements AutoCloseable {
    private final ObservableList<R> all = FXCollections.observableArrayList();
    private final FilteredList<R> filtered = new FilteredList<>(all, r -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObjectProperty<R> selected = new SimpleObjectProperty<>();
    private final SelectionKeeper<R> selection;
    private final Function<R, String> keyOf;
    private final Function<SessionSnapshot, List<R>> build;
    private final Function<ClusterSession, ResourceCache<?>> watched;
    private final String kinds;
    private final ReadOnlyObjectProperty<SessionSnapshot> snapshots;
    private final ReadOnlyObjectProperty<ClusterSession> sessions;
    private Subscription statusSubscription;

    /**
     * @param kinds   the plural shown in texts ("Gateways")
     * @param noun    singular and plural for the count ("listener", "listeners")
     * @param watched the cache whose status explains an empty table
     */
    public SnapshotTable(ReadOnlyObjectProperty<ClusterSession> sessions, ReadOnlyObjectProperty<SessionSnapshot> snapshots,
                         Function<SessionSnapshot, List<R>> build, Function<R, String> keyOf,
                         BiPredicate<R, String> matches, Function<ClusterSession, ResourceCache<?>> watched,
                         String kinds, String[] noun) {
        this.sessions = sessions;
        this.snapshots = snapshots;
        this.build = build;
        this.keyOf = keyOf;
        this.watched = watched;
        this.kinds = kinds;
        this.selection = new SelectionKeeper<>(selected, keyOf);
        filter.addListener((o, a, f) -> filtered.setPredicate(r -> matches.test(r, f)));
        count.bind(Bindings.createStringBinding(() -> {
            String n = all.size() == 1 ? noun[0] : noun[1];
            return filtered.size() == all.size() ? all.size() + " " + n : filtered.size() + " of " + all.size() + " " + n;
        }, filtered, all));
        snapshots.addListener((o, a, s) -> refresh());
        sessions.addListener((o, a, s) -> useSession(s));
        useSession(sessions.get());
    }

    private void useSession(ClusterSession s) {
        if (statusSubscription != null) {
            statusSubscription.cancel();
            statusSubscription = null;
        }
        selection.clear();
        if (s != null) {
            statusSubscription = watched.apply(s).onChange(() -> FxBackground.onFx(this::showStatus));
        }
        refresh();
    }

    /** Rebuilds the rows from the newest snapshot; unchanged rows keep their place and identity. */
    public void refresh() {
        SessionSnapshot snap = snapshots.get();
        List<R> rows = snap == null ? List.of() : build.apply(snap);
        merge(rows);
        selection.reselect(this::row);
        showStatus();
    }

    private void merge(List<R> rows) {
        boolean sameKeys = all.size() == rows.size();
        for (int i = 0; sameKeys && i < rows.size(); i++) {
            sameKeys = keyOf.apply(all.get(i)).equals(keyOf.apply(rows.get(i)));
        }
        if (!sameKeys) {
            all.setAll(rows);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!all.get(i).equals(rows.get(i))) {
                all.set(i, rows.get(i));
            }
        }
    }

    public Optional<R> row(String key) {
        return all.stream().filter(r -> keyOf.apply(r).equals(key)).findFirst();
    }

    private void showStatus() {
        ClusterSession s = sessions.get();
        if (s == null) {
            placeholder.set("Not connected: choose a context, or open the demo cluster");
            problem.set("");
            return;
        }
        CacheStatus st = watched.apply(s).status();
        problem.set(st instanceof CacheStatus.Forbidden f ? capitalise(f.message()) + "."
                : st instanceof CacheStatus.Failed f ? kinds + " could not be listed: " + f.message() : "");
        placeholder.set(st instanceof CacheStatus.NotServed ? "This cluster does not serve the Gateway API"
                + " (its CRDs are not installed): there are no " + kinds + " to show"
                : st instanceof CacheStatus.Syncing || snapshots.get() == null ? "Loading " + kinds + "…"
                : st instanceof CacheStatus.Ready ? "No " + kinds + " in this namespace scope" : kinds + " unavailable");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public ObservableList<R> rows() { return filtered; }
    public ObservableList<R> allRows() { return all; }
    public StringProperty filterProperty() { return filter; }
    public ReadOnlyStringProperty countProperty() { return count.getReadOnlyProperty(); }
    public ReadOnlyStringProperty placeholderProperty() { return placeholder.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ObjectProperty<R> selectedProperty() { return selected; }

    @Override
    public void close() {
        if (statusSubscription != null) {
            statusSubscription.cancel();
            statusSubscription = null;
        }
    }
}
