package dev.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses connections for as long as this object is open.
 *
 * <p>Closing a {@code ServerSocket} and reusing its port races with every other test that asks the
 * kernel for an ephemeral port: a TLS server started meanwhile can take it and the "connection
 * refused" test sees a handshake instead. A client socket that is bound but never listens keeps
 * the port reserved, and the kernel answers every connection attempt with a reset (ECONNREFUSED).
 */
public final class RefusedPort implements AutoCloseable {

    private final Socket holder;

    private RefusedPort(Socket holder) {
        this.holder = holder;
    }

    public static RefusedPort open() {
        try {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new RefusedPort(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return holder.getLocalPort();
    }

    @Override
    public void close() {
        try {
            holder.close();
        } catch (IOException ignored) {
            // nothing was ever sent on it
        }
    }
}
