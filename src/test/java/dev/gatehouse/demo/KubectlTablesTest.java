package dev.gatehouse.demo;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KubectlTablesTest {

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final KubectlTables tables = new KubectlTables(serialization,
            Clock.fixed(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void ingressListBecomesATableWithKubectlsColumns() {
        String list = """
                {"apiVersion":"v1","kind":"List","items":[
                  {"apiVersion":"networking.k8s.io/v1","kind":"Ingress",
                   "metadata":{"name":"shop","namespace":"a","creationTimestamp":"2026-01-10T11:57:00Z"},
                   "spec":{"ingressClassName":"nginx","tls":[{"secretName":"x"}],
                           "rules":[{"host":"a.test"},{"host":"b.test"},{"host":"c.test"},{"host":"d.test"}]},
                   "status":{"loadBalancer":{"ingress":[{"ip":"10.0.0.1"}]}}},
                  {"apiVersion":"networking.k8s.io/v1","kind":"Ingress",
                   "metadata":{"name":"plain","namespace":"a","creationTimestamp":"2026-01-08T10:00:00Z"},
                   "spec":{"rules":[{"http":{}}]}}]}""";
        Map<?, ?> table = serialization.unmarshal(tables.toTable(list).orElseThrow(), Map.class);
        assertThat(table.get("kind")).isEqualTo("Table");
        assertThat((List<?>) table.get("columnDefinitions")).extracting(c -> String.valueOf(((Map<?, ?>) c).get("name")))
                .containsExactly("Name", "Class", "Hosts", "Address", "Ports", "Age");
        List<?> rows = (List<?>) table.get("rows");
        assertThat(((Map<?, ?>) rows.get(0)).get("cells"))
                .isEqualTo(List.of("shop", "nginx", "a.test,b.test,c.test + 1 more...", "10.0.0.1", "80, 443", "3m"));
        assertThat(((Map<?, ?>) rows.get(1)).get("cells")).isEqualTo(List.of("plain", "<none>", "*", "", "80", "2d2h"));
        assertThat(((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) rows.get(0)).get("object")).get("metadata")).get("namespace"))
                .as("kubectl -A takes the namespace from the row's object").isEqualTo("a");
    }

    @Test
    void secretShowsTypeAndDataCount() {
        String secret = """
                {"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/tls",
                 "metadata":{"name":"s","namespace":"a","creationTimestamp":"2026-01-10T11:59:30Z"},
                 "data":{"tls.crt":"eA==","tls.key":"eA=="}}""";
        Map<?, ?> table = serialization.unmarshal(tables.toTable(secret).orElseThrow(), Map.class);
        assertThat(((Map<?, ?>) ((List<?>) table.get("rows")).get(0)).get("cells"))
                .isEqualTo(List.of("s", "kubernetes.io/tls", 2, "30s"));
    }

    @Test
    void otherKindsAndNonJsonStayAsTheyAre() {
        assertThat(tables.toTable("{\"kind\":\"Service\",\"metadata\":{\"name\":\"x\"}}")).isEmpty();
        assertThat(tables.toTable("{\"kind\":\"List\",\"items\":[]}")).isEmpty();
        assertThat(tables.toTable("not json")).isEmpty();
        assertThat(KubectlTables.wanted("application/json;as=Table;v=v1;g=meta.k8s.io,application/json")).isTrue();
        assertThat(KubectlTables.wanted("application/json")).isFalse();
    }

    @Test
    void agesReadLikeKubectls() {
        assertThat(KubectlTables.humanDuration(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(KubectlTables.humanDuration(Duration.ofSeconds(200))).isEqualTo("3m20s");
        assertThat(KubectlTables.humanDuration(Duration.ofMinutes(95))).isEqualTo("95m");
        assertThat(KubectlTables.humanDuration(Duration.ofMinutes(5 * 60 + 7))).isEqualTo("5h7m");
        assertThat(KubectlTables.humanDuration(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(KubectlTables.humanDuration(Duration.ofHours(75))).isEqualTo("3d3h");
        assertThat(KubectlTables.humanDuration(Duration.ofDays(400))).isEqualTo("400d");
        assertThat(KubectlTables.humanDuration(Duration.ofDays(3 * 365 + 10))).isEqualTo("3y10d");
        assertThat(KubectlTables.humanDuration(Duration.ofSeconds(-5))).isEqualTo("<invalid>");
    }
}
