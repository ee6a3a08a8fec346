package dev.gatehouse.cluster;

import java.util.Objects;
import java.util.Optional;

/** Which namespaces a session watches: all of them, or exactly one. */
public sealed interface NamespaceScope {

    /** Every namespace ("All namespaces"). */
    static NamespaceScope all() {
        return All.INSTANCE;
    }

    /** Exactly one namespace. */
    static NamespaceScope only(String namespace) {
        return new Only(namespace);
    }

    /** The namespace, or empty for all namespaces. */
    Optional<String> namespace();

    /** "in namespace shop" or "in any namespace", for messages. */
    String describe();

    /** Whether an object in {@code namespace} is inside this scope. */
    default boolean contains(String namespace) {
        return namespace().map(ns -> ns.equals(namespace)).orElse(true);
    }

    /** All namespaces. */
    enum All implements NamespaceScope {
        INSTANCE;

        @Override
        public Optional<String> namespace() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "in any namespace";
        }

        @Override
        public String toString() {
            return "all namespaces";
        }
    }

    /** One namespace. */
    record Only(String name) implements NamespaceScope {
        public Only {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("namespace must not be blank");
            }
        }

        @Override
        public Optional<String> namespace() {
            return Optional.of(name);
        }

        @Override
        public String describe() {
            return "in namespace " + name;
        }
    }
}
