package dev.gatehouse.ui.draft;

import dev.gatehouse.app.Latest;
import dev.gatehouse.drafts.Draft;
import dev.gatehouse.session.DraftChecks;
import dev.gatehouse.session.RoutingService;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.ui.common.FxBackground;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Keeps every draft's {@link DraftChecks.Check} current, cheaply: a draft is checked again only when something it
 * depends on changed (its text, its live object's resourceVersion, the session's snapshot), each draft has its own
 * {@link Latest} so an older check never replaces a newer one, and checks of other drafts are not redone. Used on
 * the FX thread; checks run on the worker.
 */
final class DraftStatuses implements AutoCloseable {

    /** A finished check of one draft, delivered on the FX thread. */
    record Update(Draft draft, DraftChecks.Check check) {
    }

    /** Everything a check depends on; equal inputs give equal checks. */
    private record Input(Draft draft, Optional<HasMetadata> live, SessionSnapshot snapshot, RoutingService service) {
        Key key() {
            return new Key(withoutEditTime(draft),
                    live.map(l -> l.getMetadata().getResourceVersion()).orElse(null),
                    snapshot == null ? -1 : snapshot.sequence(), service);
        }
    }

    /** What decides whether a check is still current: the draft without its edit time, the service by identity. */
    private record Key(Draft draft, String liveResourceVersion, long snapshot, RoutingService service) {
    }

    /** The draft as a check sees it: its edit time does not count. */
    private static Draft withoutEditTime(Draft d) {
        return d.withYaml(d.yaml(), d.namespace(), d.name(), Instant.EPOCH);
    }

    /** True when a check of {@code a} holds for {@code b} too (they differ at most in when they were edited). */
    static boolean sameVersion(Draft a, Draft b) {
        return a.id().equals(b.id()) && withoutEditTime(a).equals(withoutEditTime(b));
    }

    private final DraftChecks checks;
    private final Executor worker;
    private final Consumer<Update> updated;
    private final Map<String, Latest<Input, Update>> latest = new HashMap<>();
    private final Map<String, Key> lastKey = new HashMap<>();
    private final Map<String, DraftChecks.Check> lastCheck = new HashMap<>();

    /** @param updated receives each newer check, on the FX thread */
    DraftStatuses(DraftChecks checks, Executor worker, Consumer<Update> updated) {
        this.checks = checks;
        this.worker = worker;
        this.updated = updated;
    }

    /** Checks {@code draft} unless nothing it depends on changed since the last check. */
    void check(Draft draft, Optional<HasMetadata> live, SessionSnapshot snapshot, RoutingService service) {
        Input input = new Input(draft, live, snapshot, service);
        Key key = input.key();
        if (Objects.equals(lastKey.get(draft.id()), key)) {
            return;
        }
        lastKey.put(draft.id(), key);
        latest.computeIfAbsent(draft.id(), id -> Latest.immediate(
                in -> new Update(in.draft(), checks.check(in.draft(), in.live(), in.snapshot(), in.service())),
                worker, FxBackground::onFx, this::deliver)).submit(input);
    }

    private void deliver(Update u) {
        if (latest.containsKey(u.draft().id())) {
            lastCheck.put(u.draft().id(), u.check());
            updated.accept(u);
        }
    }

    /** The newest check delivered for a draft, if any. */
    Optional<DraftChecks.Check> last(String id) {
        return Optional.ofNullable(lastCheck.get(id));
    }

    /** The draft is gone: drop its pending check. */
    void forget(String id) {
        Latest<Input, Update> l = latest.remove(id);
        lastKey.remove(id);
        lastCheck.remove(id);
        if (l != null) {
            l.close();
        }
    }

    @Override
    public void close() {
        latest.values().forEach(Latest::close);
        latest.clear();
        lastKey.clear();
        lastCheck.clear();
    }
}
