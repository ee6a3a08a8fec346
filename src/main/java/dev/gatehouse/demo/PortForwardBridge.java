package dev.gatehouse.demo;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.fabric8.mockwebserver.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pods/portforward} for the demo's Pods that stand for its controller: the WebSocket port-forward protocol
 * ({@code v4.channel.k8s.io}, as fabric8's client speaks it) bridged to a loopback address. The mock server's
 * WebSocket API streams both ways ({@link WebSocketListener#onMessage(WebSocket, byte[])} in,
 * {@link WebSocket#send(byte[])} out), so one WebSocket is one TCP connection to the target: every frame starts with
 * its channel byte (0 data, 1 error); the server's first frame on each channel carries the port, little-endian.
 * Sends block until written, so they run on this bridge's threads, never on the server's event loop.
 * One port per request ({@code ?ports=N}); SPDY (older kubectl) is answered 400.
 */
final class PortForwardBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortForwardBridge.class);
    private static final Pattern PATH = Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/?]+)/portforward(\\?.*)?$");
    private static final Pattern PORTS = Pattern.compile("(?:^|[?&])ports=([0-9]{1,5})(?:&|$)");
    private static final int CONNECT_MILLIS = 5_000;

    /** namespace/pod → pod port → where it is served. */
    private final Map<String, Map<Integer, InetSocketAddress>> pods = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    /** Open sessions, so that closing the bridge ends their connections. */
    private final java.util.Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "demo-port-forward-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Makes {@code namespace/pod}'s ports answer port-forwards, each at its loopback address. */
    void expose(String namespace, String pod, Map<Integer, InetSocketAddress> ports) {
        pods.put(namespace + "/" + pod, Map.copyOf(ports));
    }

    /** The answer to a port-forward request, or empty for any other request. */
    Optional<MockResponse> answer(RecordedRequest request) {
        Matcher m = PATH.matcher(request.getPath() == null ? "" : request.getPath());
        if (!m.matches()) {
            return Optional.empty();
        }
        String pod = m.group(1) + "/" + m.group(2);
        Map<Integer, InetSocketAddress> ports = pods.get(pod);
        if (ports == null) {
            return Optional.of(status(404, "NotFound", "pods \"" + m.group(2) + "\" not found"));
        }
        String upgrade = String.valueOf(request.getHeader("Upgrade"));
        if (!upgrade.equalsIgnoreCase("websocket")) {
            return Optional.of(status(400, "BadRequest", "the demo API server forwards ports over WebSocket"
                    + " (v4.channel.k8s.io) only, not " + upgrade));
        }
        Matcher port = PORTS.matcher(m.group(3) == null ? "" : m.group(3));
        if (!port.find()) {
            return Optional.of(status(400, "BadRequest", "query parameter \"ports\" is required"));
        }
        int number = Integer.parseInt(port.group(1));
        return Optional.of(new MockResponse().withWebSocketUpgrade(new Session(pod, number,
                Optional.ofNullable(ports.get(number)))));
    }

    private static MockResponse status(int code, String reason, String message) {
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\""
                + message.replace("\"", "\\\"") + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}";
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** One forwarded connection: a WebSocket on one side, a TCP connection to the target on the other. */
    private final class Session extends WebSocketListener {
        private final String pod;
        private final int port;
        private final Optional<InetSocketAddress> target;
        /** Serialises connecting and writing to the target, in the order frames arrive. */
        private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "demo-port-forward-write-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        private final Socket socket = new Socket();

        Session(String pod, int port, Optional<InetSocketAddress> target) {
            this.pod = pod;
            this.port = port;
            this.target = target;
            sessions.add(this);
        }

        @Override
        public void onOpen(WebSocket ws, Response response) {
            run(() -> {
                byte[] number = {(byte) (port & 0xff), (byte) (port >> 8 & 0xff)};
                ws.send(new byte[] {0, number[0], number[1]});
                ws.send(new byte[] {1, number[0], number[1]});
                if (target.isEmpty()) {
                    error(ws, "error forwarding port " + port + " to pod " + pod + ": nothing listens on port "
                            + port + " of this Pod");
                    return;
                }
                try {
                    socket.connect(target.get(), CONNECT_MILLIS);
                } catch (IOException e) {
                    error(ws, "error forwarding port " + port + " to pod " + pod + ": " + e.getMessage());
                    return;
                }
                pumps.execute(() -> pump(ws));
            });
        }

        /** Target → WebSocket, each read as one data frame; the end of the target's stream closes the WebSocket. */
        private void pump(WebSocket ws) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = socket.getInputStream()) {
                int n;
                while ((n = in.read(buffer, 1, buffer.length - 1)) >= 0) {
                    buffer[0] = 0;
                    if (!ws.send(Arrays.copyOf(buffer, n + 1))) {
                        break;
                    }
                }
            } catch (IOException e) {
                LOG.debug("Port-forward to {}:{} ended: {}", pod, port, e.toString());
            }
            ws.close(1000, "");
            closeSocket();
        }

        @Override
        public void onMessage(WebSocket ws, byte[] bytes) {
            if (bytes.length < 2 || bytes[0] != 0) {
                return; // an empty data frame, or a channel the client should not write to
            }
            byte[] data = Arrays.copyOfRange(bytes, 1, bytes.length);
            run(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(data);
                    out.flush();
                } catch (IOException e) {
                    LOG.debug("Port-forward to {}:{}: writing failed: {}", pod, port, e.toString());
                    closeSocket();
                }
            });
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            closeSocket();
        }

        @Override
        public void onClosed(WebSocket ws, int code, String reason) {
            closeSocket();
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            closeSocket();
        }

        private void error(WebSocket ws, String message) {
            byte[] text = message.getBytes(StandardCharsets.UTF_8);
            byte[] frame = new byte[text.length + 1];
            frame[0] = 1;
            System.arraycopy(text, 0, frame, 1, text.length);
            ws.send(frame);
            ws.close(1000, "");
            closeSocket();
        }

        private void run(Runnable task) {
            try {
                writer.execute(task);
            } catch (RejectedExecutionException closed) {
                // the session has ended
            }
        }

        private void closeSocket() {
            sessions.remove(this);
            writer.shutdown();
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("Closing a port-forward socket failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        List.copyOf(sessions).forEach(Session::closeSocket);
        pumps.shutdownNow();
    }
}
