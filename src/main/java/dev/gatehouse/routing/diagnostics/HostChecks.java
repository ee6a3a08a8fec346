package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ClassVerdict;
import dev.gatehouse.routing.model.NginxAnnotations;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.model.Server;
import dev.gatehouse.routing.model.TlsBinding;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.tls.HostnameMatcher;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** GH202–GH206, GH208: hosts, their TLS entries and redirects. */
final class HostChecks implements Check {

    @Override
    public void run(RoutingModel model, Findings findings) {
        for (ClassVerdict verdict : model.classes().accepted()) {
            Ingress ingress = verdict.ingress();
            ObjectRef ref = verdict.ref();
            checkHostSyntax(ingress, ref, findings);
            checkTlsHostsHaveRules(model, ingress, ref, findings);
            checkSslRedirect(model, ingress, ref, findings);
        }
        for (Server server : model.servers().byHost().values()) {
            checkHostHasTls(server, findings);
        }
    }

    private static void checkHostSyntax(Ingress ingress, ObjectRef ref, Findings findings) {
        Set<String> reported = new LinkedHashSet<>();
        for (IngressRule rule : rules(ingress)) {
            report(HostPattern.parse(rule.getHost()), "rule", ref, reported, findings);
        }
        for (IngressTLS tls : tls(ingress)) {
            for (String host : tls.getHosts() == null ? List.<String>of() : tls.getHosts()) {
                report(HostPattern.parse(host), "tls", ref, reported, findings);
            }
            if (tls.getSecretName() == null || tls.getSecretName().isBlank()) {
                findings.add(DiagnosticCode.GH208, ref, "The tls entry for " + hostsOf(tls) + " has no secretName,"
                        + " so ingress-nginx serves its default certificate for it",
                        "Set secretName to a kubernetes.io/tls Secret in namespace " + ref.namespace());
            }
        }
    }

    private static void report(HostPattern host, String where, ObjectRef ref, Set<String> reported, Findings findings) {
        if (host.valid() || !reported.add(where + host.raw())) {
            return;
        }
        if (host.validity() == HostPattern.Validity.INVALID_WILDCARD) {
            findings.add(DiagnosticCode.GH204, ref, "The " + where + " host " + host.problem().orElseThrow()
                            + "; the API server rejects it and it matches no request",
                    "Write the wildcard as *.example.com; it then covers exactly one label (a.example.com)");
        } else {
            findings.add(DiagnosticCode.GH205, ref, "The " + where + " host " + host.problem().orElseThrow(),
                    "Use a lower-case DNS name without port, e.g. shop.example.com");
        }
    }

    private static void checkTlsHostsHaveRules(RoutingModel model, Ingress ingress, ObjectRef ref, Findings findings) {
        for (IngressTLS tls : tls(ingress)) {
            for (String raw : tls.getHosts() == null ? List.<String>of() : tls.getHosts()) {
                String host = HostnameMatcher.normalize(raw);
                if (host.isEmpty()) {
                    continue;
                }
                boolean used = model.servers().byHost().keySet().stream()
                        .anyMatch(ruleHost -> ruleHost.equals(host) || HostnameMatcher.matches(host, ruleHost));
                if (!used) {
                    findings.add(DiagnosticCode.GH203, ref, "The tls section lists " + host + ", but no rule has that"
                                    + " host, so its certificate is never served for it (clients get the default"
                                    + " certificate)",
                            "Add a rule with host: " + host + ", or remove it from the tls hosts");
                }
            }
        }
    }

    private static void checkSslRedirect(RoutingModel model, Ingress ingress, ObjectRef ref, Findings findings) {
        NginxAnnotations nginx = NginxAnnotations.of(ingress);
        if (nginx.sslRedirect().orElse(true) || nginx.forceSslRedirect()) {
            return;
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (IngressRule rule : rules(ingress)) {
            HostPattern host = HostPattern.parse(rule.getHost());
            if (host.kind() != HostPattern.Kind.ANY
                    && model.servers().exact(host.host()).map(Server::hasTls).orElse(false)) {
                hosts.add(host.host());
            }
        }
        for (String host : hosts) {
            findings.add(DiagnosticCode.GH206, ref, "ssl-redirect is off for " + host + ", which has TLS: plain HTTP"
                            + " requests are served unencrypted instead of redirected",
                    "Remove nginx.ingress.kubernetes.io/ssl-redirect: \"false\" unless plain HTTP must stay reachable");
        }
    }

    private static void checkHostHasTls(Server server, Findings findings) {
        String host = server.pattern().host();
        ObjectRef owner = server.createdBy().orElseThrow();
        if (server.tls().isEmpty()) {
            findings.add(DiagnosticCode.GH202, owner, host + " has no TLS entry: HTTPS requests get the default"
                            + " certificate and plain HTTP is not redirected",
                    "Add a tls entry with hosts: [" + host + "] and a kubernetes.io/tls Secret (cert-manager can issue it)");
            return;
        }
        TlsBinding binding = server.tls().get();
        if (binding.source() == TlsBinding.Source.NOT_LISTED) {
            findings.add(DiagnosticCode.GH202, binding.ingress(), host + " is not in the tls hosts of "
                            + binding.ingress() + " and no certificate there covers it, so HTTPS requests get the"
                            + " default certificate",
                    "Add " + host + " to the hosts of the tls entry whose certificate covers it");
        }
    }

    private static String hostsOf(IngressTLS tls) {
        return tls.getHosts() == null || tls.getHosts().isEmpty() ? "all hosts" : String.join(", ", tls.getHosts());
    }

    static List<IngressRule> rules(Ingress ingress) {
        return ingress.getSpec() == null || ingress.getSpec().getRules() == null ? List.of()
                : ingress.getSpec().getRules();
    }

    static List<IngressTLS> tls(Ingress ingress) {
        return ingress.getSpec() == null || ingress.getSpec().getTls() == null ? List.of() : ingress.getSpec().getTls();
    }
}
