package dev.gatehouse.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as UI.md asks: relative ("2 hours ago", "in 5 days"), absolute in the tooltip. */
public final class RelativeTime {
    private static final DateTimeFormatter ABSOLUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(ZoneId.systemDefault());

    private RelativeTime() {
    }

    /** Short age as kubectl shows it: 45s, 12m, 5h, 3d, 2y. */
    public static String age(Instant then, Instant now) {
        if (then == null) {
            return "—";
        }
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return s / 60 + "m";
        }
        if (s < 172800) {
            return s / 3600 + "h";
        }
        if (s < 365L * 86400 * 2) {
            return s / 86400 + "d";
        }
        return s / (365L * 86400) + "y";
    }

    /** "in 5 days", "3 days ago", "today". */
    public static String days(long days) {
        if (days == 0) {
            return "today";
        }
        if (days > 0) {
            return days == 1 ? "in 1 day" : "in " + days + " days";
        }
        return days == -1 ? "1 day ago" : -days + " days ago";
    }

    public static String absolute(Instant t) {
        return t == null ? "" : ABSOLUTE.format(t);
    }
}
