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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket transport of the proxy: Linux's native epoll when it loads (fewer system calls and no
 * selector garbage per event), Java NIO elsewhere or when {@code -Dgatehouse.proxy.transport=nio} asks for
 * it. Event loops and channels of one proxy always come from the same transport.
 */
public enum Transport {
    EPOLL("epoll"),
    NIO("NIO");

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final String PROPERTY = "gatehouse.proxy.transport";

    private final String display;

    Transport(String display) {
        this.display = display;
    }

    /** Epoll when available and not switched off, else NIO (the reason is logged). */
    public static Transport best() {
        if (nioRequested()) {
            return NIO;
        }
        try {
            if (Epoll.isAvailable()) {
                return EPOLL;
            }
            LOG.info("Native epoll is not available ({}); the proxy uses Java NIO",
                    Epoll.unavailabilityCause() == null ? "unknown reason" : Epoll.unavailabilityCause().toString());
        } catch (LinkageError e) {
            LOG.info("Native epoll is not on this platform ({}); the proxy uses Java NIO", e.toString());
        }
        return NIO;
    }

    /** True when {@code -Dgatehouse.proxy.transport=nio} asks for Java NIO. */
    public static boolean nioRequested() {
        return "nio".equalsIgnoreCase(System.getProperty(PROPERTY, ""));
    }

    IoHandlerFactory ioHandlerFactory() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    Class<? extends ServerSocketChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    Class<? extends SocketChannel> socketChannel() {
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** {@code epoll} or {@code NIO}, for the listening line and the About box. */
    public String display() {
        return display;
    }
}
