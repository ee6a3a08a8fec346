package dev.gatehouse.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One replay of a corpus through both proxies of a {@link SideBySide}: each request over a real connection to
 * each proxy ({@link ReplayClient}, a few in flight at once), the answers turned into {@link Observed}
 * ({@link RealObserved}) and compared field by field as the engine diff compares; a difference is explained by the
 * traps and by the engine's own diff of the same request. Cancelled by the flag or the caller's interrupt, checked
 * before every request; each request is bounded by the timeout, so a cancel takes effect within it.
 */
final class Replay {

    static final String STAND_IN_CAVEAT = "real responses from two local proxies; the backends are Gatehouse's"
            + " stand-in echo servers, one per Service port (not your Pods): each reports the Service port it stands"
            + " for, the path and Host it received and whether the proxy came over TLS. A verified re-encryption"
            + " (BackendTLSPolicy, proxy-ssl-verify) fails against them: their certificate is their own";
    static final String WEIGHT_CAVEAT = "weighted backends: the Gateway proxy takes the first backend with a weight"
            + " (as the engine diff does); the local Ingress proxy does not apply ingress-nginx canary weights";

    private final SideBySide sides;
    private final List<Probe> corpus;
    private final SideBySide.Progress progress;
    private final BooleanSupplier cancelled;

    Replay(SideBySide sides, List<Probe> corpus, SideBySide.Progress progress, BooleanSupplier cancelled) {
        this.sides = sides;
        this.corpus = List.copyOf(corpus);
        this.progress = progress == null ? (d, t) -> { } : progress;
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    private record Pair(ReplayClient.Answer old, ReplayClient.Answer neu) {
    }

    DiffReport run() throws InterruptedException {
        long start = System.nanoTime();
        BehaviourDiff engine = sides.engine();
        int total = corpus.size();
        List<Observed> engineOld = new ArrayList<>(total);
        List<Observed> engineNew = new ArrayList<>(total);
        Map<String, String> certificates = new LinkedHashMap<>(sides.certificates());
        for (Probe p : corpus) {
            Observed was = engine.before(p);
            Observed now = engine.after(p);
            engineOld.add(was);
            engineNew.add(now);
            RealObserved.named(was.explanation()).ifPresent(e -> certificates.putIfAbsent(e.getKey(), e.getValue()));
            RealObserved.named(now.explanation()).ifPresent(e -> certificates.putIfAbsent(e.getKey(), e.getValue()));
        }
        Pair[] answers = send(total);
        Map<Integer, Integer> oldPorts = sides.localToListener(false);
        Map<Integer, Integer> newPorts = sides.localToListener(true);
        List<Difference> out = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Probe p = corpus.get(i);
            Observed was = RealObserved.of("old (Ingress) proxy", answers[i].old(), engineOld.get(i).explanation(),
                    oldPorts, certificates);
            Observed now = RealObserved.of("new (Gateway) proxy", answers[i].neu(), engineNew.get(i).explanation(),
                    newPorts, certificates);
            Optional<Difference> real = engine.compare(p, was, now);
            if (real.isPresent()) {
                LinkedHashSet<String> why = new LinkedHashSet<>(real.get().explanations());
                engine.compare(p, engineOld.get(i), engineNew.get(i)).ifPresent(d -> why.addAll(d.explanations()));
                out.add(new Difference(p, was, now, real.get().fields(), List.copyOf(why)));
            }
        }
        List<String> caveats = new ArrayList<>(List.of(STAND_IN_CAVEAT, WEIGHT_CAVEAT));
        caveats.addAll(engine.caveats(corpus));
        return new DiffReport(total, out, caveats, java.time.Duration.ofNanos(System.nanoTime() - start));
    }

    private Pair[] send(int total) throws InterruptedException {
        Pair[] answers = new Pair[total];
        ReplayClient client = new ReplayClient(sides.options().timeout());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        int threads = Math.max(1, Math.min(sides.options().parallelism(), total));
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gatehouse-replay-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        if (stop.get() || cancelled.getAsBoolean()) {
                            stop.set(true);
                            return;
                        }
                        var q = corpus.get(i).request();
                        answers[i] = new Pair(client.send(sides.address(false, q.https(), q.port()), q),
                                client.send(sides.address(true, q.https(), q.port()), q));
                        progress.update(done.incrementAndGet(), total);
                    }
                }));
            }
            for (Future<?> f : workers) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the replay failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            stop.set(true);
            throw e;
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        if (stop.get() && done.get() < total) {
            throw new InterruptedException("the replay was cancelled after " + done.get() + " of " + total
                    + " requests");
        }
        return answers;
    }
}
