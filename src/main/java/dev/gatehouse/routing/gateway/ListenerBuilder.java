package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutes;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerTLSConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteGroupKind;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Builds the listeners of one Gateway (its own and those of attached ListenerSets) with their conditions:
 * Accepted (UnsupportedProtocol, UnsupportedValue), ResolvedRefs (InvalidCertificateRef, RefNotPermitted,
 * InvalidRouteKinds; for the Gateway's client-certificate validation InvalidCACertificateRef,
 * InvalidCACertificateKind, RefNotPermitted, and then Accepted=False NoValidCACertificate when no CA can be used),
 * Conflicted (ProtocolConflict, HostnameConflict) and Programmed (Invalid, Pending).
 */
final class ListenerBuilder {

    /** A listener as written, before its conditions are computed. */
    record Spec(ObjectRef owner, boolean fromListenerSet, String name, Integer port, String protocol, String hostname,
                ListenerTLSConfig tls, AllowedRoutes allowedRoutes) {
    }

    private final CertificateResolver certificates;

    ListenerBuilder(CertificateResolver certificates) {
        this.certificates = certificates;
    }

    /**
     * @param gateway        the Gateway
     * @param classAccepted  whether its GatewayClass is accepted (else every listener is Pending)
     * @param specs          its listeners, the Gateway's own first, then ListenerSets' oldest first
     */
    List<GatewayListener> build(ObjectRef gateway, boolean classAccepted, List<Spec> specs) {
        return build(gateway, classAccepted, specs, port -> Optional.empty());
    }

    /** @param frontend the Gateway's client-certificate validation of an HTTPS listener on a port, if any */
    List<GatewayListener> build(ObjectRef gateway, boolean classAccepted, List<Spec> specs,
                                IntFunction<Optional<FrontendValidation>> frontend) {
        List<GatewayListener> out = new ArrayList<>();
        // parsed once: every listener is checked against every other one on its port
        List<String> hosts = specs.stream().map(s -> Hostnames.parse(s.hostname()).host()).toList();
        for (int i = 0; i < specs.size(); i++) {
            out.add(one(gateway, classAccepted, specs.get(i), conflict(specs, hosts, i), frontend));
        }
        return out;
    }

    private GatewayListener one(ObjectRef gateway, boolean classAccepted, Spec spec, Optional<Condition> conflict,
                                IntFunction<Optional<FrontendValidation>> frontend) {
        List<Condition> conditions = new ArrayList<>();
        Optional<ListenerProtocol> protocol = ListenerProtocol.parse(spec.protocol());
        HostPattern hostname = Hostnames.parse(spec.hostname());
        String name = spec.name() == null ? "" : spec.name();
        int port = spec.port() == null ? 0 : spec.port();
        Optional<String> mode = protocol.filter(p -> p == ListenerProtocol.HTTPS || p == ListenerProtocol.TLS)
                .map(p -> spec.tls() == null || spec.tls().getMode() == null ? "Terminate" : spec.tls().getMode());
        Condition accepted = Condition.isTrue(Condition.ACCEPTED, "Accepted", "the listener is valid");
        if (protocol.isEmpty()) {
            accepted = Condition.isFalse(Condition.ACCEPTED, "UnsupportedProtocol", "protocol \"" + spec.protocol()
                    + "\" is not HTTP, HTTPS, TLS, TCP or UDP");
        } else if (protocol.get() == ListenerProtocol.HTTPS && "Passthrough".equals(mode.orElse(""))) {
            accepted = Condition.isFalse(Condition.ACCEPTED, "UnsupportedValue",
                    "an HTTPS listener terminates TLS; Passthrough needs protocol TLS");
        } else if (!hostname.valid()) {
            accepted = Condition.isFalse(Condition.ACCEPTED, "UnsupportedValue", hostname.problem().orElse("bad hostname"));
        }
        Optional<FrontendValidation> validation = protocol.filter(p -> p == ListenerProtocol.HTTPS)
                .flatMap(p -> frontend.apply(port));
        if (accepted.status() && validation.map(FrontendValidation::noValidCa).orElse(false)) {
            accepted = Condition.isFalse(Condition.ACCEPTED, "NoValidCACertificate", "no caCertificateRefs entry of "
                    + validation.get().field() + " can be used" + validation.get().problem()
                    .map(p -> ": " + p.reason()).orElse(" (it names none)"));
        }
        conditions.add(accepted);

        List<CertificateRef> certs = new ArrayList<>();
        Optional<Condition> refsProblem = Optional.empty();
        boolean terminates = mode.map("Terminate"::equals).orElse(false);
        if (terminates) {
            List<SecretObjectReference> refs = spec.tls() == null || spec.tls().getCertificateRefs() == null
                    ? List.of() : spec.tls().getCertificateRefs();
            for (SecretObjectReference ref : refs) {
                certs.add(certificates.resolve(ref, spec.owner().kind(), spec.owner().namespace()));
            }
            if (refs.isEmpty()) {
                refsProblem = Optional.of(Condition.isFalse(Condition.RESOLVED_REFS, "InvalidCertificateRef",
                        "the listener terminates TLS but names no certificateRefs"));
            } else {
                refsProblem = certs.stream().filter(c -> !c.usable()).findFirst().map(c -> Condition.isFalse(
                        Condition.RESOLVED_REFS, c.resolution() == CertificateRef.Resolution.NOT_PERMITTED
                                ? "RefNotPermitted" : "InvalidCertificateRef", c.reason()));
            }
        }
        List<String> kinds = new ArrayList<>();
        List<String> badKinds = new ArrayList<>();
        List<String> supported = protocol.map(ListenerProtocol::supportedKinds).orElse(List.of());
        List<RouteGroupKind> written = spec.allowedRoutes() == null || spec.allowedRoutes().getKinds() == null
                ? List.of() : spec.allowedRoutes().getKinds();
        if (written.isEmpty()) {
            kinds.addAll(protocol.filter(p -> p == ListenerProtocol.TLS && "Terminate".equals(mode.orElse("")))
                    .map(p -> List.of("TLSRoute", "HTTPRoute")).orElse(supported));
        }
        for (RouteGroupKind k : written) {
            String group = k.getGroup() == null ? ReferenceGrants.GROUP : k.getGroup();
            if (ReferenceGrants.GROUP.equals(group) && supported.contains(k.getKind())) {
                kinds.add(k.getKind());
            } else {
                badKinds.add(k.getKind());
            }
        }
        if (refsProblem.isEmpty() && validation.flatMap(FrontendValidation::problem).isPresent()) {
            FrontendValidation.CaRef bad = validation.flatMap(FrontendValidation::problem).get();
            refsProblem = Optional.of(Condition.isFalse(Condition.RESOLVED_REFS, bad.conditionReason(),
                    validation.get().field() + ": " + bad.reason()));
        }
        if (refsProblem.isEmpty() && !badKinds.isEmpty()) {
            refsProblem = Optional.of(Condition.isFalse(Condition.RESOLVED_REFS, "InvalidRouteKinds",
                    "allowedRoutes.kinds names " + String.join(", ", badKinds) + ", which a "
                    + spec.protocol() + " listener does not support"));
        }
        conditions.add(refsProblem.orElse(Condition.isTrue(Condition.RESOLVED_REFS, "ResolvedRefs",
                "every reference resolved")));
        conditions.add(conflict.orElse(Condition.isFalse(Condition.CONFLICTED, "NoConflicts",
                "no other listener claims this port and hostname")));

        boolean noCertificate = terminates && certs.stream().noneMatch(CertificateRef::usable);
        Condition programmed;
        if (!classAccepted) {
            programmed = Condition.isFalse(Condition.PROGRAMMED, "Pending", "the Gateway is not accepted");
        } else if (!accepted.status()) {
            programmed = Condition.isFalse(Condition.PROGRAMMED, "Invalid", accepted.message());
        } else if (conflict.isPresent()) {
            programmed = Condition.isFalse(Condition.PROGRAMMED, "Invalid", conflict.get().message());
        } else if (noCertificate) {
            programmed = Condition.isFalse(Condition.PROGRAMMED, "Invalid", "no usable certificate: "
                    + refsProblem.map(Condition::message).orElse(""));
        } else {
            programmed = Condition.isTrue(Condition.PROGRAMMED, "Programmed", "the listener serves traffic");
        }
        conditions.add(programmed);
        RouteNamespaces namespaces = spec.allowedRoutes() == null || spec.allowedRoutes().getNamespaces() == null
                ? RouteNamespaces.SAME : RouteNamespaces.of(spec.allowedRoutes().getNamespaces().getFrom(),
                spec.allowedRoutes().getNamespaces().getSelector(), RouteNamespaces.From.SAME);
        return new GatewayListener(new ListenerKey(spec.owner(), name), gateway, port, protocol,
                spec.protocol() == null ? "" : spec.protocol(), hostname, mode, certs, namespaces, kinds, conditions,
                validation);
    }

    /** Conflicted=True when another listener on the port speaks an incompatible protocol or has the same hostname. */
    private static Optional<Condition> conflict(List<Spec> specs, List<String> hosts, int index) {
        Spec me = specs.get(index);
        for (int j = 0; j < specs.size(); j++) {
            Spec other = specs.get(j);
            if (j == index || other.port() == null || !other.port().equals(me.port())) {
                continue;
            }
            if (!me.fromListenerSet() && other.fromListenerSet()) {
                continue; // the Gateway's own listeners win over ListenerSet listeners
            }
            if (me.fromListenerSet() && other.fromListenerSet() && j > index) {
                continue; // between ListenerSets the older one wins
            }
            String a = family(me.protocol());
            String b = family(other.protocol());
            if (!a.equals(b)) {
                return Optional.of(Condition.isTrue(Condition.CONFLICTED, "ProtocolConflict", "listener "
                        + other.name() + " uses port " + me.port() + " with protocol " + other.protocol()));
            }
            if (hosts.get(index).equals(hosts.get(j))
                    && (me.protocol() == null ? "" : me.protocol()).equals(other.protocol())) {
                return Optional.of(Condition.isTrue(Condition.CONFLICTED, "HostnameConflict", "listener "
                        + other.name() + " claims the same port " + me.port() + " and hostname "
                        + Hostnames.parse(me.hostname()).display()));
            }
        }
        return Optional.empty();
    }

    /** Protocols that can share a port: HTTPS with TLS (by SNI); HTTP only with HTTP; TCP and UDP alone. */
    private static String family(String protocol) {
        return switch (protocol == null ? "" : protocol) {
            case "HTTPS", "TLS" -> "tls";
            default -> protocol == null ? "" : protocol;
        };
    }
}
