package dev.gatehouse.certmanager;

import java.util.List;
import java.util.Optional;

/**
 * Why a TLS Secret is (not) being renewed by cert-manager, as one readable story: Certificate → Issuer →
 * CertificateRequest → (ACME) Order → Challenges, each step with its state, details and events, the step that
 * blocks highlighted and the fix named — what {@code cmctl status certificate} shows, read for the user.
 *
 * @param secret   {@code namespace/name} of the Secret
 * @param verdict  the overall answer
 * @param headline one sentence: the answer, naming the blocking step when there is one
 * @param fix      what to do about it, when Gatehouse can tell
 * @param steps    the chain, in order
 * @param notes    what could not be read (RBAC gaps) and other things worth telling
 */
public record RenewalStory(String secret, Verdict verdict, String headline, Optional<String> fix, List<Step> steps,
                           List<String> notes) {

    public RenewalStory {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /** The overall answer. */
    public enum Verdict {
        /** Issued, Ready, renewal scheduled; nothing to do. */
        HEALTHY,
        /** A (re)issuance is under way and nothing blocks it yet. */
        IN_PROGRESS,
        /** A step blocks the renewal: see the blocking step. */
        BLOCKED,
        /** cert-manager is absent, or no Certificate writes this Secret. */
        NOT_MANAGED,
        /** Objects needed to tell could not be read. */
        UNKNOWN
    }

    /** The state of one step. */
    public enum State {
        OK, WAITING, BLOCKED, UNKNOWN
    }

    /**
     * One object of the chain.
     *
     * @param title   e.g. {@code Issuer shop/letsencrypt-prod}
     * @param state   its state
     * @param summary one line: what this step says
     * @param details conditions, times, names, one per line
     * @param events  its events, oldest first ({@code Warning Failed: message (×3)})
     */
    public record Step(String title, State state, String summary, List<String> details, List<String> events) {
        public Step {
            details = List.copyOf(details);
            events = List.copyOf(events);
        }
    }

    /** The first blocking step, if any. */
    public Optional<Step> blockingStep() {
        return steps.stream().filter(s -> s.state() == State.BLOCKED).findFirst();
    }
}
