package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics during one lint run (not shared). */
final class Findings {

    private final List<Diagnostic> list = new ArrayList<>();

    void add(DiagnosticCode code, ObjectRef object, String message, String hint) {
        list.add(Diagnostic.of(code, object, message, hint));
    }

    void add(DiagnosticCode code, Severity severity, ObjectRef object, String message, String hint) {
        list.add(new Diagnostic(code, severity, object, message, hint));
    }

    List<Diagnostic> all() {
        return List.copyOf(list);
    }
}
