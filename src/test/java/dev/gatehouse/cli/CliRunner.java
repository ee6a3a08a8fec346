package dev.gatehouse.cli;

import dev.gatehouse.tls.PemReader;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import picocli.CommandLine;

/** Runs a command the way picocli would, capturing stdout, stderr and the exit code. */
final class CliRunner {

    /** What a run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(CliRunner.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fixed "now" (2026-12-01) and the fixture root CA as the only trusted root. */
    static EngineFactory factory() {
        return EngineFactory.withRoots(Clock.fixed(TestCerts.NOW, ZoneOffset.UTC), () -> {
            try {
                String pem = Files.readString(fixture("root-ca.pem"));
                return new TrustAnchors(new PemReader().read(pem, "root-ca.pem").chain());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, ClusterSourceFactory.yamlFiles());
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
