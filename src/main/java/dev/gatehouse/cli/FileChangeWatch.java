package dev.gatehouse.cli;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tells when something under the given files and directories may have changed, as soon as the
 * operating system says so (inotify on Linux). The caller still compares fingerprints: events are
 * hints. Directories created later are watched too. Where the platform has no native watching (the
 * JDK then polls every few seconds) the caller's own poll stays the backstop.
 */
final class FileChangeWatch implements AutoCloseable {

    private final WatchService service;
    private final Thread thread;
    private final Set<Path> watched = new HashSet<>();

    private FileChangeWatch(WatchService service, List<Path> paths, Runnable changed) {
        this.service = service;
        for (Path p : paths) {
            Path dir = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
            if (dir != null) {
                registerTree(dir);
            }
        }
        thread = new Thread(() -> loop(changed), "gatehouse-proxy-file-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching; empty when the file system cannot watch (the caller then only polls). */
    static Optional<FileChangeWatch> start(List<Path> paths, Runnable changed) {
        try {
            return Optional.of(new FileChangeWatch(FileSystems.getDefault().newWatchService(), paths, changed));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private void registerTree(Path dir) {
        try (Stream<Path> dirs = Files.walk(dir, 8)) {
            dirs.filter(Files::isDirectory).forEach(this::register);
        } catch (IOException | RuntimeException e) {
            register(dir);
        }
    }

    private void register(Path dir) {
        if (!watched.add(dir)) {
            return;
        }
        try {
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            watched.remove(dir); // unreadable or gone: the poll still covers it
        }
    }

    private void loop(Runnable changed) {
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir = (Path) key.watchable();
                for (var event : key.pollEvents()) {
                    if (event.context() instanceof Path name && Files.isDirectory(dir.resolve(name))) {
                        registerTree(dir.resolve(name));
                    }
                }
                key.reset();
                changed.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException ignored) {
            // nothing to release
        }
        thread.interrupt();
    }
}
