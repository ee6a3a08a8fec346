package dev.gatehouse.routing.gateway;

/**
 * A status condition as a conformant controller would write it ({@code Accepted}, {@code Programmed},
 * {@code ResolvedRefs}, {@code Conflicted}).
 *
 * @param type    the condition type
 * @param status  true / false
 * @param reason  the CamelCase reason ({@code InvalidCertificateRef})
 * @param message a plain sentence
 */
public record Condition(String type, boolean status, String reason, String message) {

    public static final String ACCEPTED = "Accepted";
    public static final String PROGRAMMED = "Programmed";
    public static final String RESOLVED_REFS = "ResolvedRefs";
    public static final String CONFLICTED = "Conflicted";

    public static Condition isTrue(String type, String reason, String message) {
        return new Condition(type, true, reason, message);
    }

    public static Condition isFalse(String type, String reason, String message) {
        return new Condition(type, false, reason, message);
    }

    /** {@code Accepted=False (NotAllowedByListeners)}. */
    @Override
    public String toString() {
        return type + "=" + (status ? "True" : "False") + " (" + reason + ")";
    }
}
