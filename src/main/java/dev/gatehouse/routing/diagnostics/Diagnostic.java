package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.Comparator;

/**
 * One finding: a stable code, its severity, the object concerned, a plain message and how to fix it.
 *
 * @param code     the stable code (its id and slug)
 * @param severity error / warning / info
 * @param object   the object to look at or change
 * @param message  what is wrong, in plain words
 * @param hint     how to fix it
 */
public record Diagnostic(DiagnosticCode code, Severity severity, ObjectRef object, String message, String hint) {

    /** Most serious first, then by object and code. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::severity)
            .thenComparing(Diagnostic::object).thenComparing(Diagnostic::code).thenComparing(Diagnostic::message);

    /** A diagnostic with the code's default severity. */
    public static Diagnostic of(DiagnosticCode code, ObjectRef object, String message, String hint) {
        return new Diagnostic(code, code.severity(), object, message, hint);
    }

    @Override
    public String toString() {
        return code + " " + severity.label() + " " + object + ": " + message;
    }
}
