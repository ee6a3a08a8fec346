package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.List;

/**
 * All diagnostics of a view, most serious first.
 *
 * @param diagnostics the findings
 */
public record DiagnosticReport(List<Diagnostic> diagnostics) {

    public DiagnosticReport {
        diagnostics = diagnostics.stream().distinct().sorted(Diagnostic.ORDER).toList();
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** Only diagnostics at least as serious as {@code minimum}. */
    public DiagnosticReport atLeast(Severity minimum) {
        return new DiagnosticReport(diagnostics.stream().filter(d -> d.severity().atLeast(minimum)).toList());
    }

    /** Diagnostics about one object. */
    public List<Diagnostic> about(ObjectRef object) {
        return diagnostics.stream().filter(d -> d.object().equals(object)).toList();
    }

    /** Diagnostics with one code. */
    public List<Diagnostic> withCode(DiagnosticCode code) {
        return diagnostics.stream().filter(d -> d.code() == code).toList();
    }

    public boolean isEmpty() {
        return diagnostics.isEmpty();
    }
}
