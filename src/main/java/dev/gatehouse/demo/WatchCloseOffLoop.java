package dev.gatehouse.demo;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * A watch's WebSocket listener whose close and failure handling runs off the mock server's event loop.
 * fabric8's mock waits there (up to a minute) for its event sender to finish, and that sender waits
 * (up to 30 s) for the same event loop to write: when a client closed a watch while an event was on its
 * way (switching namespace, say), the whole demo API server stopped answering for 30 s.
 */
final class WatchCloseOffLoop extends WebSocketListener {

    private final WebSocketListener delegate;
    private final ExecutorService closer;
    private final WatchListenerRegistry registry;

    WatchCloseOffLoop(WebSocketListener delegate, ExecutorService closer, WatchListenerRegistry registry) {
        this.delegate = delegate;
        this.closer = closer;
        this.registry = registry;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
        delegate.onBeforeAccept(webSocket, response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        delegate.onOpen(webSocket, response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        delegate.onMessage(webSocket, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        delegate.onMessage(webSocket, bytes);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
        delegate.onMessage(webSocket, bytes);
    }

    @Override
    public void onPing(WebSocket webSocket, byte[] bytes) {
        delegate.onPing(webSocket, bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        delegate.onClosing(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        registry.forget(delegate); // on the loop: no event reaches a watch that is shutting down
        offLoop(() -> delegate.onClosed(webSocket, code, reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
        registry.forget(delegate);
        offLoop(() -> delegate.onFailure(webSocket, failure, response));
    }

    private void offLoop(Runnable task) {
        Runnable tolerant = () -> {
            try {
                task.run();
            } catch (RejectedExecutionException loopGone) {
                // The server shut its event loop down first: the socket went with it, nothing is left to close.
            }
        };
        try {
            closer.execute(tolerant);
        } catch (RejectedExecutionException stopping) {
            // The server is shutting down; still never on the loop, which the shutdown itself needs.
            closerThread(tolerant).start();
        }
    }

    /** A daemon thread for a watch's close handling (the closers' pool makes its threads here too). */
    static Thread closerThread(Runnable task) {
        Thread thread = new Thread(task, "demo-api-watch-close");
        thread.setDaemon(true);
        return thread;
    }
}
