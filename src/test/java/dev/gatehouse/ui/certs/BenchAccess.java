package dev.gatehouse.ui.certs;

import dev.gatehouse.cluster.SecretSummary;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.tls.MaterialAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lets the benchmark run the Certificates screen's row building without a window. */
public final class BenchAccess {

    private BenchAccess() {
    }

    /** Builds the rows as the screen does: each Secret analysed, then combined with users and diagnostics. */
    public static int analyse(List<SecretSummary> secrets, MaterialAnalyzer analyzer) {
        List<SecretCertificate> parsed = new ArrayList<>(secrets.size());
        for (SecretSummary s : secrets) {
            parsed.add(SecretCertificate.of(s, analyzer));
        }
        return RowMerger.rows(parsed, Map.of(), new DiagnosticReport(List.of()), true).size();
    }
}
