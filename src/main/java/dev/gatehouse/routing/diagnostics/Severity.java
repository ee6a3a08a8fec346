package dev.gatehouse.routing.diagnostics;

import java.util.Locale;
import java.util.Optional;

/** How serious a diagnostic is; the order is most serious first. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** True when this is at least as serious as {@code minimum}. */
    public boolean atLeast(Severity minimum) {
        return ordinal() <= minimum.ordinal();
    }

    /** Lower-case name as shown to users. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "error", "warning" or "info" (any case). */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
