package dev.gatehouse.tls;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads dropped or named files and folders: each file with {@link MaterialReaders} (format by content),
 * folders one level of sub-folders deep, hidden files skipped, at most {@link #MAX_FILES} files. Files
 * that cannot be read become {@link MaterialProblem.Kind#UNREADABLE_FILE} results, never exceptions.
 */
public final class MaterialFiles {

    public static final int MAX_FILES = 64;
    private static final int MAX_DEPTH = 2;

    private MaterialFiles() {
    }

    /** One result per file, in the order given (folder contents sorted by name). */
    public static List<ParsedMaterial> read(List<Path> paths, PasswordSource passwords) {
        List<ParsedMaterial> results = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                folder(path, passwords, results);
            } else {
                results.add(file(path, path.getFileName() == null ? path.toString() : path.getFileName().toString(),
                        passwords));
            }
            if (results.size() > MAX_FILES) {
                break;
            }
        }
        if (results.size() > MAX_FILES) {
            results.subList(MAX_FILES, results.size()).clear();
            results.add(new ParsedMaterial("", List.of(), List.of(), List.of(MaterialProblem.warning(
                    MaterialProblem.Kind.UNREADABLE_FILE, "Only the first " + MAX_FILES + " files were read"))));
        }
        return results;
    }

    private static void folder(Path dir, PasswordSource passwords, List<ParsedMaterial> results) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(dir.relativize(p)))
                    .sorted(Comparator.comparing(Path::toString)).limit(MAX_FILES + 1L).toList();
        } catch (IOException | RuntimeException e) {
            results.add(unreadable(dir.getFileName() + "/", e));
            return;
        }
        if (files.isEmpty()) {
            results.add(new ParsedMaterial(dir.getFileName() + "/", List.of(), List.of(), List.of(MaterialProblem.error(
                    MaterialProblem.Kind.NO_PEM_DATA, "The folder " + dir.getFileName() + " holds no files"))));
        }
        String base = dir.getFileName() == null ? "" : dir.getFileName() + "/";
        for (Path file : files) {
            results.add(file(file, base + dir.relativize(file), passwords));
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Reads one file under the given display name. */
    public static ParsedMaterial file(Path file, String name, PasswordSource passwords) {
        try {
            long size = Files.size(file);
            if (size > MaterialReaders.MAX_BYTES) {
                return new ParsedMaterial(name, List.of(), List.of(), List.of(MaterialProblem.error(
                        MaterialProblem.Kind.TOO_LARGE, name + " is " + String.format(java.util.Locale.ROOT,
                                "%.1f MB", size / (1024.0 * 1024.0)) + "; certificate and key files are a few"
                                + " kilobytes, so it was not read")));
            }
            return MaterialReaders.read(Files.readAllBytes(file), name, passwords);
        } catch (IOException | RuntimeException e) {
            return unreadable(name, e);
        }
    }

    private static ParsedMaterial unreadable(String name, Exception e) {
        String why = e instanceof NoSuchFileException ? "it does not exist"
                : e instanceof AccessDeniedException ? "permission denied"
                : "read error (" + e.getClass().getSimpleName() + ")";
        return new ParsedMaterial(name, List.of(), List.of(), List.of(MaterialProblem.error(
                MaterialProblem.Kind.UNREADABLE_FILE, "Cannot read " + name + ": " + why)));
    }
}
