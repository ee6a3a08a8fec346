package dev.gatehouse.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes kubeconfig files for tests. */
final class KubeconfigFiles {

    /** The bearer token of every test user: it must never show up anywhere. */
    static final String TOKEN = "tkn-SUPERSECRET-4711";

    private KubeconfigFiles() {
    }

    /** A kubeconfig with one context {@code name} pointing at {@code server}, token auth. */
    static Path single(Path dir, String fileName, String context, String server, String namespace) {
        return write(dir, fileName, """
                apiVersion: v1
                kind: Config
                current-context: %1$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s-cluster
                    user: %1$s-user
                    namespace: %3$s
                clusters:
                - name: %1$s-cluster
                  cluster:
                    server: %2$s
                users:
                - name: %1$s-user
                  user:
                    token: %4$s
                """.formatted(context, server, namespace, TOKEN));
    }

    static Path write(Path dir, String fileName, String content) {
        try {
            return Files.writeString(dir.resolve(fileName), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
