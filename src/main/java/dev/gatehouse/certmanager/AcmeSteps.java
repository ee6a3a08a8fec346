package dev.gatehouse.certmanager;

import dev.gatehouse.certmanager.RenewalStory.State;
import dev.gatehouse.certmanager.RenewalStory.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The ACME part of a renewal story: the Order of a CertificateRequest and the Order's Challenges. */
final class AcmeSteps {

    static final String SOLVER_LABEL = "acme.cert-manager.io/http01-solver";

    private final CertManagerObjects objects;

    AcmeSteps(CertManagerObjects objects) {
        this.objects = objects;
    }

    void add(CmObject request, List<Step> steps) {
        if (objects.unreadable("orders").isPresent()) {
            steps.add(new Step("Order", State.UNKNOWN, "could not be read: " + objects.unreadable("orders").get(),
                    List.of(), List.of()));
            return;
        }
        Optional<CmObject> order = objects.orders().stream().filter(o -> o.ownedBy(request)).reduce((a, b) -> b);
        if (order.isEmpty()) {
            steps.add(new Step("Order", State.WAITING, "cert-manager has not created the ACME Order for "
                    + request.display() + " yet", List.of(), List.of()));
            return;
        }
        CmObject o = order.get();
        String state = o.text("status", "state").orElse("pending").toLowerCase(Locale.ROOT);
        List<String> details = new ArrayList<>();
        details.add("State: " + state);
        o.text("status", "reason").ifPresent(r -> details.add("Reason: " + r));
        o.text("status", "url").ifPresent(u -> details.add("URL: " + u));
        State s = switch (state) {
            case "valid" -> State.OK;
            case "invalid", "errored", "expired" -> State.BLOCKED;
            default -> State.WAITING;
        };
        String summary = "is " + state + o.text("status", "reason").map(r -> ": " + r).orElse("");
        steps.add(new Step(o.display(), s, summary, details, RenewalStoryBuilder.events(objects.eventsOf(o))));
        if (s == State.OK) {
            return;
        }
        if (objects.unreadable("challenges").isPresent()) {
            steps.add(new Step("Challenges", State.UNKNOWN, "could not be read: "
                    + objects.unreadable("challenges").get(), List.of(), List.of()));
            return;
        }
        List<CmObject> challenges = objects.challenges().stream().filter(c -> c.ownedBy(o)).toList();
        if (challenges.isEmpty() && s == State.WAITING) {
            steps.add(new Step("Challenges", State.WAITING, "none created yet for " + o.display(), List.of(),
                    List.of()));
        }
        challenges.forEach(c -> steps.add(challenge(c)));
    }

    private Step challenge(CmObject c) {
        String type = c.text("spec", "type").orElse("?");
        String state = c.text("status", "state").orElse("pending").toLowerCase(Locale.ROOT);
        String domain = c.text("spec", "dnsName").orElse("?");
        Optional<String> reason = c.text("status", "reason");
        List<String> details = new ArrayList<>();
        details.add("Type: " + type + " for " + domain);
        details.add("State: " + state);
        c.text("status", "presented").ifPresent(p -> details.add("Presented: " + p));
        c.text("status", "processing").ifPresent(p -> details.add("Processing: " + p));
        reason.ifPresent(r -> details.add("Reason: " + r));
        List<String> events = RenewalStoryBuilder.events(objects.eventsOf(c));
        if ("valid".equals(state)) {
            return new Step(c.display(), State.OK, type + " for " + domain + " is valid", details, events);
        }
        if ("HTTP-01".equalsIgnoreCase(type)) {
            List<String> dead = objects.solverEndpoints().entrySet().stream().filter(e -> e.getValue() == 0)
                    .map(java.util.Map.Entry::getKey).sorted().toList();
            if (!dead.isEmpty()) {
                details.add("Solver Service without ready endpoints: " + String.join(", ", dead));
                return new Step(c.display(), State.BLOCKED, "is stuck: " + type + " for " + domain + " cannot be"
                        + " answered because its solver Service " + dead.get(0) + " has no ready endpoints (the"
                        + " solver Pod is not running or not ready)", details, events);
            }
        }
        boolean failed = List.of("invalid", "errored", "expired").contains(state);
        String summary = (failed ? "failed: " : "is " + state + ": ") + type + " for " + domain
                + reason.map(r -> " — " + r).orElse("");
        return new Step(c.display(), failed ? State.BLOCKED : State.WAITING, summary, details, events);
    }
}
