package dev.gatehouse.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one headless sub-command (e.g. {@code demo-cluster …} or {@code proxy …}) as its own process, for
 * the tests that send it signals. The application's Main also starts the GUI; this one never does.
 */
final class SubcommandMain {

    private SubcommandMain() {
    }

    public static void main(String[] args) {
        System.exit(GatehouseCommand.commandLine(options -> {
            throw new IllegalStateException("no GUI in a sub-command test");
        }).execute(args));
    }

    /**
     * Starts {@code gatehouse ARGS…} in a child JVM with the test class path, quiet logging (stdout keeps
     * the command's own output), its home in {@code dir/home} and its stderr in {@code dir/stderr.txt}.
     */
    static Process start(Path dir, String... args) throws IOException {
        return start(dir, java.util.Map.of(), args);
    }

    /** {@link #start(Path, String...)} with more environment variables (e.g. {@code KUBECONFIG}). */
    static Process start(Path dir, java.util.Map<String, String> env, String... args) throws IOException {
        Path logback;
        try {
            logback = Path.of(SubcommandMain.class.getResource("subprocess-quiet-logback.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + logback, "-Dgatehouse.home=" + dir.resolve("home"),
                "-cp", System.getProperty("java.class.path"), SubcommandMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The next line the process printed, for {@code CompletableFuture.supplyAsync} with a deadline. */
    static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
