package dev.gatehouse.session;

import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftState;
import dev.gatehouse.drafts.DraftYaml;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.diagnostics.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one draft stands, judged against the session's newest {@link SessionSnapshot}: its state (new, modified,
 * conflicting, applied, unchanged) and the diagnostics about its object (an Ingress or a Gateway API object) and the
 * Secrets it names. Cheap where it can be: a draft equal to the live object takes its diagnostics from the snapshot
 * as published; only a draft that differs is layered over the live objects ({@link RoutingService#overlay}) and
 * judged with the snapshot's profile, clock and trust anchors. Stateless and thread-safe; call off the FX thread.
 */
public class DraftChecks {

    private static final DraftYaml YAML = new DraftYaml();

    /**
     * One draft's standing.
     *
     * @param state       against the live object
     * @param diagnostics about the draft's object and its TLS Secrets, most severe first
     */
    public record Check(DraftState state, List<Diagnostic> diagnostics) {
        public Check {
            diagnostics = List.copyOf(diagnostics);
        }

        /** Errors and warnings (what the Drafts list counts). */
        public long problems() {
            return diagnostics.stream().filter(d -> d.severity() != Severity.INFO).count();
        }
    }

    /**
     * @param draft   the draft as edited now
     * @param live    the live object of the draft's kind and namespace/name, if any
     * @param base    the session's newest snapshot; null when not connected (then only the state is known)
     * @param service the session's routing service; null when not connected
     */
    public Check check(Draft draft, Optional<? extends HasMetadata> live, SessionSnapshot base, RoutingService service) {
        Optional<HasMetadata> mine = parseObject(draft.yaml());
        Optional<HasMetadata> from = draft.baseYaml().flatMap(DraftChecks::parseObject);
        boolean sameAsBase = mine.isPresent() && from.isPresent() && DraftYaml.same(mine.get(), from.get());
        DraftState state = DraftState.of(draft, live.map(l -> l.getMetadata().getResourceVersion()), sameAsBase);
        if (mine.isEmpty() || base == null || service == null) {
            return new Check(state, List.of());
        }
        boolean asLive = live.isPresent() && DraftYaml.same(mine.get(), live.get());
        DiagnosticReport report = asLive ? base.report() : overlaid(mine.get(), base, service);
        List<ObjectRef> refs = related(mine.get());
        return new Check(state, report.diagnostics().stream().filter(d -> refs.contains(d.object()))
                .sorted(Diagnostic.ORDER).toList());
    }

    /** The objects whose diagnostics are the draft's: the object itself and the TLS Secrets it names. */
    static List<ObjectRef> related(HasMetadata object) {
        String ns = ObjectRef.namespaceOf(object);
        List<ObjectRef> refs = new ArrayList<>();
        refs.add(ObjectRef.of(object));
        if (object instanceof Ingress ing && ing.getSpec() != null && ing.getSpec().getTls() != null) {
            ing.getSpec().getTls().forEach(t -> refs.add(ObjectRef.secret(ns, t.getSecretName())));
        }
        if (object instanceof Gateway gw && gw.getSpec() != null && gw.getSpec().getListeners() != null) {
            gw.getSpec().getListeners().stream().filter(l -> l.getTls() != null && l.getTls().getCertificateRefs() != null)
                    .flatMap(l -> l.getTls().getCertificateRefs().stream())
                    .filter(c -> c.getKind() == null || "Secret".equals(c.getKind()))
                    .forEach(c -> refs.add(ObjectRef.secret(Objects.requireNonNullElse(c.getNamespace(), ns), c.getName())));
        }
        return refs;
    }

    /** The diagnostics of the live objects with {@code draft} in place of its object (the expensive part). */
    protected DiagnosticReport overlaid(HasMetadata draft, SessionSnapshot base, RoutingService service) {
        return service.overlay(service.drafts().with(draft), base).diagnose();
    }

    /** The draft's Ingress when its text is a valid Ingress. */
    public static Optional<Ingress> parse(String yaml) {
        return parseObject(yaml).filter(Ingress.class::isInstance).map(Ingress.class::cast);
    }

    /** The draft's object when its text is valid. */
    public static Optional<HasMetadata> parseObject(String yaml) {
        return YAML.parse(yaml) instanceof DraftYaml.Valid v ? Optional.of(v.object()) : Optional.empty();
    }
}
