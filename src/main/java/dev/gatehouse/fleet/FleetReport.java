package dev.gatehouse.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The result of one fleet scan: every context's outcome and every certificate, the soonest to expire first
 * (certificates whose {@code tls.crt} cannot be read last).
 *
 * @param scannedAt the scan's "now"
 * @param scans     one per context, in the order asked
 */
public record FleetReport(Instant scannedAt, List<ContextScan> scans) {

    /** Soonest expiry first; unreadable last; then by key. */
    public static final Comparator<FleetCertificate> SOONEST_FIRST = Comparator
            .comparing((FleetCertificate c) -> c.notAfter().orElse(Instant.MAX))
            .thenComparing(FleetCertificate::key);

    public FleetReport {
        scans = List.copyOf(scans);
    }

    public List<FleetCertificate> certificates() {
        List<FleetCertificate> all = new ArrayList<>();
        scans.forEach(s -> {
            if (s instanceof ContextScan.Read r) {
                all.addAll(r.certificates());
            }
        });
        all.sort(SOONEST_FIRST);
        return all;
    }

    public List<ContextScan.Failed> failures() {
        return scans.stream().filter(ContextScan.Failed.class::isInstance).map(ContextScan.Failed.class::cast).toList();
    }

    /** Certificates expiring within {@code days} days (expired ones included). */
    public List<FleetCertificate> expiringWithin(int days) {
        return certificates().stream().filter(c -> c.expiresWithin(days)).toList();
    }

    /**
     * How many certificates expire in each of the next {@code weeks} weeks: index 0 = within 7 days of the scan
     * (already expired ones are not counted: they are past, not coming).
     */
    public int[] expiriesPerWeek(int weeks) {
        int[] counts = new int[weeks];
        for (FleetCertificate c : certificates()) {
            if (c.notAfter().isEmpty() || c.notAfter().get().isBefore(scannedAt)) {
                continue;
            }
            long week = java.time.Duration.between(scannedAt, c.notAfter().get()).toDays() / 7;
            if (week < weeks) {
                counts[(int) week]++;
            }
        }
        return counts;
    }
}
