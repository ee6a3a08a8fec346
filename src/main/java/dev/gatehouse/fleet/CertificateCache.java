package dev.gatehouse.fleet;

import dev.gatehouse.tls.LeafSummary;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * What each distinct {@code tls.crt} of a fleet came to, keyed by the SHA-256 of its bytes: a fleet holds the same
 * certificates in many clusters and namespaces (wildcards, copies per namespace, one issuer's chain everywhere), and
 * parsing one costs far more than hashing its bytes and looking the hash up.
 * Shared by all contexts of a scan and by later scans of the same owner (the Fleet screen keeps one).
 *
 * <p>Bounded: at most {@code capacity} contents, the least recently used dropped first (a dropped one is simply
 * analysed again). Thread-safe; when several contexts meet the same new content at once, it is analysed once and the
 * others wait for that analysis. The analyses do not depend on "now": rows take days left and the expiry band from
 * the validity dates at their scan's instant.
 */
public final class CertificateCache {

    /** Enough for the distinct certificates of a large fleet; well under 1 KB each. */
    public static final int DEFAULT_CAPACITY = 20_000;

    /**
     * What one {@code tls.crt} content came to: the leaf's summary, or why it cannot be read. Exactly one is present.
     *
     * @param info    the leaf certificate's summary
     * @param problem a plain sentence: why the content holds no readable certificate
     */
    public record Analysis(Optional<LeafSummary> info, Optional<String> problem) {

        public Analysis {
            if (info.isPresent() == problem.isPresent()) {
                throw new IllegalArgumentException("exactly one of info and problem");
            }
        }

        static Analysis of(LeafSummary info) {
            return new Analysis(Optional.of(info), Optional.empty());
        }

        static Analysis unreadable(String problem) {
            return new Analysis(Optional.empty(), Optional.of(problem));
        }
    }

    private final int capacity;
    private final Map<String, FutureTask<Analysis>> entries;

    /** A cache of {@link #DEFAULT_CAPACITY} contents. */
    public CertificateCache() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity how many distinct contents are kept (at least 1) */
    public CertificateCache(int capacity) {
        this.capacity = Math.max(1, capacity);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FutureTask<Analysis>> eldest) {
                return size() > CertificateCache.this.capacity;
            }
        };
    }

    /**
     * The analysis of {@code content}: the one already made for the same bytes, else {@code analyse}'s (kept).
     *
     * @param content the {@code tls.crt} bytes (PEM or DER)
     * @param analyse makes the analysis; must not throw
     */
    public Analysis get(byte[] content, Function<byte[], Analysis> analyse) {
        Objects.requireNonNull(analyse, "analyse");
        String key = sha256(content);
        FutureTask<Analysis> task;
        boolean mine = false;
        synchronized (entries) {
            task = entries.get(key);
            if (task == null) {
                task = new FutureTask<>(() -> analyse.apply(content));
                entries.put(key, task);
                mine = true;
            }
        }
        if (mine) {
            task.run();
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            synchronized (entries) {
                entries.remove(key, task);
            }
            return analyse.apply(content);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return analyse.apply(content);
        }
    }

    /** How many contents are kept (at most the capacity). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** The capacity given. */
    public int capacity() {
        return capacity;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
