package dev.gatehouse.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An {@code openssl s_server -www} on 127.0.0.1, started and stopped by a test (it waits for "ACCEPT"). */
public final class SServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final StringBuilder output = new StringBuilder();

    private SServer(Path dir, List<String> args) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-www"));
        command.addAll(args);
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.contains("ACCEPT")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // process ended
            }
            ready.complete(false);
        }, "s_server-output");
        reader.setDaemon(true);
        reader.start();
        boolean up;
        try {
            up = ready.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            up = false;
        }
        if (!up) {
            process.destroyForcibly();
            throw new IOException("openssl s_server " + args + " did not start:\n" + output());
        }
    }

    /** Starts {@code openssl s_server -www} with these further arguments, files relative to {@code dir}. */
    public static SServer start(Path dir, String... args) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return new SServer(dir, List.of(args));
            } catch (IOException e) {
                // the free port we picked was taken by a parallel test before openssl bound it
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("in use")) {
                    throw e;
                }
            }
        }
    }

    public int port() {
        return port;
    }

    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
