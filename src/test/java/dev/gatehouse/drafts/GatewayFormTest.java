package dev.gatehouse.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.drafts.GatewayForm.ListenerRow;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Gateway form reads a Gateway's listeners and writes edits back without losing what it does not show. */
class GatewayFormTest {

    private static final String GATEWAY = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: edge, namespace: shop, labels: {team: web}}
            spec:
              gatewayClassName: eg
              addresses: [{type: IPAddress, value: 10.0.0.9}]
              listeners:
              - name: https
                port: 443
                protocol: HTTPS
                hostname: shop.example.com
                tls:
                  mode: Terminate
                  certificateRefs: [{name: shop-tls}, {kind: Secret, group: "", name: shared, namespace: certs}]
                  options: {example.com/cipher: modern}
                allowedRoutes:
                  namespaces: {from: Selector, selector: {matchLabels: {shared: "true"}}}
                  kinds: [{kind: HTTPRoute}]
              - {name: http, port: 80, protocol: HTTP}
            """;

    private static Gateway gateway() {
        return Serialization.unmarshal(GATEWAY, Gateway.class);
    }

    @Test
    void theFormShowsEveryListenerAsTheYamlHasIt() {
        GatewayForm form = GatewayForm.from(gateway());
        assertThat(form.gatewayClassName()).isEqualTo("eg");
        assertThat(form.listeners()).containsExactly(
                new ListenerRow("https", "HTTPS", "443", "shop.example.com", "Terminate", "shop-tls, certs/shared",
                        "Selector"),
                new ListenerRow("http", "HTTP", "80", "", "", "", ""));
    }

    @Test
    void anEditKeepsWhatTheFormDoesNotShow() {
        GatewayForm form = GatewayForm.from(gateway());
        List<ListenerRow> rows = new ArrayList<>(form.listeners());
        rows.set(0, new ListenerRow("https", "HTTPS", "8443", "*.example.com", "Terminate", "certs/shared", "Selector"));
        Gateway edited = new GatewayForm("shop", "edge", "eg", rows).applyTo(gateway());

        Listener https = edited.getSpec().getListeners().get(0);
        assertThat(https.getPort()).isEqualTo(8443);
        assertThat(https.getHostname()).isEqualTo("*.example.com");
        assertThat(https.getTls().getCertificateRefs()).singleElement().satisfies(r -> {
            assertThat(r.getNamespace()).isEqualTo("certs");
            assertThat(r.getKind()).as("kept from the YAML").isEqualTo("Secret");
        });
        assertThat(https.getTls().getOptions()).containsEntry("example.com/cipher", "modern");
        assertThat(https.getAllowedRoutes().getNamespaces().getSelector().getMatchLabels()).containsEntry("shared", "true");
        assertThat(https.getAllowedRoutes().getKinds()).hasSize(1);
        assertThat(edited.getSpec().getAddresses()).hasSize(1);
        assertThat(edited.getMetadata().getLabels()).containsEntry("team", "web");
        assertThat(gateway().getSpec().getListeners().get(0).getPort()).as("the original is not changed").isEqualTo(443);
    }

    @Test
    void aNewListenerAndARemovedOneAreWritten() {
        GatewayForm form = GatewayForm.from(gateway());
        List<ListenerRow> rows = new ArrayList<>(form.listeners().subList(0, 1));
        rows.add(new ListenerRow("admin", "HTTPS", "443", "admin.example.com", "", "admin-tls", "All"));
        Gateway edited = new GatewayForm("shop", "edge", "eg", rows).applyTo(gateway());
        assertThat(edited.getSpec().getListeners()).extracting(Listener::getName).containsExactly("https", "admin");
        Listener admin = edited.getSpec().getListeners().get(1);
        assertThat(admin.getTls().getMode()).as("unset: the spec's default").isNull();
        assertThat(admin.getTls().getCertificateRefs()).extracting(r -> r.getName()).containsExactly("admin-tls");
        assertThat(admin.getAllowedRoutes().getNamespaces().getFrom()).isEqualTo("All");
        assertThat(GatewayForm.from(edited).listeners().get(1))
                .isEqualTo(new ListenerRow("admin", "HTTPS", "443", "admin.example.com", "", "admin-tls", "All"));
    }

    @Test
    void aBadPortOrAMissingNameIsAMessageNamingTheListener() {
        assertThatThrownBy(() -> new GatewayForm("shop", "edge", "eg",
                List.of(new ListenerRow("https", "HTTPS", "44x", "", "", "", ""))).applyTo(gateway()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the port of listener https is not a number from 1 to 65535: 44x");
        assertThatThrownBy(() -> new GatewayForm("shop", "edge", "eg",
                List.of(new ListenerRow("https", "HTTPS", "70000", "", "", "", ""))).applyTo(gateway()))
                .hasMessageContaining("not a number from 1 to 65535: 70000");
        assertThatThrownBy(() -> new GatewayForm("shop", "edge", "eg",
                List.of(new ListenerRow(" ", "HTTP", "80", "", "", "", ""))).applyTo(gateway()))
                .hasMessage("listener 1 has no name (every listener needs one)");
    }
}
