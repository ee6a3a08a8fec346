package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Records cache events as readable strings such as "add shop/web" or "status Ready[]". */
final class Recorder<T> implements CacheListener<T> {

    private final Function<T, String> id;
    private final List<String> events = new CopyOnWriteArrayList<>();

    Recorder(Function<T, String> id) {
        this.id = id;
    }

    static <T extends HasMetadata> Recorder<T> of() {
        return new Recorder<>(o -> (o.getMetadata().getNamespace() == null ? ""
                : o.getMetadata().getNamespace() + "/") + o.getMetadata().getName());
    }

    static Recorder<SecretSummary> ofSecrets() {
        return new Recorder<>(s -> s.namespace() + "/" + s.name());
    }

    @Override
    public void onAdd(T object) {
        events.add("add " + id.apply(object));
    }

    @Override
    public void onUpdate(T oldObject, T newObject) {
        events.add("update " + id.apply(newObject));
    }

    @Override
    public void onDelete(T object) {
        events.add("delete " + id.apply(object));
    }

    @Override
    public void onStatus(CacheStatus status) {
        events.add("status " + status);
    }

    boolean saw(String event) {
        return events.contains(event);
    }

    List<String> events() {
        return List.copyOf(events);
    }
}
