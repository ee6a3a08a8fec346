package dev.gatehouse.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

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

    /** The next line the process printed, for {@code CompletableFuture.supplyAsync} with a deadline. */
    static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
