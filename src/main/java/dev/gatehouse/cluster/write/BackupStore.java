package dev.gatehouse.cluster.write;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local backups of objects taken before every cluster write, one folder each under
 * {@code <data>/backups/}. Secrets' backups hold private keys: folders are 0700 and files 0600.
 */
public final class BackupStore {
    private static final Logger LOG = LoggerFactory.getLogger(BackupStore.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private final Path root;

    public BackupStore(Path root) {
        this.root = root;
    }

    public Backup save(String kind, String namespace, String name, Optional<String> yaml, String reason, Instant now)
            throws IOException {
        String id = now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = root.resolve(id);
        Files.createDirectories(dir);
        restrict(root, "rwx------");
        restrict(dir, "rwx------");
        if (yaml.isPresent()) {
            Path f = dir.resolve("object.yaml");
            Files.createFile(f);
            restrict(f, "rw-------");
            Files.writeString(f, yaml.get(), StandardCharsets.UTF_8);
        }
        Properties p = new Properties();
        p.setProperty("kind", kind);
        p.setProperty("namespace", namespace == null ? "" : namespace);
        p.setProperty("name", name);
        p.setProperty("taken", now.toString());
        p.setProperty("reason", reason);
        p.setProperty("existed", Boolean.toString(yaml.isPresent()));
        Path meta = dir.resolve("backup.properties");
        try (Writer w = Files.newBufferedWriter(meta, StandardCharsets.UTF_8)) {
            p.store(w, "Gatehouse backup");
        }
        restrict(meta, "rw-------");
        return new Backup(id, kind, namespace, name, now, reason, yaml);
    }

    /** Newest first; unreadable backups are skipped with a log line. */
    public List<Backup> list() {
        List<Backup> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path d : dirs) {
                read(d).ifPresent(out::add);
            }
        } catch (IOException e) {
            LOG.warn("Could not list backups in {}: {}", root, e.toString());
        }
        out.sort(Comparator.comparing(Backup::taken).reversed().thenComparing(Backup::id, Comparator.reverseOrder()));
        return out;
    }

    public Optional<Backup> get(String id) {
        return read(root.resolve(id));
    }

    private Optional<Backup> read(Path dir) {
        Path meta = dir.resolve("backup.properties");
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            Path obj = dir.resolve("object.yaml");
            Optional<String> yaml = Boolean.parseBoolean(p.getProperty("existed")) && Files.isRegularFile(obj)
                    ? Optional.of(Files.readString(obj)) : Optional.empty();
            return Optional.of(new Backup(dir.getFileName().toString(), p.getProperty("kind"), p.getProperty("namespace"),
                    p.getProperty("name"), Instant.parse(p.getProperty("taken")), p.getProperty("reason", ""), yaml));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping unreadable backup {}: {}", dir, e.toString());
            return Optional.empty();
        }
    }

    private static void restrict(Path p, String perms) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        }
    }
}
