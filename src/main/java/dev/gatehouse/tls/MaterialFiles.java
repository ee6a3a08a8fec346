package dev.gatehouse.tls;

import dev.gatehouse.input.BoundedFiles;
import dev.gatehouse.input.InputLimitException;
import dev.gatehouse.input.InputLimits;
import java.io.IOException;
import java.nio.file.Files;
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

    /** Reads one file under the given display name, with the default {@link InputLimits}. */
    public static ParsedMaterial file(Path file, String name, PasswordSource passwords) {
        return file(file, name, passwords, InputLimits.defaults());
    }

    /**
     * Reads one file under the given display name: at most {@link InputLimits#certificateFileBytes()}, also
     * from a FIFO or a device (see {@link BoundedFiles}).
     */
    public static ParsedMaterial file(Path file, String name, PasswordSource passwords, InputLimits limits) {
        byte[] bytes;
        try {
            bytes = new BoundedFiles(limits).read(file, name, BoundedFiles.Kind.CERTIFICATE);
        } catch (InputLimitException e) {
            return new ParsedMaterial(name, List.of(), List.of(), List.of(MaterialProblem.error(
                    e.isLimit() ? MaterialProblem.Kind.TOO_LARGE : MaterialProblem.Kind.UNREADABLE_FILE,
                    e.isLimit() ? e.getMessage() : cannotRead(name, e.reason()))));
        }
        return MaterialReaders.read(bytes, name, passwords, limits);
    }

    /** "Cannot read a.pem: it does not exist", "Cannot read a.pem: permission denied". */
    private static String cannotRead(String name, String reason) {
        String prefix = "cannot be read";
        return "Cannot read " + name + (reason.startsWith(prefix) ? reason.substring(prefix.length())
                : ": it " + reason);
    }

    private static ParsedMaterial unreadable(String name, Exception e) {
        String why = "read error (" + e.getClass().getSimpleName() + ")";
        return new ParsedMaterial(name, List.of(), List.of(), List.of(MaterialProblem.error(
                MaterialProblem.Kind.UNREADABLE_FILE, "Cannot read " + name + ": " + why)));
    }
}
