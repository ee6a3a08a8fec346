package dev.gatehouse.ui.ingress;

import dev.gatehouse.cluster.SecretSummary;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** The detail pane's content for one Ingress: rules as host → path → backend, TLS entries, annotations, YAML. */
public record IngressDetails(String title, List<HostRules> rules, Optional<String> defaultBackend,
                             List<TlsEntry> tls, Map<String, String> annotations, String yaml, List<Diagnostic> problems) {

    public record PathLine(String path, String pathType, String backend) {
        public String display() {
            return path + " (" + pathType + ") → " + backend;
        }
    }

    public record HostRules(String host, List<PathLine> paths) {
    }

    /** A TLS entry and whether its Secret is there (null state = not known, e.g. no permission). */
    public record TlsEntry(List<String> hosts, String secretName, String secretState) {
    }

    public static IngressDetails of(Ingress ing, BiFunction<String, String, Optional<SecretSummary>> secrets,
                                    boolean secretsKnown, List<Diagnostic> problems) {
        String ns = ing.getMetadata().getNamespace();
        List<HostRules> rules = new ArrayList<>();
        List<TlsEntry> tls = new ArrayList<>();
        Optional<String> defaultBackend = Optional.empty();
        var spec = ing.getSpec();
        if (spec != null) {
            for (IngressRule r : list(spec.getRules())) {
                List<PathLine> paths = new ArrayList<>();
                if (r.getHttp() != null) {
                    for (HTTPIngressPath p : list(r.getHttp().getPaths())) {
                        paths.add(new PathLine(p.getPath() == null ? "/" : p.getPath(),
                                p.getPathType() == null ? "no pathType" : p.getPathType(), backend(p.getBackend())));
                    }
                }
                rules.add(new HostRules(r.getHost() == null || r.getHost().isBlank() ? "* (any host)" : r.getHost(), paths));
            }
            if (spec.getDefaultBackend() != null) {
                defaultBackend = Optional.of(backend(spec.getDefaultBackend()));
            }
            for (IngressTLS t : list(spec.getTls())) {
                String secret = t.getSecretName();
                String state;
                if (secret == null || secret.isBlank()) {
                    state = "no secretName: the controller's default certificate is served";
                } else if (!secretsKnown) {
                    state = "not known (Secrets cannot be listed)";
                } else {
                    state = secrets.apply(ns, secret).map(s -> s.isTls() ? "present (" + s.type() + ")"
                            : "present, but of type " + s.type() + " instead of kubernetes.io/tls")
                            .orElse("missing: the controller serves its default (fake) certificate");
                }
                tls.add(new TlsEntry(list(t.getHosts()), secret == null ? "" : secret, state));
            }
        }
        Map<String, String> annotations = new TreeMap<>(ing.getMetadata().getAnnotations() == null
                ? Map.of() : ing.getMetadata().getAnnotations());
        annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
        return new IngressDetails(ns + "/" + ing.getMetadata().getName(), rules, defaultBackend, tls, annotations, yaml(ing),
                List.copyOf(problems));
    }

    /** YAML as kubectl shows it, without managedFields (noise for a human). */
    public static String yaml(Ingress ing) {
        Ingress copy = new IngressBuilder(ing).editMetadata().withManagedFields(new ArrayList<>()).endMetadata().build();
        copy.getMetadata().setManagedFields(null);
        return Serialization.asYaml(copy);
    }

    static String backend(IngressBackend b) {
        if (b == null) {
            return "no backend";
        }
        if (b.getService() != null) {
            var port = b.getService().getPort();
            String p = port == null ? "?" : port.getName() != null ? port.getName() : String.valueOf(port.getNumber());
            return b.getService().getName() + ":" + p;
        }
        if (b.getResource() != null) {
            return b.getResource().getKind() + "/" + b.getResource().getName();
        }
        return "no backend";
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
