package dev.gatehouse.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behavioural diff run again on edited Gateway-side objects (drafts) instead of the generated ones. */
class RediffTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String INPUT = ConversionRulesTest.TLS_SECRET + "---\n"
            + ConversionRulesTest.ingress("web", "", true, ConversionRulesTest.PATHS);

    private static Migrator migrator() {
        return new Migrator(ControllerProfile.ingressNginx(), TestCerts.CLOCK, TrustAnchors.jdkDefaults());
    }

    private static MigrationResult rediff(MigrationResult generated, List<? extends HasMetadata> edited) throws Exception {
        return migrator().rediff(MigrationFixture.view(MigrationFixture.SERVICES + "---\n" + INPUT), generated, edited);
    }

    /** A copy of the object, its first {@code from} replaced as a user edits a draft's YAML. */
    private static <T extends HasMetadata> T edited(T object, String from, String to) {
        String yaml = SERIALIZATION.asYaml(object);
        assertThat(yaml).contains(from);
        @SuppressWarnings("unchecked")
        int at = yaml.indexOf(from);
        T copy = (T) SERIALIZATION.unmarshal(yaml.substring(0, at) + to + yaml.substring(at + from.length()),
                object.getClass());
        return copy;
    }

    private static List<HasMetadata> replacing(MigrationResult r, HTTPRoute route, HTTPRoute with) {
        List<HasMetadata> all = new ArrayList<>(r.plan().objects());
        all.set(all.indexOf(route), with);
        return all;
    }

    @Test
    void theUneditedObjectsGiveTheGeneratedDiff() throws Exception {
        MigrationResult generated = MigrationFixture.migrate(INPUT);
        MigrationResult again = rediff(generated, generated.plan().objects());
        assertThat(again.diff().compared()).isEqualTo(generated.diff().compared());
        assertThat(again.diff().differences()).extracting(Difference::summary)
                .containsExactlyElementsOf(generated.diff().differences().stream().map(Difference::summary).toList());
        assertThat(again.plan().converted()).containsExactly(ObjectRef.ingress("shop", "web"));
        assertThat(again.yaml()).isEqualTo(generated.yaml());
    }

    @Test
    void aPathSentToAnotherServiceDiffersAndUndoingTheEditIsIdenticalAgain() throws Exception {
        MigrationResult generated = MigrationFixture.migrate(INPUT);
        ConversionRulesTest.onlyNoSniDiffers(generated);
        HTTPRoute https = generated.plan().httpRoutes().stream()
                .filter(r -> SERIALIZATION.asYaml(r).contains("name: \"api\"")).findFirst().orElseThrow();
        HTTPRoute toCanary = edited(https, "name: \"api\"\n      port: 8080", "name: \"canary\"\n      port: 80");

        MigrationResult changed = rediff(generated, replacing(generated, https, toCanary));
        List<Difference> api = changed.diff().differences().stream()
                .filter(d -> d.probe().request().path().startsWith("/api")).toList();
        assertThat(api).isNotEmpty().allSatisfy(d -> {
            assertThat(d.fields()).contains("backend");
            assertThat(d.after().fields().get("backend")).contains("canary");
            assertThat(d.before().fields().get("backend")).contains("api");
        });
        assertThat(changed.yaml()).contains("name: \"canary\"");

        MigrationResult undone = rediff(generated, replacing(generated, https, edited(toCanary,
                "name: \"canary\"\n      port: 80", "name: \"api\"\n      port: 8080")));
        ConversionRulesTest.onlyNoSniDiffers(undone);
        assertThat(undone.diff().differences()).hasSameSizeAs(generated.diff().differences());
    }

    @Test
    void aRouteLeftOutIsComparedAsAbsent() throws Exception {
        MigrationResult generated = MigrationFixture.migrate(INPUT);
        List<HasMetadata> without = generated.plan().objects().stream()
                .filter(o -> !(o instanceof HTTPRoute r && SERIALIZATION.asYaml(r).contains("name: \"api\""))).toList();
        MigrationResult r = rediff(generated, without);
        assertThat(r.diff().differences()).anySatisfy(d -> {
            assertThat(d.probe().request().path()).startsWith("/api");
            assertThat(d.after().fields().get("status")).isNotEqualTo(d.before().fields().get("status"));
        });
    }

    @Test
    void ingressesGoneFromTheInputAreAPlainMessage() {
        MigrationResult generated = MigrationFixture.migrate(INPUT);
        assertThatThrownBy(() -> migrator().rediff(MigrationFixture.view(MigrationFixture.SERVICES), generated,
                generated.plan().objects())).isInstanceOf(NginxProvider.NothingToConvert.class).hasMessageContaining("gone");
    }

    @Test
    void eachObjectNamesTheIngressesItCameFrom() {
        String two = INPUT + "---\n" + ConversionRulesTest.ingress("web-2", "", false, ConversionRulesTest.PATHS)
                .replace("shop.example.com", "other.example.com");
        MigrationResult r = MigrationFixture.migrate(two);
        ObjectRef web = ObjectRef.ingress("shop", "web");
        ObjectRef web2 = ObjectRef.ingress("shop", "web-2");
        assertThat(r.plan().sourcesOf(r.plan().gateway())).containsExactlyInAnyOrder(web, web2);
        assertThat(r.plan().httpRoutes()).allSatisfy(route -> assertThat(r.plan().sourcesOf(route)).hasSize(1));
        assertThat(r.plan().httpRoutes()).anySatisfy(route -> assertThat(r.plan().sourcesOf(route)).containsExactly(web2));
        assertThat(r.plan().httpRoutes()).anySatisfy(route -> assertThat(r.plan().sourcesOf(route)).containsExactly(web));
    }
}
