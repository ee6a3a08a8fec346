package dev.gatehouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.NamespaceScope;
import dev.gatehouse.cluster.SessionClusterView;
import dev.gatehouse.cluster.SessionSync;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each demo scenario raises the diagnostic it was built for, and the healthy ones raise none: read
 * through a live {@link ClusterSession} on the demo cluster's kubeconfig, as the GUI reads it, with
 * the demo CA trusted (as the GUI trusts it for the demo cluster).
 */
class DemoScenarioDiagnosticsTest {

    /** What each scenario (namespace/Ingress) is built to show; an empty set = healthy. */
    private static final Map<String, Set<DiagnosticCode>> EXPECTED = Map.ofEntries(
            Map.entry("shop/storefront", Set.of()),
            Map.entry("shop/catalog", Set.of(DiagnosticCode.GH105)),
            Map.entry("shop/blog", Set.of(DiagnosticCode.GH201)),
            Map.entry("shop/gift-cards", Set.of(DiagnosticCode.GH110)),
            Map.entry("shop/promo", Set.of(DiagnosticCode.GH202)),
            Map.entry("shop/tickets", Set.of()), // only a live probe finds its stale certificate
            Map.entry("payments/checkout", Set.of(DiagnosticCode.GH601)),
            Map.entry("payments/ledger", Set.of()),
            Map.entry("payments/partner-api", Set.of()),
            Map.entry("payments/refunds", Set.of(DiagnosticCode.GH101)),
            Map.entry("payments/invoices", Set.of(DiagnosticCode.GH403)),
            Map.entry("platform/tenant-sites", Set.of()),
            Map.entry("platform/grafana", Set.of()),
            Map.entry("platform/status-page", Set.of(DiagnosticCode.GH106)));

    @TempDir
    static Path dir;
    private static DemoCluster cluster;
    private static ClusterSession session;
    private static DiagnosticReport report;

    @BeforeAll
    static void start() throws Exception {
        cluster = DemoCluster.start(dir.resolve("demo.kubeconfig"), TestCerts.CLOCK);
        session = ClusterSession.open(KubeconfigSource.fromFile(cluster.kubeconfig()), DemoCluster.CONTEXT,
                NamespaceScope.all(), Runnable::run);
        SessionSync.awaitSynced(session, Duration.ofSeconds(60));
        report = new RoutingEngine(new SessionClusterView(session), ControllerProfile.ingressNginx(),
                TestCerts.CLOCK, TrustAnchors.of(cluster.demoCaCertificate())).diagnose();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyScenarioIsCovered() {
        assertThat(cluster.scenarios()).extracting(s -> s.namespace() + "/" + s.ingressName())
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void eachScenarioRaisesTheDiagnosticItWasBuiltFor() {
        for (DemoScenario scenario : cluster.scenarios()) {
            String key = scenario.namespace() + "/" + scenario.ingressName();
            Set<DiagnosticCode> raised = about(scenario).stream().map(Diagnostic::code).collect(Collectors.toSet());
            assertThat(raised).as("%s (%s): %s", key, scenario.description(), about(scenario))
                    .isEqualTo(EXPECTED.get(key));
        }
    }

    @Test
    void theHealthyScenariosRaiseNothingAtAll() {
        List<DemoScenario> healthy = cluster.scenarios().stream()
                .filter(s -> EXPECTED.get(s.namespace() + "/" + s.ingressName()).isEmpty()).toList();
        assertThat(healthy).extracting(DemoScenario::ingressName).contains("storefront", "ledger", "partner-api",
                "tenant-sites", "grafana");
        for (DemoScenario scenario : healthy) {
            assertThat(about(scenario)).as(scenario.ingressName()).isEmpty();
        }
    }

    @Test
    void everyDiagnosticBelongsToAScenario() {
        Set<ObjectRef> covered = new HashSet<>();
        cluster.scenarios().forEach(s -> covered.addAll(objectsOf(s)));
        // Gateway API scenarios: the route of each, and the Gateway whose listeners they show (GH705 on edge/main)
        cluster.gatewayScenarios().forEach(s -> covered.add(new ObjectRef(s.kind(), s.namespace(), s.name())));
        covered.add(new ObjectRef("Gateway", "edge", "main"));
        assertThat(report.diagnostics()).allSatisfy(d -> assertThat(covered).as(d.toString()).contains(d.object()));
    }

    private static List<Diagnostic> about(DemoScenario scenario) {
        Set<ObjectRef> objects = objectsOf(scenario);
        return report.diagnostics().stream().filter(d -> objects.contains(d.object())).toList();
    }

    /** The scenario's Ingress and the Secrets and Services it names. */
    private static Set<ObjectRef> objectsOf(DemoScenario scenario) {
        String ns = scenario.namespace();
        Ingress ingress = session.ingresses().get(ns, scenario.ingressName()).orElseThrow();
        Set<ObjectRef> refs = new HashSet<>();
        refs.add(ObjectRef.ingress(ns, scenario.ingressName()));
        var spec = ingress.getSpec();
        for (IngressTLS tls : spec.getTls() == null ? List.<IngressTLS>of() : spec.getTls()) {
            refs.add(ObjectRef.secret(ns, tls.getSecretName()));
        }
        for (IngressRule rule : spec.getRules() == null ? List.<IngressRule>of() : spec.getRules()) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                refs.add(ObjectRef.service(ns, path.getBackend().getService().getName()));
            }
        }
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        for (String key : List.of("proxy-ssl-secret", "auth-tls-secret")) {
            String value = annotations == null ? null : annotations.get("nginx.ingress.kubernetes.io/" + key);
            if (value != null) {
                String[] parts = value.split("/", 2);
                refs.add(parts.length == 2 ? ObjectRef.secret(parts[0], parts[1]) : ObjectRef.secret(ns, value));
            }
        }
        return refs;
    }
}
