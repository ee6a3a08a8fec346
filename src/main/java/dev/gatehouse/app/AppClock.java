package dev.gatehouse.app;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place that provides "now". Everything that judges time (expiry, days left, relative times,
 * backups, drafts, the demo's certificate dates) is given the {@link Clock} from {@link #system()};
 * nothing else in the main code reads the system clock (ClockRuleTest enforces it).
 *
 * <p>The clock can be moved with the environment variable {@value #OFFSET_VARIABLE}, an ISO-8601
 * duration as {@link Duration#parse} reads it: days, hours, minutes and seconds, possibly negative
 * ({@code P730D}, {@code PT-5H}, {@code -P1DT2H}). Years and months ({@code P2Y}) are refused: they
 * have no fixed length. Being in the environment, the offset reaches the app, the CLI and forked
 * test JVMs alike; {@code GATEHOUSE_CLOCK_OFFSET=P730D} makes a test that mixes a fixed date with
 * the real one fail today rather than in two years.
 */
public final class AppClock {

    /** The environment variable that moves the clock. */
    public static final String OFFSET_VARIABLE = "GATEHOUSE_CLOCK_OFFSET";

    /** ISO-8601 period with years or months, e.g. {@code P2Y}, {@code P1Y6M}, {@code P1M2DT3H}. */
    private static final Pattern YEARS_OR_MONTHS = Pattern.compile("(?i)[-+]?P([-+]?\\d+[YM])+([-+]?\\d+D)?(T.*)?");

    private AppClock() {
    }

    /**
     * The system UTC clock, moved by {@value #OFFSET_VARIABLE} when it is set.
     *
     * @throws InvalidOffsetException when the variable is set but is not a duration
     */
    public static Clock system() {
        return shifted(Clock.systemUTC(), System.getenv(OFFSET_VARIABLE));
    }

    /**
     * The real system clock, never moved. The one documented use is measuring how long the process
     * took to show its first window ({@code ui.StartupProbe}): the process start time is real.
     */
    public static Clock unshifted() {
        return Clock.systemUTC();
    }

    /**
     * {@code base} moved by an offset value as found in the environment.
     *
     * @param offsetValue the variable's value; {@code null} or blank: not moved
     * @throws InvalidOffsetException when the value is not a duration
     */
    public static Clock shifted(Clock base, String offsetValue) {
        return offset(offsetValue).map(d -> Clock.offset(base, d)).orElse(base);
    }

    /**
     * Parses an offset value as found in the environment.
     *
     * @param value the variable's value; {@code null} or blank: no offset
     * @return the offset, empty when there is none (or it is zero)
     * @throws InvalidOffsetException naming the variable and the value when it is not a duration
     */
    public static Optional<Duration> offset(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            Duration d = Duration.parse(text);
            return d.isZero() ? Optional.empty() : Optional.of(d);
        } catch (DateTimeParseException e) {
            throw new InvalidOffsetException(value, yearsOrMonths(text)
                    ? "years and months have no fixed length, give days instead (e.g. P730D)"
                    : "not an ISO-8601 duration (e.g. P730D)");
        }
    }

    /**
     * What to log once at start-up when the clock is moved, e.g. {@code Clock moved by P730D
     * (GATEHOUSE_CLOCK_OFFSET): now is 2028-12-01T12:00:00Z}.
     *
     * @param offsetValue the variable's value
     * @param clock       the clock it gave
     * @return empty when the clock is not moved
     */
    public static Optional<String> notice(String offsetValue, Clock clock) {
        return offset(offsetValue).map(d -> "Clock moved by " + offsetValue.trim() + " (" + OFFSET_VARIABLE
                + "): now is " + clock.instant());
    }

    /** {@link #notice(String, Clock)} for this process's environment and {@link #system()}. */
    public static Optional<String> notice() {
        return notice(System.getenv(OFFSET_VARIABLE), system());
    }

    private static boolean yearsOrMonths(String text) {
        return YEARS_OR_MONTHS.matcher(text).matches();
    }

    /** The offset variable is set to something that is not a duration. */
    public static final class InvalidOffsetException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidOffsetException(String value, String reason) {
            super(OFFSET_VARIABLE + "=" + value + ": " + reason);
        }
    }
}
