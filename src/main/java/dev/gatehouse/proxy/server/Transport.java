package dev.gatehouse.proxy.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket transport of the proxy. On Linux, io_uring when the kernel offers it: the socket operations
 * of one event-loop turn go to the kernel in one system call, so a backend on the same machine is woken
 * once for a batch of requests instead of once per request (see docs/performance.md, "Local proxy against nginx").
 * Native epoll when io_uring is switched off (containers' seccomp profiles and
 * {@code kernel.io_uring_disabled} often do), Java NIO elsewhere (macOS, Windows).
 * {@code -Dgatehouse.proxy.transport=io_uring|epoll|nio} asks for one; an unavailable choice falls back
 * down that list, saying why. Event loops and channels of one proxy always come from the same transport.
 */
public enum Transport {
    IO_URING("io_uring"),
    EPOLL("epoll"),
    NIO("NIO");

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final String PROPERTY = "gatehouse.proxy.transport";

    private final String display;

    Transport(String display) {
        this.display = display;
    }

    /**
     * The first available of io_uring, epoll and NIO, starting from the one the system property asks for
     * (io_uring when it asks for none). Why a native transport is unavailable is logged once.
     */
    public static Transport best() {
        Transport start = requested();
        if (start == IO_URING && Availability.IO_URING) {
            return IO_URING;
        }
        if (start != NIO && Availability.EPOLL) {
            return EPOLL;
        }
        return NIO;
    }

    /** The transport to use when this one cannot be set up: epoll after io_uring (if it loads), else NIO. */
    public Transport fallback() {
        return this == IO_URING && Availability.EPOLL ? EPOLL : NIO;
    }

    /**
     * This transport if an event loop can be set up on it now, else the first of its fallbacks that can:
     * the transport a proxy started now would really use (for the self-check).
     */
    public Transport verified() {
        return firstWorking(this, transport -> {
            EventLoopGroup probe = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
            probe.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            return transport;
        });
    }

    /**
     * Sets something up on {@code start}, or on its fallbacks in turn while setting up fails (e.g. io_uring
     * passes the probe but the kernel refuses this process's rings: a locked-memory limit). Each failure
     * is logged with its reason; when NIO fails too, its failure is thrown with the others suppressed.
     */
    static <T> T firstWorking(Transport start, Function<Transport, T> setUp) {
        Transport transport = start;
        RuntimeException earlier = null;
        while (true) {
            try {
                return setUp.apply(transport);
            } catch (RuntimeException | LinkageError e) {
                RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                if (earlier != null) {
                    failure.addSuppressed(earlier);
                }
                if (transport == NIO) {
                    throw failure;
                }
                earlier = failure;
                Transport next = transport.fallback();
                LOG.warn("{} could not be set up for the proxy ({}); it uses {}", transport.display, reason(e),
                        next.display);
                transport = next;
            }
        }
    }

    /** True when {@code -Dgatehouse.proxy.transport=nio} asks for Java NIO. */
    public static boolean nioRequested() {
        return requested() == NIO;
    }

    /** True on Linux unless NIO was asked for: a native transport should then load (else it is a packaging fault). */
    public static boolean nativeExpected() {
        return Availability.LINUX && !nioRequested();
    }

    /** True when the transport is one of Linux's native ones. */
    public boolean isNative() {
        return this != NIO;
    }

    /** What is wrong with {@code -Dgatehouse.proxy.transport}, when it names no transport (for the CLI to print). */
    public static Optional<String> requestProblem() {
        String asked = System.getProperty(PROPERTY, "").trim();
        return parse(asked).isPresent() ? Optional.empty() : Optional.of("-D" + PROPERTY + "=" + asked
                + " is not a socket transport (io_uring, epoll or nio); the proxy uses the best available");
    }

    private static Transport requested() {
        Optional<String> problem = requestProblem();
        problem.ifPresent(LOG::warn);
        return problem.isPresent() ? IO_URING : parse(System.getProperty(PROPERTY, "").trim()).orElseThrow();
    }

    private static Optional<Transport> parse(String asked) {
        return switch (asked.toLowerCase(Locale.ROOT)) {
            case "", "io_uring", "iouring", "io-uring" -> Optional.of(IO_URING);
            case "epoll" -> Optional.of(EPOLL);
            case "nio" -> Optional.of(NIO);
            default -> Optional.empty();
        };
    }

    /** The innermost message of a failure: Netty wraps the kernel's reason in its own exceptions. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    /** Whether each native transport loads here: probed once per JVM (on Linux only), the reason logged once. */
    private static final class Availability {
        static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
        static final boolean IO_URING = LINUX && probe("io_uring", IoUring::isAvailable, IoUring::unavailabilityCause);
        static final boolean EPOLL = LINUX && probe("Native epoll", Epoll::isAvailable, Epoll::unavailabilityCause);

        private static boolean probe(String name, BooleanSupplier available, Supplier<Throwable> cause) {
            try {
                if (available.getAsBoolean()) {
                    return true;
                }
                Throwable why = cause.get();
                LOG.info("{} is not available here: {}", name, why == null ? "unknown reason" : reason(why));
            } catch (LinkageError e) {
                LOG.info("{} is not available here: {}", name, e.toString());
            }
            return false;
        }
    }

    IoHandlerFactory ioHandlerFactory() {
        return switch (this) {
            case IO_URING -> IoUringIoHandler.newFactory();
            case EPOLL -> EpollIoHandler.newFactory();
            case NIO -> NioIoHandler.newFactory();
        };
    }

    Class<? extends ServerSocketChannel> serverChannel() {
        return switch (this) {
            case IO_URING -> IoUringServerSocketChannel.class;
            case EPOLL -> EpollServerSocketChannel.class;
            case NIO -> NioServerSocketChannel.class;
        };
    }

    Class<? extends SocketChannel> socketChannel() {
        return switch (this) {
            case IO_URING -> IoUringSocketChannel.class;
            case EPOLL -> EpollSocketChannel.class;
            case NIO -> NioSocketChannel.class;
        };
    }

    /** {@code io_uring}, {@code epoll} or {@code NIO}, for the listening line and the About box. */
    public String display() {
        return display;
    }
}
