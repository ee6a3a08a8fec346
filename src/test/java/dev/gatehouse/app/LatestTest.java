package dev.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The latest-wins helper, driven by a hand-run executor and a hand-moved clock: no sleeps. */
class LatestTest {
    private static final Duration DEBOUNCE = Duration.ofMillis(250);

    private final ManualExecutor executor = new ManualExecutor();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> shown = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final AtomicInteger computations = new AtomicInteger();

    private Latest<String, String> latest(Function<String, String> compute) {
        return new Latest<>(in -> {
            computations.incrementAndGet();
            return compute.apply(in);
        }, executor, scheduler, DEBOUNCE, Runnable::run, new Latest.Sink<String>() {
            @Override
            public void result(String value) {
                shown.add(value);
            }

            @Override
            public void failed(Throwable error) {
                errors.add(error.getMessage());
            }
        });
    }

    @Test
    void aBurstOfSubmitsIsComputedOnceWithTheNewestInput() {
        Latest<String, String> l = latest(String::toUpperCase);
        l.submit("a");
        l.submit("b");
        l.submit("c");
        assertThat(executor.queued()).isZero();
        scheduler.advance(Duration.ofMillis(249));
        assertThat(executor.queued()).isZero();
        scheduler.advance(Duration.ofMillis(1));
        executor.runAll();
        assertThat(shown).containsExactly("C");
        assertThat(computations).hasValue(1);

        l.submit("d");
        scheduler.advance(DEBOUNCE);
        executor.runAll();
        assertThat(shown).containsExactly("C", "D");
    }

    @Test
    void submitNowSkipsTheWaitAndTheTimerOfTheBurst() {
        Latest<String, String> l = latest(String::toUpperCase);
        l.submit("a");
        l.submitNow("b");
        executor.runAll();
        scheduler.advance(DEBOUNCE);
        executor.runAll();
        assertThat(shown).containsExactly("B");
        assertThat(scheduler.armed()).isZero();
    }

    @Test
    void anOlderResultFinishingAfterANewerOneIsDropped() {
        Latest<String, String>[] self = new Latest[1];
        // The old computation is overtaken while it runs: the newer one starts, finishes and is shown first.
        self[0] = latest(in -> {
            if (in.equals("old")) {
                self[0].submitNow("new");
                executor.runNewest();
            }
            return in;
        });
        self[0].submitNow("old");
        executor.run(0);
        assertThat(shown).containsExactly("new");
    }

    @Test
    void aComputationNotBegunWhenANewerStartsIsSkipped() {
        Latest<String, String> l = latest(in -> in);
        l.submitNow("first");
        l.submitNow("second");
        executor.run(1);
        executor.run(0);
        assertThat(shown).containsExactly("second");
        assertThat(computations).hasValue(1);
    }

    @Test
    void failuresAreDeliveredAsFailuresUnderTheSameRule() {
        Latest<String, String> l = latest(in -> {
            if (in.startsWith("bad")) {
                throw new IllegalStateException("cannot compute " + in);
            }
            return in;
        });
        l.submitNow("bad input");
        executor.runAll();
        assertThat(errors).containsExactly("cannot compute bad input");
        l.submitNow("good");
        executor.runAll();
        assertThat(shown).containsExactly("good");
    }

    @Test
    void cancelDropsPendingAndInFlightWork() {
        Latest<String, String> l = latest(in -> in);
        l.submitNow("in flight");
        l.submit("pending");
        l.cancel();
        scheduler.advance(DEBOUNCE);
        executor.runAll();
        assertThat(shown).isEmpty();
        l.submitNow("after");
        executor.runAll();
        assertThat(shown).containsExactly("after");
    }

    @Test
    void closeStopsDelivery() {
        Latest<String, String> l = latest(in -> in);
        l.submitNow("in flight");
        l.close();
        l.submit("later");
        l.submitNow("later still");
        scheduler.advance(DEBOUNCE);
        executor.runAll();
        assertThat(shown).isEmpty();
        assertThat(computations).hasValue(0);
    }

    @Test
    void deliveryRunsOnTheGivenExecutor() {
        ManualExecutor fx = new ManualExecutor();
        List<String> got = new ArrayList<>();
        Latest<String, String> l = new Latest<>(in -> in, executor, scheduler, Duration.ZERO, fx, got::add);
        l.submit("x");
        executor.runAll();
        assertThat(got).isEmpty();
        fx.runAll();
        assertThat(got).containsExactly("x");
    }
}
