package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.HostTable;
import dev.gatehouse.routing.route.VirtualHost;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proxy builds its TLS table from {@link RoutingSnapshot#certificate}, the TLS step alone; it must give the
 * certificate {@link RoutingSnapshot#explain} reports, for every host, SNI and port of real inputs.
 */
class CertificateQueryTest {

    static Stream<String> inputs() {
        return Stream.of("fixtures/shop", "fixtures/problems", "gateway/tls.yaml", "gateway/matching.yaml",
                "gateway/proxy.yaml");
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theTlsStepAloneGivesTheCertificateTheExplanationReports(String input) {
        LoadResult result = new YamlClusterLoader().load(List.of(Path.of("src/test/resources", input)));
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        LoadResult.Loaded loaded = (LoadResult.Loaded) result;
        RoutingSnapshot snapshot = RoutingEngine.withDefaults(loaded.view(), Fixture.CLOCK).snapshot();

        Set<String> names = new LinkedHashSet<>(List.of("unknown.example.org"));
        Set<Integer> ports = new LinkedHashSet<>(List.of(443));
        for (VirtualHost host : snapshot.model().routes().all()) {
            if (!host.catchAll()) {
                String name = host.pattern().host();
                names.add(host.pattern().kind() == HostPattern.Kind.WILDCARD ? "probe" + name.substring(1) : name);
            }
        }
        for (HasMetadata object : loaded.objects()) {
            if (object instanceof Gateway gateway) {
                gateway.getSpec().getListeners().forEach(l -> {
                    ports.add(l.getPort());
                    if (l.getHostname() != null) {
                        names.add(l.getHostname().startsWith("*.") ? "probe" + l.getHostname().substring(1)
                                : l.getHostname());
                    }
                });
            } else if (object instanceof HTTPRoute route && route.getSpec().getHostnames() != null) {
                route.getSpec().getHostnames().forEach(h -> names.add(h.replace("*", "probe")));
            }
        }
        List<String> checked = new ArrayList<>();
        for (String name : names) {
            for (int port : ports) {
                for (Optional<String> sni : List.of(Optional.of(name), Optional.<String>empty())) {
                    ProbeRequest probe = new ProbeRequest("GET", "https", name, port, "/", "", sni,
                            ClientCertificate.NONE);
                    assertThat(snapshot.certificate(probe)).as(name + ":" + port + " SNI " + sni)
                            .isEqualTo(snapshot.explain(probe).certificate());
                    checked.add(name);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(4);
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theTlsViewWithoutRoutesIsTheBuiltHostsTlsSide(String input) {
        LoadResult.Loaded loaded = (LoadResult.Loaded) new YamlClusterLoader().load(List.of(Path.of("src/test/resources", input)));
        HostTable routes = RoutingEngine.withDefaults(loaded.view(), Fixture.CLOCK).snapshot().model().routes();
        List<HostTable.TlsView> light = routes.tls(); // asked first: nothing built yet
        List<HostTable.TlsView> built = routes.all().stream().map(h -> new HostTable.TlsView(h.pattern().host(),
                h.catchAll(), h.tls(), h.clientCertificate())).toList();
        assertThat(light).isEqualTo(built);
    }
}
