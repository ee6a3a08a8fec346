package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.proxy.server.Transport;
import io.netty.channel.epoll.Epoll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When io_uring is chosen but its rings cannot be set up (a locked-memory limit, a kernel that refuses the
 * ring size), the proxy still starts, on epoll, and serves. Netty reads its io_uring settings once per
 * JVM, so the refusal is provoked in a child JVM with a ring size io_uring cannot take (not a power of two).
 */
class IoUringFallbackTest {

    @Test
    void aProxyWhoseIoUringCannotBeSetUpServesOnEpoll(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("child.txt");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dio.netty.iouring.ringSize=100000", Child.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("the child proxy finished").isTrue();
        } finally {
            child.destroyForcibly();
        }
        String output = Files.readString(log);

        assertThat(child.exitValue()).as(output).isZero();
        String expected = Epoll.isAvailable() ? Transport.EPOLL.display() : Transport.NIO.display();
        assertThat(output).as(output).contains("served on " + expected + ": 200")
                .contains("io_uring could not be set up for the proxy", "it uses " + expected);
    }

    /** Starts the test proxy on io_uring, sends one HTTPS request and prints what served it. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            try (ProxyFixture fixture = new ProxyFixture(ProxyFixture.testConfig(), Transport.IO_URING)) {
                int status = fixture.https("shop.test", "/cart").status();
                System.out.println("served on " + fixture.proxy.transport() + ": " + status);
            }
            System.exit(0); // the fixture's backends leave non-daemon threads behind
        }
    }
}
