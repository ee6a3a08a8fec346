package dev.gatehouse.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

/** Writes the demo cluster's kubeconfig: one cluster, one user, one context, owner-only (0600). */
final class DemoKubeconfig {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private DemoKubeconfig() {
    }

    static String render(String context, String server, String caCertificatePem) {
        String ca = Base64.getEncoder().encodeToString(caCertificatePem.getBytes(StandardCharsets.US_ASCII));
        return """
                # Written by Gatehouse for its embedded demo cluster; valid only while the demo runs.
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                    certificate-authority-data: %3$s
                users:
                - name: %1$s
                  user:
                    # The demo API server does not check credentials. kubectl asks for a user name
                    # on HTTPS when a user has none, so this fixed token (not a secret) is set.
                    token: gatehouse-demo
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                current-context: %1$s
                preferences: {}
                """.formatted(context, server, ca);
    }

    /** Checks early, before anything starts, that the file can be written. */
    static void checkWritable(Path file) throws DemoClusterException {
        if (Files.isDirectory(file)) {
            throw new DemoClusterException("Cannot write the kubeconfig to " + file + ": it is a directory");
        }
        Path dir = file.getParent();
        for (Path ancestor = dir; ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor) && !Files.isDirectory(ancestor)) {
                throw new DemoClusterException("Cannot write the kubeconfig to " + file + ": " + ancestor
                        + " is a file, not a directory");
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DemoClusterException("Cannot write the kubeconfig to " + file + ": cannot create "
                    + dir + " (" + reason(e) + ")", e);
        }
        if (!Files.isWritable(dir)) {
            throw new DemoClusterException("Cannot write the kubeconfig to " + file + ": " + dir + " is not writable");
        }
    }

    /** Writes atomically (temp file + move), created owner-only where the file system is POSIX. */
    static void write(Path file, String text) throws DemoClusterException {
        Path dir = file.getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = posix
                    ? Files.createTempFile(dir, ".kubeconfig-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".kubeconfig-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (posix) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new DemoClusterException("Cannot write the kubeconfig to " + file + ": " + reason(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the temp file is owner-only
                }
            }
        }
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
