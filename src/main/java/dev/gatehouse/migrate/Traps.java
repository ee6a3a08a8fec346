package dev.gatehouse.migrate;

import dev.gatehouse.routing.Outcome;
import dev.gatehouse.routing.RouteMatch;
import dev.gatehouse.routing.ServedCertificate;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.RoutingModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The known reasons a request behaves differently after the migration: ingress-nginx's traps (regex paths are
 * case-insensitive prefix matches of the string, {@code use-regex} on one Ingress makes every path of the host a
 * regex, {@code rewrite-target} implies regex, ImplementationSpecific is a string prefix, a wildcard covers one
 * label, the default certificate without SNI or without a tls section, URL normalisation) and the annotations
 * that are converted but that one of the engines does not model, or that are not converted at all.
 */
final class Traps {

    private final MigrationPlan plan;
    private final RoutingModel model;

    /** The plan's notes by Ingress (looked up for every difference). */
    private final java.util.Map<ObjectRef, List<ConversionNote>> notes = new java.util.HashMap<>();

    Traps(MigrationPlan plan, RoutingModel model) {
        this.plan = plan;
        this.model = model;
        plan.notes().forEach(n -> notes.computeIfAbsent(n.source(), k -> new ArrayList<>()).add(n));
    }

    private List<ConversionNote> notesOf(ObjectRef ingress) {
        return notes.getOrDefault(ingress, List.of());
    }

    List<String> explain(Probe probe, Observed before, Observed after, List<String> fields) {
        Set<String> out = new LinkedHashSet<>();
        Optional<RouteMatch> rule = before.ingressRule();
        Optional<ObjectRef> ingress = rule.map(RouteMatch::ingress);
        boolean regex = rule.map(RouteMatch::regex).orElse(false);
        boolean https = probe.request().https();
        if (probe.purpose() == Probe.Purpose.NO_SNI && https) {
            out.add("no SNI: ingress-nginx serves its default certificate and still routes by Host; a Gateway chooses"
                    + " an HTTPS listener by SNI, and every converted listener has a hostname, so no listener takes a"
                    + " connection without SNI");
        }
        boolean hostTls = hostOf(probe).map(h -> h.tls().enabled()).orElse(false);
        if (https && !hostTls && probe.purpose() != Probe.Purpose.NO_SNI && after.status() < 0) {
            out.add("the host has no tls section: ingress-nginx answers https with its default certificate, the"
                    + " Gateway has no HTTPS listener for it (add a tls section before converting to keep https)");
        }
        if (https && hostTls && before.explanation().certificate().filter(ServedCertificate.ControllerDefault.class
                ::isInstance).isPresent() && after.explanation().certificate().isEmpty() && after.status() >= 0) {
            out.add("unusable certificate: " + ((ServedCertificate.ControllerDefault) before.explanation().certificate()
                    .get()).reason() + "; a Gateway listener whose certificateRef is invalid is not programmed and"
                    + " serves nothing (fix the Secret)");
        }
        if (https && before.explanation().certificate().filter(ServedCertificate.ControllerDefault.class::isInstance)
                .isPresent() && after.explanation().certificate().filter(ServedCertificate.FromSecret.class::isInstance)
                .isPresent() && probe.purpose() != Probe.Purpose.NO_SNI) {
            out.add("certificate choice: " + ((ServedCertificate.ControllerDefault) before.explanation().certificate()
                    .get()).reason() + "; a Gateway listener serves its certificateRef whether or not it covers the"
                    + " name (fix the Secret: the Gateway's clients now see the Secret's certificate)");
        }
        if (probe.purpose() == Probe.Purpose.DEEP_WILDCARD || (rule.isEmpty() && probe.request().host().startsWith("deep."))) {
            out.add("wildcard depth: an Ingress wildcard covers exactly one label, a Gateway hostname wildcard one"
                    + " or more, so the Gateway also routes " + probe.request().host());
        }
        if (regex || regexHost(probe)) {
            regexTraps(probe, ingress, out);
        } else if (rule.flatMap(RouteMatch::pathType).filter("ImplementationSpecific"::equals).isPresent()
                && probe.purpose() == Probe.Purpose.NEIGHBOUR) {
            out.add("ImplementationSpecific is a string prefix in ingress-nginx (location " + rule.get().path()
                    .orElse("") + " takes " + probe.request().path() + "), PathPrefix matches whole segments");
        }
        if (fields.contains("backend leg") && "REENCRYPTED_UNVERIFIED".equals(before.backendLeg())) {
            out.add("unverified re-encryption: ingress-nginx encrypts to the backend without checking its certificate;"
                    + " the BackendTLSPolicy makes the Gateway check it (a backend certificate the policy's CA does not"
                    + " sign fails with a 5xx)");
        }
        Outcome was = before.explanation().decision().outcome();
        if (was == Outcome.CLIENT_CERT_REQUIRED || was == Outcome.CLIENT_CERT_REJECTED
                || was == Outcome.CLIENT_CERT_FORBIDDEN) {
            Outcome now = after.explanation().decision().outcome();
            boolean refused = now == Outcome.CLIENT_CERT_REQUIRED || now == Outcome.CLIENT_CERT_REJECTED;
            out.add("client certificates: ingress-nginx answers " + before.status() + " (auth-tls) after the"
                    + " handshake; " + (refused ? "the converted Gateway frontend validation (spec.tls.frontend,"
                    + " AllowValidOnly) refuses the TLS handshake instead, so the client sees a TLS error, not an HTTP"
                    + " page" : "the converted Gateway frontend validation lets the connection in ("
                    + "AllowInsecureFallback), so the request reaches the backend"));
        }
        unmodelled(ingress.or(() -> owner(after)), out);
        if (out.isEmpty() && (probe.purpose() == Probe.Purpose.DOUBLE_SLASH || probe.purpose() == Probe.Purpose.DOT_SEGMENT
                || probe.purpose() == Probe.Purpose.DOT_DOT_SEGMENT)) {
            out.add("URL normalisation: both are answered with the path as nginx normalises it; Gateway"
                    + " implementations normalise differently (Envoy merges slashes only when configured to)");
        }
        if (out.isEmpty()) {
            ingress.or(() -> owner(after)).ifPresent(i -> notesOf(i).stream()
                    .filter(n -> n.status() == ConversionNote.Status.NOT_CONVERTED
                            && n.annotation().startsWith(AnnotationReader.PREFIX))
                    .forEach(n -> out.add("not converted: " + n.annotation() + " (" + n.why() + ")")));
        }
        return List.copyOf(out);
    }

    private void regexTraps(Probe probe, Optional<ObjectRef> ingress, Set<String> out) {
        switch (probe.purpose()) {
            case UPPER_CASE -> out.add("regex paths are case-insensitive in ingress-nginx (~*), Gateway Exact and"
                    + " PathPrefix matches are case-sensitive");
            case NEIGHBOUR, TRAILING_SLASH, DEEPER, PATH -> out.add("regex paths are prefix matches of the string in"
                    + " ingress-nginx (^/path takes " + probe.request().path() + "), Gateway PathPrefix matches whole"
                    + " segments and Exact the whole path");
            default -> out.add("regex paths: ingress-nginx tries the regex locations of the host longest first and"
                    + " takes the first match; the Gateway ranks Exact, then RegularExpression, then PathPrefix");
        }
        hostOf(probe).flatMap(h -> h.regexBy()).ifPresent(by -> {
            String reason = by.reason();
            if (ingress.isPresent() && !reason.contains(ingress.get().toString())
                    && !reason.contains(ingress.get().path())) {
                out.add("use-regex on one Ingress turns every path of the host into a regex: " + reason);
            } else {
                out.add(reason.contains("rewrite-target") || ingress.map(i -> notesOf(i).stream().anyMatch(n ->
                        n.annotation().endsWith("rewrite-target"))).orElse(false)
                        ? "rewrite-target implies regex in ingress-nginx: " + reason : "use-regex: " + reason);
            }
        });
    }

    private void unmodelled(Optional<ObjectRef> ingress, Set<String> out) {
        if (ingress.isEmpty()) {
            return;
        }
        for (String key : List.of("app-root", "permanent-redirect", "temporal-redirect", "upstream-vhost",
                "canary-by-header", "canary-weight")) {
            notesOf(ingress.get()).stream().filter(n -> n.annotation().equals(AnnotationReader.PREFIX + key)
                    && n.status() == ConversionNote.Status.CONVERTED).findFirst().ifPresent(n -> out.add(key
                    + " is converted (" + n.where() + "); Gatehouse's Ingress engine does not model it, so the"
                    + " ingress-nginx side is shown without it"));
        }
    }

    /** The Ingress the Gateway rule that answered came from (its HTTPRoute's provenance). */
    private Optional<ObjectRef> owner(Observed after) {
        return after.explanation().gateway().flatMap(f -> f.httpRoute()).flatMap(r -> plan.httpRoutes().stream()
                .filter(h -> (h.getMetadata().getNamespace() + "/" + h.getMetadata().getName()).equals(r.path()))
                .findFirst()).flatMap(h -> plan.converted().stream().filter(i -> i.namespace().equals(h.getMetadata()
                .getNamespace()) && h.getMetadata().getName().startsWith(i.name() + "-")).findFirst());
    }

    private boolean regexHost(Probe probe) {
        return hostOf(probe).flatMap(h -> h.regexBy()).isPresent();
    }

    private Optional<dev.gatehouse.routing.route.VirtualHost> hostOf(Probe probe) {
        var found = model.routes().lookup(probe.request().host());
        return found == null ? Optional.empty() : Optional.ofNullable(found.host());
    }

    List<String> caveats(List<Probe> corpus) {
        List<String> out = new ArrayList<>();
        out.add("HSTS is compared on proxied responses only (ingress-nginx also adds it to its own error pages,"
                + " a ResponseHeaderModifier only to responses of the rule).");
        out.add("Both worlds are answered with the path as nginx normalises it (%XX, //, ., ..); check URL"
                + " normalisation settings of your Gateway implementation.");
        if (plan.gateway().getSpec().getTls() != null && plan.gateway().getSpec().getTls().getFrontend() != null) {
            out.add("Client-certificate validation (spec.tls.frontend) is converted and modelled; requests are"
                    + " compared without a client certificate, so an AllowValidOnly listener refuses their handshake"
                    + " where ingress-nginx answers 400.");
        }
        if (corpus.stream().anyMatch(p -> !p.request().headers().isEmpty())) {
            out.add("Canaries are not modelled by the Ingress engine: header-matched canary rules show as"
                    + " differences explained as such.");
        }
        return out;
    }
}
