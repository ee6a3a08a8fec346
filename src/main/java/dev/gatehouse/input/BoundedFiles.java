package dev.gatehouse.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way Gatehouse reads a file a user names: at most a limit of bytes, whatever the file claims to
 * be. A regular file (also a {@code /proc} file that reports size 0) is read up to the limit; anything
 * else (a FIFO, a pipe such as {@code <(cat cert.pem)}, {@code /dev/zero}) is read on a helper thread
 * that must reach the end of data within {@link InputLimits#streamTimeout()}, so an endless stream stops
 * at the limit and a FIFO nobody writes is given up instead of blocking forever.
 */
public final class BoundedFiles {

    /** What kind of input a file is, for the limit that applies and for messages. */
    public enum Kind {
        CERTIFICATE("certificate and key files"),
        MANIFEST("YAML and JSON manifests"),
        KUBECONFIG("kubeconfig files"),
        PASSWORD("password files");

        private final String plural;

        Kind(String plural) {
            this.plural = plural;
        }
    }

    private final InputLimits limits;

    public BoundedFiles(InputLimits limits) {
        this.limits = limits;
    }

    /** With the default limits. */
    public BoundedFiles() {
        this(InputLimits.defaults());
    }

    public InputLimits limits() {
        return limits;
    }

    /** The byte limit for a kind of file. */
    public long maxBytes(Kind kind) {
        return switch (kind) {
            case CERTIFICATE -> limits.certificateFileBytes();
            case MANIFEST -> limits.manifestFileBytes();
            case KUBECONFIG -> limits.kubeconfigFileBytes();
            case PASSWORD -> limits.passwordFileBytes();
        };
    }

    /**
     * The file's bytes.
     *
     * @param name the file's name in messages (often the path as given)
     * @throws InputLimitException when it is missing, not a file, unreadable, too large or a stream that
     *                             does not end in time
     */
    public byte[] read(Path file, String name, Kind kind) throws InputLimitException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (attributes.isDirectory()) {
            throw new InputLimitException(name, "is a directory, not a file", false);
        }
        long max = maxBytes(kind);
        if (attributes.isRegularFile()) {
            if (attributes.size() > max) {
                throw tooLarge(name, kind, max);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return bounded(in, name, kind, max);
            } catch (IOException e) {
                throw unreadable(name, e);
            }
        }
        return stream(file, name, kind, max);
    }

    /** The file as UTF-8 text (a byte-order mark is dropped); not UTF-8 is refused. */
    public String readText(Path file, String name, Kind kind) throws InputLimitException {
        return utf8(read(file, name, kind), name);
    }

    /** Strict UTF-8 decoding: malformed input is refused with a plain message. */
    public static String utf8(byte[] bytes, String name) throws InputLimitException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InputLimitException(name, "is not UTF-8 text", false);
        }
    }

    private byte[] stream(Path file, String name, Kind kind, long max) throws InputLimitException {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                result.complete(bounded(in, name, kind, max));
            } catch (InputLimitException | IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "gatehouse-stream-read");
        reader.setDaemon(true);
        reader.start();
        try {
            return result.get(limits.streamTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reader.interrupt(); // unblocks a read; an open() of a FIFO without a writer stays parked (daemon)
            throw new InputLimitException(name, "is not a regular file (a FIFO, pipe or device) and did not reach"
                    + " its end within the " + InputLimits.duration(limits.streamTimeout()) + " limit for streams; it was not read", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reader.interrupt();
            throw new InputLimitException(name, "was not read: interrupted", false);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InputLimitException limit) {
                throw limit;
            }
            throw unreadable(name, e.getCause());
        }
    }

    private static byte[] bounded(InputStream in, String name, Kind kind, long max)
            throws IOException, InputLimitException {
        byte[] bytes = in.readNBytes(Math.toIntExact(Math.min(max + 1, Integer.MAX_VALUE - 8)));
        if (bytes.length > max) {
            throw tooLarge(name, kind, max);
        }
        return bytes;
    }

    private static InputLimitException tooLarge(String name, Kind kind, long max) {
        return new InputLimitException(name, "is larger than the " + InputLimits.size(max) + " limit for "
                + kind.plural + "; it was not read", true);
    }

    private static InputLimitException unreadable(String name, Throwable e) {
        String why = e instanceof NoSuchFileException ? "does not exist"
                : e instanceof AccessDeniedException ? "cannot be read: permission denied"
                : e instanceof IOException && e.getMessage() != null && e.getMessage().contains("Is a directory")
                ? "is a directory, not a file"
                : "cannot be read (I/O error" + (e.getMessage() != null && e.getMessage().length() < 80
                        && !e.getMessage().contains("/") ? ": " + e.getMessage() : "") + ")";
        return new InputLimitException(name, why, false);
    }
}
