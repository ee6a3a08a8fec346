package dev.gatehouse.cluster;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A kubeconfig that cannot be used: a missing or unreadable file, broken YAML, or a context
 * that refers to a cluster or user no file defines. The message is plain, names the file or
 * context, and never contains file content (which could hold credentials).
 */
public final class KubeconfigException extends Exception {

    private final transient Path file;

    public KubeconfigException(String message, Path file) {
        super(message);
        this.file = file;
    }

    /** The file the problem is in, when it is about one file. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
