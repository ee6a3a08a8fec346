package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.tls.HostCoverage;
import dev.gatehouse.tls.HostnameMatcher;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link ServerTable} from the handled Ingresses the way ingress-nginx does: Ingresses in
 * {@link IngressOrder} (oldest first), one server per rule host created by the first Ingress naming it,
 * paths merged per host with the first of equal host+path winning, TLS from the first Ingress of the
 * host that has a {@code tls} section.
 */
public final class ServerTableBuilder {

    private final SecretStore secrets;

    public ServerTableBuilder(SecretStore secrets) {
        this.secrets = secrets;
    }

    /** Builds the table from the accepted Ingresses (any order). */
    public ServerTable build(List<Ingress> accepted) {
        List<Ingress> ordered = new ArrayList<>(accepted);
        ordered.sort(IngressOrder.OLDEST_FIRST);
        Map<String, Draft> servers = new LinkedHashMap<>();
        Draft catchAll = new Draft(HostPattern.parse(""));
        List<ObjectRef> canaries = new ArrayList<>();

        for (Ingress ingress : ordered) {
            NginxAnnotations nginx = NginxAnnotations.of(ingress);
            ObjectRef ref = ObjectRef.of(ingress);
            if (nginx.canary()) {
                canaries.add(ref);
                continue;
            }
            var spec = ingress.getSpec();
            List<IngressRule> rules = spec == null || spec.getRules() == null ? List.of() : spec.getRules();
            if (spec != null && spec.getDefaultBackend() != null && rules.isEmpty() && catchAll.fallback == null) {
                catchAll.fallback = new DefaultBackendRef(ref, spec.getDefaultBackend(), nginx);
            }
            for (int r = 0; r < rules.size(); r++) {
                IngressRule rule = rules.get(r);
                HostPattern host = HostPattern.parse(rule.getHost());
                Draft server = host.kind() == HostPattern.Kind.ANY ? catchAll
                        : servers.computeIfAbsent(host.host(), h -> new Draft(host));
                if (server != catchAll && server.createdBy == null) {
                    server.createdBy = ref;
                    server.fallbackNginx = nginx;
                    if (spec.getDefaultBackend() != null) {
                        server.fallback = new DefaultBackendRef(ref, spec.getDefaultBackend(), nginx);
                    }
                    if (nginx.sslPassthrough()) {
                        server.passthroughBy = ref;
                    }
                }
                server.contribute(ref, nginx);
                addPaths(server, ingress, ref, nginx, host, r, rule);
            }
        }
        for (Ingress ingress : ordered) {
            assignTls(ingress, servers);
        }
        Map<String, Server> built = new LinkedHashMap<>();
        servers.forEach((host, draft) -> built.put(host, draft.build()));
        return new ServerTable(built, catchAll.build(), canaries);
    }

    private static void addPaths(Draft server, Ingress ingress, ObjectRef ref, NginxAnnotations nginx,
                                 HostPattern host, int ruleIndex, IngressRule rule) {
        List<HTTPIngressPath> paths = rule.getHttp() == null || rule.getHttp().getPaths() == null ? List.of()
                : rule.getHttp().getPaths();
        for (int p = 0; p < paths.size(); p++) {
            HTTPIngressPath path = paths.get(p);
            String value = path.getPath() == null || path.getPath().isEmpty() ? "/" : path.getPath();
            PathRule candidate = new PathRule(ref, ingress, nginx, host, ruleIndex, p, value,
                    PathKind.of(path.getPathType()), path.getBackend());
            PathRule existing = server.byKey.get(candidate.conflictKey());
            if (existing != null) {
                server.conflicts.add(new PathConflict(existing, candidate));
            } else {
                server.byKey.put(candidate.conflictKey(), candidate);
                server.paths.add(candidate);
            }
        }
    }

    private void assignTls(Ingress ingress, Map<String, Draft> servers) {
        var spec = ingress.getSpec();
        if (spec == null || spec.getRules() == null || NginxAnnotations.of(ingress).canary()) {
            return;
        }
        List<IngressTLS> tls = spec.getTls() == null ? List.of() : spec.getTls();
        ObjectRef ref = ObjectRef.of(ingress);
        for (IngressRule rule : spec.getRules()) {
            HostPattern host = HostPattern.parse(rule.getHost());
            if (host.kind() == HostPattern.Kind.ANY) {
                continue; // the catch-all server always has the default certificate
            }
            Draft server = servers.get(host.host());
            if (server == null) {
                continue;
            }
            if (server.authTls == null) {
                NginxAnnotations nginx = NginxAnnotations.of(ingress);
                nginx.authTlsSecret().ifPresent(s -> server.authTls = new AuthTlsBinding(ref, nginx, secrets.get(s)));
            }
            if (server.tls == null && !tls.isEmpty()) {
                server.tls = bind(ref, host.host(), tls);
            }
        }
    }

    private TlsBinding bind(ObjectRef ingress, String host, List<IngressTLS> entries) {
        for (int i = 0; i < entries.size(); i++) {
            IngressTLS entry = entries.get(i);
            List<String> hosts = entry.getHosts() == null ? List.of() : entry.getHosts();
            if (hosts.stream().anyMatch(h -> h != null && h.toLowerCase(Locale.ROOT).equals(host))) {
                return listed(ingress, host, i, entry);
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.get(i).getSecretName();
            if (name == null || name.isBlank()) {
                continue;
            }
            SecretState state = secrets.get(ingress.namespace(), name);
            boolean covers = state.servable() && state.servedCertificate()
                    .map(c -> HostnameMatcher.coverage(c, host) == HostCoverage.SAN).orElse(false);
            if (covers) {
                return new TlsBinding(ingress, TlsBinding.Source.CERTIFICATE_COVERS_HOST, Optional.of(i),
                        Optional.of(state), true, host + " is not listed in the tls hosts of " + ingress
                        + ", but the certificate of Secret " + state.ref().path() + " covers it");
            }
        }
        return new TlsBinding(ingress, TlsBinding.Source.NOT_LISTED, Optional.empty(), Optional.empty(), false,
                host + " is not listed in the tls section of " + ingress + " and no certificate there covers it,"
                        + " so ingress-nginx uses its default certificate");
    }

    private TlsBinding listed(ObjectRef ingress, String host, int index, IngressTLS entry) {
        String name = entry.getSecretName();
        if (name == null || name.isBlank()) {
            return new TlsBinding(ingress, TlsBinding.Source.LISTED_HOST, Optional.of(index), Optional.empty(), false,
                    "the tls entry for " + host + " in " + ingress + " has no secretName");
        }
        SecretState state = secrets.get(ingress.namespace(), name);
        if (state.presence() == SecretState.Presence.NOT_IN_INPUT) {
            return new TlsBinding(ingress, TlsBinding.Source.LISTED_HOST, Optional.of(index), Optional.of(state), true,
                    "Secret " + state.ref().path() + " is not in the input; assuming it holds a valid certificate");
        }
        if (!state.servable()) {
            return new TlsBinding(ingress, TlsBinding.Source.LISTED_HOST, Optional.of(index), Optional.of(state), false,
                    state.unusable().orElse("the Secret cannot be used") + ", so ingress-nginx uses its default"
                            + " certificate");
        }
        var cert = state.servedCertificate().orElseThrow();
        HostCoverage coverage = HostnameMatcher.coverage(cert, host);
        if (coverage == HostCoverage.NONE) {
            return new TlsBinding(ingress, TlsBinding.Source.LISTED_HOST, Optional.of(index), Optional.of(state), false,
                    "the certificate of Secret " + state.ref().path() + " does not cover " + host + " (it covers "
                            + String.join(", ", HostnameMatcher.coveredNames(cert))
                            + "), so ingress-nginx uses its default certificate");
        }
        String note = coverage == HostCoverage.COMMON_NAME_ONLY
                ? " (only its common name matches; browsers require a SAN)" : "";
        return new TlsBinding(ingress, TlsBinding.Source.LISTED_HOST, Optional.of(index), Optional.of(state), true,
                host + " is listed in the tls section of " + ingress + " with Secret " + state.ref().path() + note);
    }

    /** A server being built. */
    private static final class Draft {
        private final HostPattern pattern;
        private ObjectRef createdBy;
        private DefaultBackendRef fallback;
        private NginxAnnotations fallbackNginx = NginxAnnotations.DEFAULTS;
        private final List<PathRule> paths = new ArrayList<>();
        private final Map<String, PathRule> byKey = new LinkedHashMap<>();
        private final List<PathConflict> conflicts = new ArrayList<>();
        private ObjectRef regexBy;
        private TlsBinding tls;
        private AuthTlsBinding authTls;
        private ObjectRef passthroughBy;
        private final List<ObjectRef> contributors = new ArrayList<>();

        Draft(HostPattern pattern) {
            this.pattern = pattern;
        }

        void contribute(ObjectRef ref, NginxAnnotations nginx) {
            if (!contributors.contains(ref)) {
                contributors.add(ref);
            }
            if (regexBy == null && nginx.regex()) {
                regexBy = ref;
            }
        }

        Server build() {
            return new Server(pattern, Optional.ofNullable(createdBy), Optional.ofNullable(fallback), fallbackNginx,
                    paths, conflicts, Optional.ofNullable(regexBy), Optional.ofNullable(tls),
                    Optional.ofNullable(authTls), Optional.ofNullable(passthroughBy), contributors);
        }
    }
}
