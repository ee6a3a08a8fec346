package dev.gatehouse.drafts;

import dev.gatehouse.cluster.write.ObjectYaml;
import dev.gatehouse.routing.yaml.LoadProblem;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** Draft text ↔ Ingress: parsing with line-numbered problems, and YAML without server-owned fields. */
public final class DraftYaml {
    private final YamlClusterLoader loader = new YamlClusterLoader();

    /** The outcome of parsing a draft's text. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    public record Valid(Ingress ingress) implements Parsed {
    }

    public record Invalid(List<LoadProblem> problems) implements Parsed {
        public String summary() {
            return problems.stream().map(p -> p.line().isPresent() ? "line " + p.line().getAsInt() + ": " + p.message()
                    : p.message()).reduce((a, b) -> a + "\n" + b).orElse("invalid");
        }
    }

    public Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return invalid("The draft is empty: it needs one Ingress (apiVersion networking.k8s.io/v1, kind Ingress)");
        }
        LoadResult r = loader.parse(text, "draft");
        if (r instanceof LoadResult.Failed f) {
            return new Invalid(f.problems());
        }
        List<HasMetadata> objects = ((LoadResult.Loaded) r).objects();
        List<Ingress> ingresses = objects.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast).toList();
        if (ingresses.size() != 1 || objects.size() != 1) {
            return invalid("A draft holds exactly one Ingress (networking.k8s.io/v1); this text holds "
                    + objects.size() + " object(s), " + ingresses.size() + " of them Ingresses");
        }
        Ingress ing = ingresses.get(0);
        if (ing.getMetadata() == null || ing.getMetadata().getName() == null || ing.getMetadata().getName().isBlank()) {
            return invalid("metadata.name is missing");
        }
        return new Valid(ing);
    }

    /** YAML for editing: no status, managed fields, uid, resourceVersion or other server-set fields. */
    public static String toYaml(Ingress ing) {
        return Serialization.asYaml(strip(ing));
    }

    public static Ingress strip(Ingress ing) {
        Ingress copy = new IngressBuilder(ing).withStatus(null).build();
        ObjectYaml.removeServerFields(copy.getMetadata());
        return copy;
    }

    /** True when both describe the same Ingress (server-set fields ignored). */
    public static boolean same(Ingress a, Ingress b) {
        return Objects.equals(strip(a), strip(b));
    }

    private static Invalid invalid(String message) {
        return new Invalid(List.of(new LoadProblem("draft", OptionalInt.empty(), message)));
    }
}
