package dev.gatehouse.proxy.server;

import io.netty.channel.IoHandlerFactory;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket transport of the proxy. On Linux, io_uring when the kernel offers it: the socket operations
 * of one event-loop turn go to the kernel in one system call, so a backend on the same machine is woken
 * once for a batch of requests instead of once per request (in {@code bench/proxy-vs-nginx.sh} about a
 * third less CPU per request than epoll). Native epoll when io_uring is switched off (containers' seccomp
 * profiles and {@code kernel.io_uring_disabled} often do), Java NIO elsewhere (macOS, Windows).
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
     * (io_uring when it asks for none); each transport skipped is logged with the reason.
     */
    public static Transport best() {
        Transport start = requested();
        if (start == IO_URING && ioUringAvailable()) {
            return IO_URING;
        }
        if (start != NIO && epollAvailable()) {
            return EPOLL;
        }
        return NIO;
    }

    /** The transport to use when this one cannot be set up: epoll after io_uring (if it loads), else NIO. */
    public Transport fallback() {
        return this == IO_URING && epollAvailable() ? EPOLL : NIO;
    }

    /** True when {@code -Dgatehouse.proxy.transport=nio} asks for Java NIO. */
    public static boolean nioRequested() {
        return requested() == NIO;
    }

    /** True when the transport is one of Linux's native ones. */
    public boolean isNative() {
        return this != NIO;
    }

    private static Transport requested() {
        String asked = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        return switch (asked) {
            case "", "io_uring", "iouring", "io-uring" -> IO_URING;
            case "epoll" -> EPOLL;
            case "nio" -> NIO;
            default -> {
                LOG.warn("-D{}={} is not a socket transport (io_uring, epoll or nio); using the best available",
                        PROPERTY, asked);
                yield IO_URING;
            }
        };
    }

    private static boolean ioUringAvailable() {
        try {
            if (IoUring.isAvailable()) {
                return true;
            }
            LOG.info("io_uring is not available ({}); the proxy uses epoll",
                    IoUring.unavailabilityCause() == null ? "unknown reason" : IoUring.unavailabilityCause().toString());
        } catch (LinkageError e) {
            LOG.info("io_uring is not on this platform ({})", e.toString());
        }
        return false;
    }

    private static boolean epollAvailable() {
        try {
            if (Epoll.isAvailable()) {
                return true;
            }
            LOG.info("Native epoll is not available ({}); the proxy uses Java NIO",
                    Epoll.unavailabilityCause() == null ? "unknown reason" : Epoll.unavailabilityCause().toString());
        } catch (LinkageError e) {
            LOG.info("Native epoll is not on this platform ({}); the proxy uses Java NIO", e.toString());
        }
        return false;
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
