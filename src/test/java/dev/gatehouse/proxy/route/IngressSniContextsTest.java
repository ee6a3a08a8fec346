package dev.gatehouse.proxy.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import dev.gatehouse.tls.TestCerts;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which certificate a TLS handshake gets by its SNI: the engine's choice for that name, asked once per name. */
class IngressSniContextsTest {

    private static final Clock CLOCK = TestCerts.CLOCK;
    private static ServerTlsContexts tls;
    private static RouteTable table;

    @BeforeAll
    static void build() throws Exception {
        LoadResult result = new YamlClusterLoader().load(List.of(Path.of("src/test/resources/fixtures/shop")));
        RoutingSnapshot snapshot = RoutingEngine.withDefaults(((LoadResult.Loaded) result).view(), CLOCK).snapshot();
        tls = new ServerTlsContexts(TlsProvider.detect(), DefaultCertificate.generate(CLOCK.instant()));
        table = RouteTable.build(snapshot, tls, "fixtures/shop", CLOCK);
    }

    @Test
    void aHostOfTheSecretGetsItsContextWhateverTheCaseOfTheSni() {
        SslContext shop = table.sniMapping().map("shop.example.com");
        assertThat(shop).isNotSameAs(tls.defaultContext());
        assertThat(table.sniMapping().map("SHOP.Example.COM")).isSameAs(shop);
        assertThat(table.sniMapping().map("www.shop.example.com")).as("same Secret, same context").isSameAs(shop);
    }

    @Test
    void noSniAndNamesWithoutRulesGetTheDefaultCertificate() {
        assertThat(table.sniMapping().map(null)).isSameAs(tls.defaultContext());
        assertThat(table.sniMapping().map("")).isSameAs(tls.defaultContext());
        assertThat(table.sniMapping().map("elsewhere.example.org")).isSameAs(tls.defaultContext());
    }
}
