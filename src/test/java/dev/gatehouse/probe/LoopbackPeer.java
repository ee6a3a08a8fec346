package dev.gatehouse.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A misbehaving TCP peer on 127.0.0.1 for the bad-network cases: each connection gets one behaviour. */
final class LoopbackPeer implements AutoCloseable {

    /** What the peer does with a connection. */
    interface Behaviour {
        void serve(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.Semaphore connections = new java.util.concurrent.Semaphore(0);

    private LoopbackPeer(int backlog, Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
        if (behaviour == null) {
            return; // never accepts
        }
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.add(s);
                    connections.release();
                    Thread worker = new Thread(() -> {
                        try {
                            behaviour.serve(s);
                        } catch (IOException e) {
                            // the client went away
                        }
                    }, "loopback-peer-conn");
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "loopback-peer");
        t.setDaemon(true);
        t.start();
    }

    static LoopbackPeer serving(Behaviour behaviour) throws IOException {
        return new LoopbackPeer(50, behaviour);
    }

    /** Listens with a backlog of one and never accepts: once the backlog is full, new connections hang. */
    static LoopbackPeer neverAccepting() throws IOException {
        return new LoopbackPeer(1, null);
    }

    /** Waits until {@code n} connections have been accepted. */
    boolean awaitConnections(int n, java.time.Duration timeout) throws InterruptedException {
        return connections.tryAcquire(n, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    int port() {
        return server.getLocalPort();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    /** Reads what the client sends until it closes (or the socket is closed). */
    static void drain(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
            // ignore
        }
    }

    /** Waits for the ClientHello's first bytes. */
    static void awaitHello(Socket s) throws IOException {
        if (s.getInputStream().read(new byte[1024]) < 0) {
            throw new IOException("closed");
        }
    }

    static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
