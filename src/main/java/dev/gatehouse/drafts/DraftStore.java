package dev.gatehouse.drafts;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * Drafts on disk, one folder each under {@code <data>/drafts/}: {@code draft.yaml} (the text being
 * edited), {@code base.yaml} (the live object it started from) and {@code draft.properties}. Every
 * save writes a temporary file and moves it into place, so a crash never leaves half a draft;
 * a draft folder that cannot be read is skipped with a log line, never fatal.
 */
public final class DraftStore {
    private static final Logger LOG = LoggerFactory.getLogger(DraftStore.class);
    private final Path root;

    public DraftStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A new draft id: sortable by creation time, unique (a random part follows the time). */
    public static String newId(Instant created) {
        return Long.toString(created.toEpochMilli(), 36) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public List<Draft> list() {
        List<Draft> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                read(dir).ifPresent(out::add);
            }
        } catch (IOException e) {
            LOG.warn("Could not list drafts in {}: {}", root, e.toString());
        }
        out.sort(Comparator.comparing(Draft::updated).reversed());
        return out;
    }

    public Optional<Draft> get(String id) {
        return read(root.resolve(id));
    }

    public void save(Draft d) throws IOException {
        Path dir = Files.createDirectories(root.resolve(d.id()));
        write(dir.resolve("draft.yaml"), d.yaml());
        if (d.baseYaml().isPresent()) {
            write(dir.resolve("base.yaml"), d.baseYaml().get());
        } else {
            Files.deleteIfExists(dir.resolve("base.yaml"));
        }
        Properties p = new Properties();
        p.setProperty("namespace", d.namespace());
        p.setProperty("name", d.name());
        p.setProperty("kind", d.kind().kind());
        if (!d.note().isEmpty()) {
            p.setProperty("note", d.note());
        }
        d.baseResourceVersion().ifPresent(v -> p.setProperty("baseResourceVersion", v));
        p.setProperty("updated", d.updated().toString());
        d.applied().ifPresent(t -> p.setProperty("applied", t.toString()));
        Path tmp = dir.resolve("draft.properties.tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Gatehouse draft");
        }
        move(tmp, dir.resolve("draft.properties"));
    }

    public void delete(String id) throws IOException {
        Path dir = root.resolve(id);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    private Optional<Draft> read(Path dir) {
        Path props = dir.resolve("draft.properties");
        Path yaml = dir.resolve("draft.yaml");
        if (!Files.isRegularFile(props) || !Files.isRegularFile(yaml)) {
            return Optional.empty();
        }
        try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            Path base = dir.resolve("base.yaml");
            return Optional.of(new Draft(dir.getFileName().toString(), p.getProperty("namespace", ""),
                    p.getProperty("name", ""), Files.readString(yaml),
                    Files.isRegularFile(base) ? Optional.of(Files.readString(base)) : Optional.empty(),
                    Optional.ofNullable(p.getProperty("baseResourceVersion")),
                    Instant.parse(p.getProperty("updated", Instant.EPOCH.toString())),
                    Optional.ofNullable(p.getProperty("applied")).map(Instant::parse),
                    DraftKind.named(p.getProperty("kind", "Ingress")), p.getProperty("note", "")));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping unreadable draft {}: {}", dir, e.toString());
            return Optional.empty();
        }
    }

    private static void write(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        move(tmp, target);
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
