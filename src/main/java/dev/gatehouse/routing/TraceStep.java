package dev.gatehouse.routing;

/**
 * One line of "why": a candidate that was chosen, lost or ignored, or a note.
 *
 * @param stage   the decision it belongs to
 * @param verdict chosen / lost / ignored / note
 * @param subject the candidate, e.g. {@code Ingress shop/web} or {@code /api (Prefix)}
 * @param reason  a plain sentence
 */
public record TraceStep(Stage stage, Verdict verdict, String subject, String reason) {

    /** The decision a step belongs to, in the order they are taken. */
    public enum Stage { CLASS, HOST, TLS, CLIENT_CERTIFICATE, PATH, REDIRECT, BACKEND }

    /** The fate of the candidate. */
    public enum Verdict { CHOSEN, LOST, IGNORED, NOTE }

    @Override
    public String toString() {
        return stage + " " + verdict + " " + subject + ": " + reason;
    }
}
