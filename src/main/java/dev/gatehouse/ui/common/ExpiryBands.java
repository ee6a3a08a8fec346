package dev.gatehouse.ui.common;

import dev.gatehouse.tls.ExpiryStatus;

/** Certificate expiry as UI.md's colour bands and words: "> 30 days", "≤ 30", "< 7", "expired". */
public final class ExpiryBands {
    private ExpiryBands() {
    }

    public static Status status(ExpiryStatus e) {
        return switch (e) {
            case OK -> Status.OK;
            case EXPIRING -> Status.WARNING;
            case EXPIRING_SOON, EXPIRED, NOT_YET_VALID -> Status.ERROR;
        };
    }

    public static String text(long daysLeft, ExpiryStatus e) {
        return switch (e) {
            case EXPIRED -> daysLeft == 0 ? "expired today" : "expired " + RelativeTime.days(daysLeft);
            case NOT_YET_VALID -> "not valid yet";
            default -> "expires " + RelativeTime.days(daysLeft);
        };
    }
}
