package dev.gatehouse.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-connection timeout behind the slow-request guard and the backend response timeout. */
class DeadlineTest {

    private final EmbeddedChannel loop = new EmbeddedChannel();
    private final AtomicInteger expired = new AtomicInteger();
    private final Deadline deadline;

    DeadlineTest() {
        loop.freezeTime();
        deadline = new Deadline(loop.eventLoop(), expired::incrementAndGet);
    }

    private void advance(long millis) {
        loop.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        loop.runScheduledPendingTasks();
    }

    @Test
    void expiresOnceWhenNotRearmedAndNeverWhenDisarmed() {
        deadline.arm(TimeUnit.SECONDS.toNanos(5));
        advance(4_999);
        assertThat(expired).hasValue(0);
        advance(1);
        assertThat(expired).hasValue(1);
        assertThat(deadline.armed()).isFalse();
        advance(60_000);
        assertThat(expired).as("once").hasValue(1);

        deadline.arm(TimeUnit.SECONDS.toNanos(5));
        deadline.disarm();
        advance(60_000);
        assertThat(expired).hasValue(1);
        loop.finishAndReleaseAll();
    }

    @Test
    void rearmingPostponesAndAShorterDeadlineIsKeptOnTime() {
        deadline.arm(TimeUnit.SECONDS.toNanos(5));
        advance(3_000);
        deadline.arm(TimeUnit.SECONDS.toNanos(5)); // now due at 8 s, the pending timer still fires at 5 s
        advance(3_000);
        assertThat(expired).as("postponed past the first timer").hasValue(0);
        advance(2_000);
        assertThat(expired).hasValue(1);

        deadline.arm(TimeUnit.SECONDS.toNanos(60));
        deadline.arm(TimeUnit.SECONDS.toNanos(2)); // shorter than the pending 60 s timer
        advance(2_000);
        assertThat(expired).as("not late behind the long timer").hasValue(2);
        loop.finishAndReleaseAll();
    }

    @Test
    void closeCancelsThePendingTimer() {
        deadline.arm(TimeUnit.SECONDS.toNanos(1));
        deadline.close();
        advance(5_000);
        assertThat(expired).hasValue(0);
        assertThat(loop.runScheduledPendingTasks()).as("no timer left").isEqualTo(-1);
        loop.finishAndReleaseAll();
    }
}
