package dev.gatehouse.drafts;

import dev.gatehouse.cluster.write.ObjectYaml;
import dev.gatehouse.routing.yaml.LoadProblem;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Draft text ↔ object: parsing with line-numbered problems (through the engine's own {@link YamlClusterLoader}, so
 * a draft is read exactly as a manifest file is), and YAML without server-owned fields.
 */
public final class DraftYaml {
    private final YamlClusterLoader loader = new YamlClusterLoader();

    /** The outcome of parsing a draft's text. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    /** One object of a kind a draft can hold. */
    public record Valid(HasMetadata object, DraftKind kind) implements Parsed {
        /** The Ingress, when the draft holds one. */
        public Ingress ingress() {
            if (object instanceof Ingress ingress) {
                return ingress;
            }
            throw new IllegalStateException("the draft holds a " + kind.kind() + ", not an Ingress");
        }
    }

    public record Invalid(List<LoadProblem> problems) implements Parsed {
        public String summary() {
            return problems.stream().map(p -> p.line().isPresent() ? "line " + p.line().getAsInt() + ": " + p.message()
                    : p.message()).reduce((a, b) -> a + "\n" + b).orElse("invalid");
        }
    }

    public Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return invalid("The draft is empty: it needs one " + DraftKind.supported());
        }
        LoadResult r = loader.parse(text, "draft");
        if (r instanceof LoadResult.Failed f) {
            return new Invalid(f.problems());
        }
        List<HasMetadata> objects = ((LoadResult.Loaded) r).objects();
        if (objects.size() != 1) {
            return invalid("A draft holds exactly one " + DraftKind.supported() + "; this text holds "
                    + objects.size() + " objects");
        }
        HasMetadata object = objects.get(0);
        Optional<DraftKind> kind = DraftKind.of(object);
        if (kind.isEmpty()) {
            return invalid("A draft holds exactly one " + DraftKind.supported() + "; this text holds a " + object.getKind()
                    + " (" + object.getApiVersion() + ")");
        }
        if (object.getMetadata() == null || object.getMetadata().getName() == null
                || object.getMetadata().getName().isBlank()) {
            return invalid("metadata.name is missing");
        }
        return new Valid(object, kind.get());
    }

    /** YAML for editing: no status, managed fields, uid, resourceVersion or other server-set fields. */
    public static String toYaml(HasMetadata object) {
        return Serialization.asYaml(strip(object));
    }

    public static Ingress strip(Ingress ing) {
        return (Ingress) strip((HasMetadata) ing);
    }

    /** A copy without {@code status} and the server-set metadata. */
    public static HasMetadata strip(HasMetadata object) {
        HasMetadata copy = Serialization.clone(object);
        if (copy instanceof Ingress i) {
            i.setStatus(null);
        } else if (copy instanceof HTTPRoute h) {
            h.setStatus(null);
        } else if (copy instanceof Gateway g) {
            g.setStatus(null);
        } else if (copy instanceof BackendTLSPolicy b) {
            b.setStatus(null);
        } else if (copy instanceof TLSRoute t) {
            t.setStatus(null);
        }
        ObjectYaml.removeServerFields(copy.getMetadata());
        return copy;
    }

    /** True when both describe the same object (server-set fields and status ignored). */
    public static boolean same(HasMetadata a, HasMetadata b) {
        return a.getClass() == b.getClass() && Objects.equals(strip(a), strip(b));
    }

    private static Invalid invalid(String message) {
        return new Invalid(List.of(new LoadProblem("draft", OptionalInt.empty(), message)));
    }
}
