package dev.gatehouse.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Which socket transport the proxy picks: io_uring when the kernel offers it, else epoll, else NIO, and
 * what {@code -Dgatehouse.proxy.transport} changes. The expectations follow what this machine offers, so
 * the test means the same in a container whose seccomp profile forbids io_uring.
 */
class TransportTest {

    private static final String PROPERTY = "gatehouse.proxy.transport";

    private static Transport bestNative() {
        if (IoUring.isAvailable()) {
            return Transport.IO_URING;
        }
        return Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO;
    }

    @Test
    void withoutAChoiceTheFastestAvailableTransportIsUsed() {
        assertThat(with(null, Transport::best)).isEqualTo(bestNative());
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            assertThat(bestNative().isNative()).as("a Linux build carries io_uring and epoll").isTrue();
        }
    }

    @Test
    void eachTransportCanBeAskedFor() {
        assertThat(with("nio", Transport::best)).isEqualTo(Transport.NIO);
        assertThat(with("NIO", Transport::nioRequested)).isTrue();
        assertThat(with("epoll", Transport::best)).isEqualTo(Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO);
        assertThat(with("io_uring", Transport::best)).isEqualTo(bestNative());
        assertThat(with("epoll", Transport::nioRequested)).isFalse();
    }

    @Test
    void anUnknownChoiceIsIgnoredRatherThanFatal() {
        assertThat(with("kqueue", Transport::best)).isEqualTo(bestNative());
    }

    @Test
    void io_uringFallsBackToEpollWhereEpollLoadsAndEpollToNio() {
        assertThat(Transport.IO_URING.fallback()).isEqualTo(Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO);
        assertThat(Transport.EPOLL.fallback()).isEqualTo(Transport.NIO);
        assertThat(Transport.NIO.isNative()).isFalse();
    }

    private static <T> T with(String value, Supplier<T> call) {
        String before = System.getProperty(PROPERTY);
        try {
            if (value == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, value);
            }
            return call.get();
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }
}
