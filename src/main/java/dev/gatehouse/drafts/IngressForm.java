package dev.gatehouse.drafts;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackendBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPortBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the draft form edits: class, one row per host + path → service:port, TLS entries, and the
 * ingress-nginx annotations Gatehouse understands. {@link #applyTo} writes these into an Ingress
 * and keeps everything else the object has (other annotations, labels, defaultBackend, …).
 */
public record IngressForm(String namespace, String name, String ingressClass, List<PathRow> paths,
                          List<TlsRow> tls, NginxAnnotationFields annotations) {

    /** One host + path → backend line; {@code port} is a number or a port name. */
    public record PathRow(String host, String path, String pathType, String service, String port) {
    }

    /** One TLS entry: hosts and the Secret holding their certificate. */
    public record TlsRow(List<String> hosts, String secretName) {
    }

    public IngressForm {
        paths = List.copyOf(paths);
        tls = List.copyOf(tls);
    }

    public static IngressForm from(Ingress ing) {
        var meta = ing.getMetadata();
        var spec = ing.getSpec();
        List<PathRow> paths = new ArrayList<>();
        List<TlsRow> tls = new ArrayList<>();
        String cls = "";
        if (spec != null) {
            cls = spec.getIngressClassName() == null ? "" : spec.getIngressClassName();
            for (IngressRule r : list(spec.getRules())) {
                String host = r.getHost() == null ? "" : r.getHost();
                if (r.getHttp() == null || list(r.getHttp().getPaths()).isEmpty()) {
                    paths.add(new PathRow(host, "/", "Prefix", "", ""));
                    continue;
                }
                for (HTTPIngressPath p : r.getHttp().getPaths()) {
                    String svc = "";
                    String port = "";
                    if (p.getBackend() != null && p.getBackend().getService() != null) {
                        svc = nz(p.getBackend().getService().getName());
                        var pt = p.getBackend().getService().getPort();
                        port = pt == null ? "" : pt.getName() != null ? pt.getName()
                                : pt.getNumber() == null ? "" : String.valueOf(pt.getNumber());
                    }
                    paths.add(new PathRow(host, nz(p.getPath()), nz(p.getPathType()), svc, port));
                }
            }
            for (IngressTLS t : list(spec.getTls())) {
                tls.add(new TlsRow(List.copyOf(list(t.getHosts())), nz(t.getSecretName())));
            }
        }
        return new IngressForm(nz(meta == null ? null : meta.getNamespace()), nz(meta == null ? null : meta.getName()),
                cls, paths, tls, NginxAnnotationFields.from(meta == null ? null : meta.getAnnotations()));
    }

    /** The base object with this form's fields written into it. */
    public Ingress applyTo(Ingress base) {
        IngressBuilder b = base == null ? new IngressBuilder().withApiVersion("networking.k8s.io/v1").withKind("Ingress")
                : new IngressBuilder(base);
        Map<String, String> ann = annotations.applyTo(base == null || base.getMetadata() == null
                ? Map.of() : base.getMetadata().getAnnotations());
        b.editOrNewMetadata().withNamespace(blankToNull(namespace)).withName(blankToNull(name))
                .withAnnotations(ann.isEmpty() ? null : ann).endMetadata();
        Map<String, List<HTTPIngressPath>> byHost = new LinkedHashMap<>();
        for (PathRow p : paths) {
            var backend = new IngressServiceBackendBuilder().withName(blankToNull(p.service()));
            if (!p.port().isBlank()) {
                backend.withPort(p.port().chars().allMatch(Character::isDigit) && p.port().length() < 6
                        ? new ServiceBackendPortBuilder().withNumber(Integer.parseInt(p.port())).build()
                        : new ServiceBackendPortBuilder().withName(p.port()).build());
            }
            byHost.computeIfAbsent(p.host(), h -> new ArrayList<>()).add(new HTTPIngressPathBuilder()
                    .withPath(blankToNull(p.path())).withPathType(blankToNull(p.pathType()))
                    .withNewBackend().withService(backend.build()).endBackend().build());
        }
        List<IngressRule> rules = new ArrayList<>();
        byHost.forEach((host, ps) -> rules.add(new IngressRuleBuilder().withHost(blankToNull(host))
                .withNewHttp().withPaths(ps).endHttp().build()));
        List<IngressTLS> tlsOut = tls.stream().map(t -> new IngressTLSBuilder().withHosts(t.hosts())
                .withSecretName(blankToNull(t.secretName())).build()).toList();
        b.editOrNewSpec().withIngressClassName(blankToNull(ingressClass)).withRules(rules.isEmpty() ? null : rules)
                .withTls(tlsOut.isEmpty() ? null : tlsOut).endSpec();
        return b.build();
    }

    public IngressForm withPaths(List<PathRow> p) {
        return new IngressForm(namespace, name, ingressClass, p, tls, annotations);
    }

    public IngressForm withTls(List<TlsRow> t) {
        return new IngressForm(namespace, name, ingressClass, paths, t, annotations);
    }

    public IngressForm withAnnotations(NginxAnnotationFields a) {
        return new IngressForm(namespace, name, ingressClass, paths, tls, a);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
