package dev.gatehouse.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The hostile-input corpus being written: files in one folder per area, and {@code index.tsv} with one
 * line per input ({@code area, command, file}). Commands: {@code cert} runs {@code cert inspect FILE},
 * {@code lint} runs {@code lint -f FILE}, {@code kube} runs {@code lint --kubeconfig FILE}. An input may be
 * a path outside the folder (a device) written as an absolute path.
 */
public final class Corpus {

    /** One input: where it lives and which command reads it. */
    public record Input(String area, String command, String path) {
        String line() {
            return area + "\t" + command + "\t" + path;
        }
    }

    private final Path root;
    private final boolean withStreams;
    private final List<Input> inputs = new ArrayList<>();
    final Random random = new Random(20261202);

    /** @param withStreams also FIFOs and devices (for bench/hostile.sh; the unit test leaves them out) */
    Corpus(Path root, boolean withStreams) {
        this.root = root;
        this.withStreams = withStreams;
    }

    boolean withStreams() {
        return withStreams;
    }

    public Path root() {
        return root;
    }

    public List<Input> inputs() {
        return inputs;
    }

    Path write(String area, String command, String name, byte[] content) {
        try {
            Path dir = Files.createDirectories(root.resolve(area));
            Path file = dir.resolve(name);
            Files.write(file, content);
            inputs.add(new Input(area, command, area + "/" + name));
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Path write(String area, String command, String name, String content) {
        return write(area, command, name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** An input that is not a file of the corpus (a device, a folder, a missing path). */
    void external(String area, String command, String path) {
        inputs.add(new Input(area, command, path));
    }

    /** A FIFO nobody writes, when streams are wanted and mkfifo exists. */
    void fifo(String area, String command, String name) {
        if (!withStreams) {
            return;
        }
        try {
            Path dir = Files.createDirectories(root.resolve(area));
            Process p = new ProcessBuilder("mkfifo", dir.resolve(name).toString()).start();
            if (p.waitFor() == 0) {
                inputs.add(new Input(area, command, area + "/" + name));
            }
        } catch (IOException e) {
            // no mkfifo here: the input is left out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void writeIndex() throws IOException {
        StringBuilder b = new StringBuilder("# area\tcommand\tinput (relative to this folder, or absolute)\n");
        inputs.forEach(i -> b.append(i.line()).append('\n'));
        Files.writeString(root.resolve("index.tsv"), b.toString());
    }

    // --- mutations shared by the areas

    /** The text cut at a random point. */
    String truncate(String text) {
        return text.substring(0, 1 + random.nextInt(Math.max(1, text.length() - 1)));
    }

    /** One random byte replaced by a random value. */
    byte[] flip(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        return copy;
    }

    /** One random line deleted or duplicated. */
    String lineEdit(String text, boolean delete) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        if (delete) {
            lines.remove(at);
        } else {
            lines.add(at, lines.get(at));
        }
        return String.join("\n", lines);
    }

    /** One random value ("key: value") replaced by a hostile scalar. */
    String valueSwap(String text) {
        String[] hostile = {"", "null", "[]", "{}", "~", "*nowhere", "!!binary AAAA", "0x1F", "1e999", "\"\\uD800\"",
            "-1", "99999999999999999999", "!!python/object:os.system", "{a: [b, {c: d}]}", "'''", "&a", "? x",
            "\"" + "x".repeat(5000) + "\"", "|", ">-", "@", "`", "%YAML 1.1", "!<tag:x>", "=", "yes", "NaN"};
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int tries = 0; tries < 20; tries++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            int colon = line.indexOf(": ");
            if (colon > 0) {
                lines.set(at, line.substring(0, colon + 2) + hostile[random.nextInt(hostile.length)]);
                break;
            }
        }
        return String.join("\n", lines);
    }
}
