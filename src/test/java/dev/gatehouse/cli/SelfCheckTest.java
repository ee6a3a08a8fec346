package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.proxy.route.TlsProvider;
import io.netty.handler.ssl.SslProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SelfCheckTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void passesWithBoringSslAndBouncyCastleOnTheClassPath() {
        int code = new SelfCheck().run(new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Gatehouse ", "Java 17", "TLS provider: BoringSSL",
                "BouncyCastle: BC 1.87", "BoringSSL: server context", "Self-check passed.")
                .containsPattern("Proxy sockets: (io_uring|epoll)\n");
    }

    @Test
    void failsWithAPlainMessageWhenBoringSslIsMissing() {
        TlsProvider jdkOnly = new TlsProvider(SslProvider.JDK, "JDK 17 (BoringSSL unavailable: test)");

        int code = new SelfCheck(() -> jdkOnly).run(new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("TLS provider: JDK 17", "BouncyCastle: BC").doesNotContain("passed");
        assertThat(err.toString()).contains("BoringSSL did not load", "Self-check failed (1 problem)")
                .doesNotContain("Exception");
    }

    @Test
    void isAnOptionOfTheRootCommandAndDoesNotOpenTheWindow() {
        CommandLine cl = GatehouseCommand.commandLine(options -> {
            throw new AssertionError("the window must not open");
        });
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        assertThat(cl.execute("--self-check")).isZero();
        assertThat(out.toString()).contains("Self-check passed.");
    }
}
