package dev.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AppClockTest {
    private static final Clock BASE = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void unsetOrBlankLeavesTheClockWhereItIs() {
        assertThat(AppClock.shifted(BASE, null).instant()).isEqualTo(BASE.instant());
        assertThat(AppClock.shifted(BASE, "  ").instant()).isEqualTo(BASE.instant());
        assertThat(AppClock.notice(null, BASE)).isEmpty();
    }

    @Test
    void daysMoveTheClockAhead() {
        assertThat(AppClock.shifted(BASE, "P730D").instant()).isEqualTo(Instant.parse("2028-11-30T12:00:00Z"));
        assertThat(AppClock.shifted(BASE, " P1DT2H ").instant()).isEqualTo(Instant.parse("2026-12-02T14:00:00Z"));
    }

    @Test
    void negativeOffsetsMoveItBack() {
        assertThat(AppClock.shifted(BASE, "PT-5H").instant()).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
        assertThat(AppClock.offset("-P1D")).contains(Duration.ofDays(-1));
    }

    @Test
    void theMovedClockIsUtcAndKeepsTicking() {
        Clock moved = AppClock.shifted(BASE, "P730D");
        assertThat(moved.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(AppClock.system().getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void somethingThatIsNotADurationIsRefusedNamingVariableAndValue() {
        assertThatThrownBy(() -> AppClock.offset("730 days"))
                .isInstanceOf(AppClock.InvalidOffsetException.class)
                .hasMessage("GATEHOUSE_CLOCK_OFFSET=730 days: not an ISO-8601 duration (e.g. P730D)");
        assertThatThrownBy(() -> AppClock.shifted(BASE, "P730"))
                .hasMessage("GATEHOUSE_CLOCK_OFFSET=P730: not an ISO-8601 duration (e.g. P730D)");
    }

    @Test
    void yearsAndMonthsAreRefusedWithAHint() {
        assertThatThrownBy(() -> AppClock.offset("P2Y"))
                .hasMessage("GATEHOUSE_CLOCK_OFFSET=P2Y: years and months have no fixed length, give days instead (e.g. P730D)");
        assertThatThrownBy(() -> AppClock.offset("P1M"))
                .hasMessageContaining("years and months");
        assertThat(AppClock.offset("PT1M")).contains(Duration.ofMinutes(1));
    }

    @Test
    void theStartUpNoticeSaysByHowMuchAndWhatNowIs() {
        Clock moved = AppClock.shifted(BASE, "P730D");
        assertThat(AppClock.notice("P730D", moved))
                .contains("Clock moved by P730D (GATEHOUSE_CLOCK_OFFSET): now is 2028-11-30T12:00:00Z");
    }
}
