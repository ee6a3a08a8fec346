package dev.gatehouse.cluster;

/**
 * Changes of a {@link ResourceCache}, delivered in order through the session's callback
 * executor. {@code onAdd} may report an object already returned by {@link ResourceCache#list()}
 * (subscribe first, then list): treat it as "add or replace".
 */
public interface CacheListener<T> {

    default void onAdd(T object) {
    }

    default void onUpdate(T oldObject, T newObject) {
    }

    default void onDelete(T object) {
    }

    default void onStatus(CacheStatus status) {
    }
}
