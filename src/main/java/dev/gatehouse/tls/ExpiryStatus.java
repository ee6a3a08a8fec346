package dev.gatehouse.tls;

import java.time.Duration;
import java.time.Instant;

/** Where a certificate stands on its validity period, with the thresholds used across Gatehouse. */
public enum ExpiryStatus {
    /** More than 30 days left. */
    OK,
    /** 30 days or fewer left (warning). */
    EXPIRING,
    /** Fewer than 7 days left (error). */
    EXPIRING_SOON,
    /** Past its notAfter (error). */
    EXPIRED,
    /** Before its notBefore (error). */
    NOT_YET_VALID;

    public static final int WARNING_DAYS = 30;
    public static final int ERROR_DAYS = 7;

    /** The status at {@code now}. */
    public static ExpiryStatus of(Instant notBefore, Instant notAfter, Instant now) {
        if (now.isBefore(notBefore)) {
            return NOT_YET_VALID;
        }
        if (now.isAfter(notAfter)) {
            return EXPIRED;
        }
        long days = daysLeft(notAfter, now);
        if (days < ERROR_DAYS) {
            return EXPIRING_SOON;
        }
        return days <= WARNING_DAYS ? EXPIRING : OK;
    }

    /** Whole days from {@code now} to {@code notAfter}; negative once expired. */
    public static long daysLeft(Instant notAfter, Instant now) {
        return Duration.between(now, notAfter).toDays();
    }
}
