package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GatehouseCommandTest {
    private final AtomicReference<GuiOptions> launched = new AtomicReference<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = GatehouseCommand.commandLine(options -> {
            launched.set(options);
            return 0;
        });
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void noArgumentsOpensTheWindow() {
        assertThat(run()).isZero();
        assertThat(launched.get()).isEqualTo(GuiOptions.defaults());
    }

    @Test
    void demoFlagOpensTheWindowOnTheDemoCluster() {
        assertThat(run("--demo")).isZero();
        assertThat(launched.get().demo()).isTrue();
    }

    @Test
    void helpListsTheCommandsWithoutOpeningTheWindow() {
        assertThat(run("--help")).isZero();
        assertThat(launched.get()).isNull();
        assertThat(out.toString()).contains("Usage: gatehouse", "--demo", "--kubeconfig", "--version");
    }

    @Test
    void versionNamesAppJavaAndTlsProvider() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("Gatehouse ", "Java 17", "TLS provider: ");
    }

    @Test
    void missingKubeconfigIsAPlainError() {
        assertThat(run("--kubeconfig", "/no/such/file")).isEqualTo(2);
        assertThat(err.toString()).contains("no kubeconfig at /no/such/file");
        assertThat(launched.get()).isNull();
    }

    @Test
    void unknownOptionIsAPlainErrorWithUsage(@TempDir Path dir) throws Exception {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
        Path kc = Files.writeString(dir.resolve("kc"), "apiVersion: v1\nkind: Config\n");
        assertThat(run("--kubeconfig", kc.toString(), "--context", "prod")).isZero();
        assertThat(launched.get().context()).contains("prod");
    }
}
