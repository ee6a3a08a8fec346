package dev.gatehouse.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.tls.TestCerts;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DraftCoreTest {
    private final DraftYaml yaml = new DraftYaml();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DraftTemplate.class, names = {"SIMPLE_HOST", "TLS_HOST", "WILDCARD", "RE_ENCRYPT", "MTLS"})
    void everyTemplateIsAValidIngress(DraftTemplate t) {
        DraftYaml.Parsed p = yaml.parse(t.render("shop", "web", "web.example.com", "web"));
        assertThat(p).isInstanceOf(DraftYaml.Valid.class);
        Ingress ing = ((DraftYaml.Valid) p).ingress();
        assertThat(ing.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(ing.getMetadata().getName()).isEqualTo("web");
    }

    @Test
    void badYamlNamesTheLine() {
        DraftYaml.Parsed p = yaml.parse("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: x\n spec: [\n");
        assertThat(p).isInstanceOf(DraftYaml.Invalid.class);
        assertThat(((DraftYaml.Invalid) p).summary()).contains("line");
        assertThat(yaml.parse("")).isInstanceOf(DraftYaml.Invalid.class);
        assertThat(((DraftYaml.Invalid) yaml.parse("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n")).summary())
                .contains("exactly one Ingress");
    }

    @Test
    void formRoundTripKeepsWhatTheFormDoesNotEdit() {
        String text = DraftTemplate.TLS_HOST.render("shop", "web", "web.example.com", "web")
                .replace("  namespace: shop\n", "  namespace: shop\n  labels: {team: payments}\n  annotations:\n"
                        + "    example.com/owner: ops\n    nginx.ingress.kubernetes.io/ssl-redirect: \"false\"\n");
        Ingress ing = ((DraftYaml.Valid) yaml.parse(text)).ingress();
        IngressForm form = IngressForm.from(ing);
        assertThat(form.annotations().sslRedirect()).contains(false);
        assertThat(form.paths()).containsExactly(new IngressForm.PathRow("web.example.com", "/", "Prefix", "web", "80"));

        IngressForm changed = form.withPaths(List.of(form.paths().get(0),
                new IngressForm.PathRow("web.example.com", "/api", "Prefix", "api", "http")))
                .withAnnotations(NginxAnnotationFields.from(java.util.Map.of()));
        Ingress out = changed.applyTo(ing);
        assertThat(out.getMetadata().getLabels()).containsEntry("team", "payments");
        assertThat(out.getMetadata().getAnnotations()).containsEntry("example.com/owner", "ops")
                .doesNotContainKey("nginx.ingress.kubernetes.io/ssl-redirect");
        assertThat(out.getSpec().getRules()).hasSize(1);
        assertThat(out.getSpec().getRules().get(0).getHttp().getPaths()).hasSize(2);
        assertThat(out.getSpec().getRules().get(0).getHttp().getPaths().get(1).getBackend().getService().getPort().getName())
                .isEqualTo("http");
        assertThat(IngressForm.from(out).paths()).isEqualTo(changed.paths());
        assertThat(out.getSpec().getTls().get(0).getSecretName()).isEqualTo("web-tls");
    }

    @Test
    void draftsSurviveARestartAndUnreadableOnesAreSkipped() throws Exception {
        DraftStore store = new DraftStore(dir.resolve("drafts"));
        Instant created = Instant.parse("2026-11-26T10:00:00Z");
        Draft d = new Draft(DraftStore.newId(created), "shop", "web", "kind: Ingress\n", Optional.of("base: yes\n"),
                Optional.of("42"), created, Optional.empty());
        store.save(d);
        Files.createDirectories(dir.resolve("drafts/broken"));
        Files.writeString(dir.resolve("drafts/broken/draft.properties"), "updated=not-a-time\n");
        Files.writeString(dir.resolve("drafts/broken/draft.yaml"), "x");

        List<Draft> back = new DraftStore(dir.resolve("drafts")).list();
        assertThat(back).containsExactly(d);
        store.delete(d.id());
        assertThat(store.list()).isEmpty();
    }

    @Test
    void stateFollowsTheLiveObject() {
        Draft fresh = new Draft("a", "shop", "web", "x", Optional.empty(), Optional.empty(), TestCerts.NOW, Optional.empty());
        assertThat(DraftState.of(fresh, Optional.empty(), false)).isEqualTo(DraftState.NEW);
        assertThat(DraftState.of(fresh, Optional.of("7"), false)).isEqualTo(DraftState.CONFLICTING);
        Draft based = new Draft("b", "shop", "web", "x", Optional.of("y"), Optional.of("7"), TestCerts.NOW, Optional.empty());
        assertThat(DraftState.of(based, Optional.of("7"), false)).isEqualTo(DraftState.MODIFIED);
        assertThat(DraftState.of(based, Optional.of("7"), true)).isEqualTo(DraftState.UNCHANGED);
        assertThat(DraftState.of(based, Optional.of("8"), false)).isEqualTo(DraftState.CONFLICTING);
        Draft applied = based.appliedAs("y", "9", TestCerts.NOW);
        assertThat(DraftState.of(applied, Optional.of("9"), true)).isEqualTo(DraftState.APPLIED);
    }
}
