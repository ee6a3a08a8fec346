package dev.gatehouse.certmanager;

import dev.gatehouse.certmanager.CmObject.Condition;
import dev.gatehouse.certmanager.RenewalStory.State;
import dev.gatehouse.certmanager.RenewalStory.Step;
import dev.gatehouse.certmanager.RenewalStory.Verdict;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link RenewalStory} of a Secret from the cert-manager objects of its namespace. Follows the chain
 * cert-manager walks: the Certificate writing the Secret, its Issuer or ClusterIssuer, the CertificateRequest of
 * the current revision, and for ACME issuers the Order and its Challenges. The first step that blocks is the
 * answer; a step that is merely waiting makes the story "in progress".
 */
public final class RenewalStoryBuilder {

    static final String CERTIFICATE_NAME = "cert-manager.io/certificate-name";
    static final String REVISION = "cert-manager.io/certificate-revision";

    private final Clock clock;

    /** @param clock "now" for overdue renewals and ages */
    public RenewalStoryBuilder(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param namespace           the Secret's namespace
     * @param secretName          the Secret's name
     * @param secretAnnotations   the Secret's annotations (empty when the Secret is not known)
     * @param objects             what was read
     */
    public RenewalStory build(String namespace, String secretName, Map<String, String> secretAnnotations,
                              CertManagerObjects objects) {
        String secret = namespace + "/" + secretName;
        List<String> notes = new ArrayList<>();
        objects.unreadable().forEach((kind, why) -> notes.add("Could not read " + kind + ": " + why));
        if (!objects.installed()) {
            return new RenewalStory(secret, Verdict.NOT_MANAGED, "cert-manager is not installed in this cluster"
                    + " (it serves no cert-manager.io API), so nothing renews Secret " + secret + " automatically.",
                    Optional.empty(), List.of(), notes);
        }
        if (objects.unreadable("certificates").isPresent()) {
            return new RenewalStory(secret, Verdict.UNKNOWN, "Gatehouse may not read cert-manager Certificates in"
                    + " namespace " + namespace + ", so it cannot tell whether one renews " + secret + ".",
                    Optional.of("Ask for get/list permission on certificates.cert-manager.io in " + namespace + "."),
                    List.of(), notes);
        }
        Optional<String> named = Optional.ofNullable(secretAnnotations.get(CERTIFICATE_NAME)).filter(s -> !s.isBlank());
        Optional<CmObject> certificate = objects.certificates().stream()
                .filter(c -> named.map(n -> n.equals(c.name()))
                        .orElseGet(() -> c.text("spec", "secretName").map(secretName::equals).orElse(false)))
                .findFirst();
        if (certificate.isEmpty()) {
            String headline = named.map(n -> "Secret " + secret + " says Certificate " + namespace + "/" + n
                            + " writes it, but that Certificate does not exist: nothing renews it.")
                    .orElse("No cert-manager Certificate in " + namespace + " writes Secret " + secret + " (none has"
                            + " spec.secretName: " + secretName + "), so cert-manager does not renew it.");
            return new RenewalStory(secret, named.isPresent() ? Verdict.BLOCKED : Verdict.NOT_MANAGED, headline,
                    named.map(n -> "Recreate Certificate " + n + " or renew the Secret another way."), List.of(), notes);
        }
        List<Step> steps = new ArrayList<>();
        CmObject cert = certificate.get();
        steps.add(certificateStep(cert, objects));
        Optional<CmObject> issuer = issuer(cert, objects, steps);
        Optional<CmObject> request = requestStep(cert, objects, steps);
        // ACME when the issuer says so, or (issuer unreadable) when the request has an Order
        boolean acme = issuer.map(i -> i.has("spec", "acme")).orElse(false) || request.map(r -> objects.orders()
                .stream().anyMatch(o -> o.ownedBy(r))).orElse(false);
        if (acme && request.isPresent() && !requestIssued(request.get())) {
            new AcmeSteps(objects).add(request.get(), steps);
        }
        return conclude(secret, cert, steps, notes);
    }

    private Step certificateStep(CmObject cert, CertManagerObjects objects) {
        List<String> details = new ArrayList<>();
        details.add("DNS names: " + String.join(", ", cert.texts("spec", "dnsNames")));
        cert.conditions().forEach(c -> details.add(c.describe()));
        cert.time("status", "notAfter").ifPresent(t -> details.add("Not after: " + t));
        Optional<Instant> renewal = cert.time("status", "renewalTime");
        renewal.ifPresent(t -> details.add("Renewal time: " + t));
        cert.text("status", "failedIssuanceAttempts").ifPresent(n -> details.add("Failed issuance attempts: " + n));
        cert.time("status", "lastFailureTime").ifPresent(t -> details.add("Last failure: " + t));
        Optional<Condition> ready = cert.condition("Ready");
        boolean issuing = cert.condition("Issuing").map(Condition::isTrue).orElse(false);
        Instant now = clock.instant();
        State state;
        String summary;
        if (issuing) {
            state = State.WAITING;
            summary = "cert-manager is issuing a new certificate" + cert.condition("Issuing")
                    .map(c -> c.message().isEmpty() ? "" : ": " + c.message()).orElse("");
        } else if (ready.map(Condition::isTrue).orElse(false) && renewal.map(t -> t.isBefore(now)).orElse(false)) {
            state = State.BLOCKED;
            summary = "the renewal was due " + ago(renewal.get(), now) + " but cert-manager has not started it";
        } else if (ready.map(Condition::isTrue).orElse(false)) {
            state = State.OK;
            summary = "Ready" + renewal.map(t -> "; renewal scheduled for " + t).orElse("");
        } else {
            state = State.BLOCKED;
            summary = ready.map(c -> "not Ready" + (c.reason().isEmpty() ? "" : " (" + c.reason() + ")")
                    + (c.message().isEmpty() ? "" : ": " + c.message())).orElse("no Ready condition yet");
        }
        return new Step(cert.display(), state, summary, details, events(objects.eventsOf(cert)));
    }

    private Optional<CmObject> issuer(CmObject cert, CertManagerObjects objects, List<Step> steps) {
        String name = cert.text("spec", "issuerRef", "name").orElse("");
        String kind = cert.text("spec", "issuerRef", "kind").orElse("Issuer");
        String group = cert.text("spec", "issuerRef", "group").orElse("cert-manager.io");
        boolean cluster = "ClusterIssuer".equals(kind);
        String title = kind + " " + (cluster ? name : cert.namespace() + "/" + name);
        if (!"cert-manager.io".equals(group)) {
            steps.add(new Step(title, State.UNKNOWN, "an external issuer (" + group + "); Gatehouse does not read"
                    + " its readiness", List.of(), List.of()));
            return Optional.empty();
        }
        Optional<String> unreadable = objects.unreadable(cluster ? "clusterissuers" : "issuers");
        if (unreadable.isPresent()) {
            steps.add(new Step(title, State.UNKNOWN, "could not be read: " + unreadable.get(), List.of(), List.of()));
            return Optional.empty();
        }
        Optional<CmObject> issuer = (cluster ? objects.clusterIssuers() : objects.issuers()).stream()
                .filter(i -> i.name().equals(name)).findFirst();
        if (issuer.isEmpty()) {
            steps.add(new Step(title, State.BLOCKED, "does not exist" + (cluster ? "" : " in namespace "
                    + cert.namespace()), List.of(), List.of()));
            return Optional.empty();
        }
        CmObject i = issuer.get();
        List<String> details = new ArrayList<>();
        i.text("spec", "acme", "server").ifPresent(s -> details.add("ACME server: " + s));
        i.text("spec", "acme", "email").ifPresent(s -> details.add("ACME email: " + s));
        i.conditions().forEach(c -> details.add(c.describe()));
        Optional<Condition> ready = i.condition("Ready");
        boolean ok = ready.map(Condition::isTrue).orElse(false);
        String summary = ok ? "Ready" : ready.map(c -> "not Ready" + (c.message().isEmpty() ? ""
                : ": " + c.message())).orElse("not Ready (no Ready condition)");
        steps.add(new Step(i.display(), ok ? State.OK : State.BLOCKED, summary, details, events(objects.eventsOf(i))));
        return issuer;
    }

    private Optional<CmObject> requestStep(CmObject cert, CertManagerObjects objects, List<Step> steps) {
        if (objects.unreadable("certificaterequests").isPresent()) {
            steps.add(new Step("CertificateRequest", State.UNKNOWN, "could not be read: "
                    + objects.unreadable("certificaterequests").get(), List.of(), List.of()));
            return Optional.empty();
        }
        String next = String.valueOf(cert.text("status", "revision").map(Integer::parseInt).orElse(0) + 1);
        List<CmObject> mine = objects.requests().stream()
                .filter(r -> r.ownedBy(cert) || r.annotation(CERTIFICATE_NAME).map(cert.name()::equals).orElse(false))
                .sorted(Comparator.comparing(r -> r.created().orElse(Instant.EPOCH)))
                .toList();
        Optional<CmObject> current = mine.stream().filter(r -> r.annotation(REVISION).map(next::equals).orElse(false))
                .findFirst().or(() -> mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1)));
        boolean issuing = cert.condition("Issuing").map(Condition::isTrue).orElse(false);
        if (current.isEmpty()) {
            if (issuing) {
                steps.add(new Step("CertificateRequest", State.WAITING, "cert-manager has not created the"
                        + " CertificateRequest for revision " + next + " yet", List.of(), List.of()));
            }
            return Optional.empty();
        }
        CmObject r = current.get();
        List<String> details = new ArrayList<>();
        r.annotation(REVISION).ifPresent(v -> details.add("Revision: " + v));
        r.conditions().forEach(c -> details.add(c.describe()));
        State state;
        String summary;
        Optional<Condition> ready = r.condition("Ready");
        if (r.condition("Denied").map(Condition::isTrue).orElse(false)) {
            state = State.BLOCKED;
            summary = "denied: " + r.condition("Denied").get().message();
        } else if (r.condition("InvalidRequest").map(Condition::isTrue).orElse(false)) {
            state = State.BLOCKED;
            summary = "invalid: " + r.condition("InvalidRequest").get().message();
        } else if (requestIssued(r)) {
            state = State.OK;
            summary = "issued";
        } else if (ready.map(c -> "Failed".equals(c.reason())).orElse(false)) {
            state = State.BLOCKED;
            summary = "failed: " + ready.get().message();
        } else if (r.condition("Approved").isEmpty()) {
            state = State.WAITING;
            summary = "not approved yet (cert-manager's approver, or a policy approver, must approve it)";
        } else {
            state = State.WAITING;
            summary = "pending" + ready.map(c -> c.message().isEmpty() ? "" : ": " + c.message()).orElse("");
        }
        if (!issuing && state != State.BLOCKED) {
            // A finished request of an earlier issuance: history, not the current state.
            state = State.OK;
        }
        steps.add(new Step(r.display(), state, summary, details, events(objects.eventsOf(r))));
        return current;
    }

    static boolean requestIssued(CmObject request) {
        return request.condition("Ready").map(c -> c.isTrue() && !"Failed".equals(c.reason())).orElse(false);
    }

    private RenewalStory conclude(String secret, CmObject cert, List<Step> steps, List<String> notes) {
        // The Certificate's own "not Ready" is a symptom when a later step names the cause.
        Optional<Step> blocking = steps.stream().skip(1).filter(s -> s.state() == State.BLOCKED).findFirst()
                .or(() -> steps.get(0).state() == State.BLOCKED ? Optional.of(steps.get(0)) : Optional.empty());
        if (blocking.isPresent()) {
            Step b = blocking.get();
            return new RenewalStory(secret, Verdict.BLOCKED, "Not renewing: " + b.title() + " " + b.summary() + ".",
                    Fixes.forStep(b), steps, notes);
        }
        if (steps.stream().anyMatch(s -> s.state() == State.UNKNOWN)) {
            Step u = steps.stream().filter(s -> s.state() == State.UNKNOWN).findFirst().get();
            return new RenewalStory(secret, Verdict.UNKNOWN, "Cannot tell: " + u.title() + " " + u.summary() + ".",
                    Optional.empty(), steps, notes);
        }
        if (steps.stream().anyMatch(s -> s.state() == State.WAITING)) {
            Step w = steps.stream().filter(s -> s.state() == State.WAITING).reduce((a, b) -> b).get();
            return new RenewalStory(secret, Verdict.IN_PROGRESS, "Renewal in progress: " + w.title() + " "
                    + w.summary() + ".", Optional.empty(), steps, notes);
        }
        String when = cert.time("status", "renewalTime").map(t -> "; cert-manager renews it on " + t).orElse("");
        return new RenewalStory(secret, Verdict.HEALTHY, cert.display() + " is Ready" + when + ".", Optional.empty(),
                steps, notes);
    }

    static List<String> events(List<Event> events) {
        return events.stream().map(e -> (e.getType() == null ? "" : e.getType() + " ")
                + (e.getReason() == null ? "" : e.getReason() + ": ") + (e.getMessage() == null ? "" : e.getMessage())
                + (e.getCount() != null && e.getCount() > 1 ? " (×" + e.getCount() + ")" : "")).toList();
    }

    static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        long days = d.toDays();
        return days >= 1 ? days + (days == 1 ? " day ago" : " days ago") : d.toHours() + " h ago";
    }
}
