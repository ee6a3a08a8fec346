package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.NamespaceScope;
import dev.gatehouse.cluster.SessionClusterView;
import dev.gatehouse.cluster.SessionSync;
import dev.gatehouse.demo.DemoCluster;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.gateway.ConditionLine;
import dev.gatehouse.ui.gateway.GatewaysViewModel;
import dev.gatehouse.ui.gateway.ListenerRow;
import dev.gatehouse.ui.route.RouteRow;
import dev.gatehouse.ui.route.RoutesViewModel;
import dev.gatehouse.ui.route.RuleLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Gateways and HTTPRoutes view models on the demo cluster's Gateway API scenarios (read through a live
 * session as the window reads them, judged with a fixed clock), without a window.
 */
class GatewayScreensViewModelTest {
    @TempDir
    static Path dir;
    private static DemoCluster cluster;
    private static ClusterSession session;
    private static SessionSnapshot snapshot;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        cluster = DemoCluster.start(dir.resolve("demo.kubeconfig"), TestCerts.CLOCK);
        session = ClusterSession.open(KubeconfigSource.fromFile(cluster.kubeconfig()), DemoCluster.CONTEXT,
                NamespaceScope.all(), Runnable::run);
        SessionSync.awaitSynced(session, Duration.ofSeconds(60));
        RoutingSnapshot routing = new RoutingEngine(new SessionClusterView(session), ControllerProfile.ingressNginx(),
                TestCerts.CLOCK, TrustAnchors.of(cluster.demoCaCertificate())).snapshot();
        snapshot = new SessionSnapshot(1, routing, routing.diagnose(), TrustAnchors.of(cluster.demoCaCertificate()), 0,
                TestCerts.NOW);
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
    void everyListenerWithCertificateRoutesAndVerdictBesideTheController() throws Exception {
        GatewaysViewModel vm = fx(() -> new GatewaysViewModel(new SimpleObjectProperty<>(session),
                new SimpleObjectProperty<>(snapshot)));
        assertThat(vm.allRows()).extracting(ListenerRow::listenerName)
                .containsExactly("http", "https", "https-docs", "https-billing", "https-red", "https-blue");
        assertThat(vm.countProperty().get()).isEqualTo("6 listeners");

        ListenerRow https = row(vm, "https");
        assertThat(https.gatewayName()).isEqualTo("edge/main");
        assertThat(https.namespace()).isEqualTo("edge");
        assertThat(https.protocol()).isEqualTo("HTTPS");
        assertThat(https.port()).isEqualTo("443");
        assertThat(https.hostname()).isEqualTo("*.gw.demo.gatehouse.test");
        assertThat(https.certificate()).startsWith("gw-wildcard-tls · expires in ").endsWith(" days");
        assertThat(https.certificateStatus()).isEqualTo(Status.OK);
        assertThat(https.attachedRoutes()).isEqualTo(5);
        assertThat(https.verdict()).isEqualTo("Programmed");
        assertThat(https.controllerText()).isEqualTo("Programmed=True");
        assertThat(https.difference()).isEmpty();
        assertThat(vm.statusOf(https)).isEqualTo(Status.OK);

        assertThat(row(vm, "http").certificate()).isEqualTo("no TLS");
        assertThat(row(vm, "https-docs").certificate()).startsWith("shared-certs/docs-tls · expires in ");

        // The controller wrote Programmed=True for https-billing; Gatehouse finds its Secret not granted.
        ListenerRow billing = row(vm, "https-billing");
        assertThat(billing.verdict()).isEqualTo("ResolvedRefs=False RefNotPermitted");
        assertThat(billing.verdictStatus()).isEqualTo(Status.ERROR);
        assertThat(billing.certificate()).isEqualTo("shared-certs/billing-tls · not permitted (no ReferenceGrant)");
        assertThat(billing.certificateStatus()).isEqualTo(Status.ERROR);
        assertThat(billing.controllerText()).isEqualTo("Programmed=True ≠ Gatehouse");
        assertThat(billing.difference()).hasValueSatisfying(d -> assertThat(d)
                .startsWith("controller says Programmed=True, ResolvedRefs=True; Gatehouse: ResolvedRefs=False"
                        + " RefNotPermitted — ")
                .contains("shared-certs/billing-tls").contains("ReferenceGrant"));
        assertThat(vm.statusOf(billing)).isEqualTo(Status.ERROR);
        assertThat(vm.problemCount(billing)).isEqualTo(1);

        // Filtering on any column; the selection's details: conditions side by side, YAML, diagnostics.
        fx(() -> {
            vm.filterProperty().set("BILLING");
            return null;
        });
        assertThat(vm.rows()).containsExactly(billing);
        assertThat(vm.countProperty().get()).isEqualTo("1 of 6 listeners");
        fx(() -> {
            vm.selectedProperty().set(billing);
            return null;
        });
        var details = vm.detailsProperty().get();
        assertThat(details.title()).isEqualTo("Gateway edge/main · listener https-billing");
        assertThat(details.listenerConditions()).filteredOn(ConditionLine::differs).extracting(ConditionLine::type)
                .containsExactly("ResolvedRefs", "Programmed");
        assertThat(details.difference()).isEqualTo(billing.difference());
        assertThat(details.routes()).containsExactly("HTTPRoute web/billing");
        assertThat(details.yaml()).contains("name: \"main\"").contains("https-billing").doesNotContain("managedFields");
        assertThat(details.problems()).extracting(d -> d.code()).first().isEqualTo(DiagnosticCode.GH705);
        assertThat(details.facts()).anySatisfy(f -> assertThat(f).startsWith("GatewayClass eg: accepted"));
        fx(() -> {
            vm.close();
            return null;
        });
    }

    @Test
    void everyRouteWithParentsRulesAndWhyItIsNotAttached() throws Exception {
        RoutesViewModel vm = fx(() -> new RoutesViewModel(new SimpleObjectProperty<>(session),
                new SimpleObjectProperty<>(snapshot)));
        assertThat(vm.allRows()).hasSize(10);
        assertThat(vm.countProperty().get()).isEqualTo("10 routes");

        RouteRow apex = route(vm, "apex");
        assertThat(apex.kind()).isEqualTo("HTTPRoute");
        assertThat(apex.hostnames()).isEqualTo("gw.demo.gatehouse.test");
        assertThat(apex.verdict()).isEqualTo("Accepted=False NoMatchingListenerHostname");
        assertThat(apex.verdictStatus()).isEqualTo(Status.ERROR);
        assertThat(apex.parents()).isEqualTo("edge/main: Accepted=False NoMatchingListenerHostname");
        assertThat(apex.controllerText()).isEqualTo("no status written");
        assertThat(vm.statusOf(apex)).isEqualTo(Status.ERROR);

        RouteRow search = route(vm, "search");
        assertThat(search.verdict()).isEqualTo("Accepted");
        assertThat(search.parents()).isEqualTo("edge/main (https): Accepted");
        assertThat(search.backends()).isEqualTo("search-v1:80 (90%), search-v2:80 (10%)");
        assertThat(route(vm, "https-redirect").backends()).isEqualTo("redirect");
        assertThat(route(vm, "https-redirect").hostnames()).isEqualTo("any host (the listener's)");

        fx(() -> {
            vm.filterProperty().set("NoMatchingListenerHostname");
            vm.selectedProperty().set(apex);
            return null;
        });
        assertThat(vm.rows()).containsExactly(apex);
        var details = vm.detailsProperty().get();
        assertThat(details.parents()).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Gateway edge/main");
            assertThat(p.attachedTo()).isEqualTo("attached to no listener");
            assertThat(p.conditions()).extracting(ConditionLine::gatehouse).first().asString()
                    .startsWith("Accepted=False NoMatchingListenerHostname: ");
        });
        assertThat(details.problems()).extracting(d -> d.code()).containsExactly(DiagnosticCode.GH711);

        fx(() -> {
            vm.filterProperty().set("catalog-api");
            vm.selectedProperty().set(route(vm, "catalog-api"));
            return null;
        });
        assertThat(vm.detailsProperty().get().rules()).singleElement().satisfies((RuleLine r) -> {
            assertThat(r.matches()).containsExactly("PathPrefix /catalog");
            assertThat(r.filters()).containsExactly("URLRewrite: path prefix → /");
            assertThat(r.backends()).extracting(RuleLine.Target::text).containsExactly("Service web/catalog-api port 80");
        });
        fx(() -> {
            vm.close();
            return null;
        });
    }

    private static ListenerRow row(GatewaysViewModel vm, String listener) {
        return vm.allRows().stream().filter(r -> r.listenerName().equals(listener)).findFirst().orElseThrow();
    }

    private static RouteRow route(RoutesViewModel vm, String name) {
        return vm.allRows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
