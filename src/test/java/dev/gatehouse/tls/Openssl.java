package dev.gatehouse.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the openssl command line tool in a folder, for independent cross-checks. */
public record Openssl(Path dir) {

    /** What one openssl run printed (stdout and stderr together) and returned. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** True when an openssl binary answers {@code openssl version}. */
    public static boolean available() {
        try {
            return new Openssl(Path.of(".")).run("version").ok();
        } catch (IOException e) {
            return false;
        }
    }

    public Result run(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Runs and fails with openssl's output when it does not exit 0. */
    public String ok(String... args) throws IOException {
        Result r = run(args);
        if (!r.ok()) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed:\n" + r.output());
        }
        return r.output();
    }
}
