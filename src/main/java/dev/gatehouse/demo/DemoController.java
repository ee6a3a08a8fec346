package dev.gatehouse.demo;

import dev.gatehouse.proxy.LocalProxy;
import dev.gatehouse.proxy.ProxyStartException;
import dev.gatehouse.proxy.RuleSource;
import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.server.ProxyConfig;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.build.CertificateBundle;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressPortStatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatusBuilder;
import dev.gatehouse.routing.input.InMemoryClusterView;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo cluster's own ingress "controller": Gatehouse's local proxy on 127.0.0.1 serving the demo's Ingresses
 * and Gateways as the controller last loaded them, published in every served Ingress's {@code status.loadBalancer}
 * ({@code ip: 127.0.0.1} and the HTTPS port in {@code ports[]}) so that "Probe live" and {@code gatehouse probe}
 * find it.
 *
 * <p>"Last loaded" differs from the API server on purpose for Secrets annotated
 * {@value #SERVES_ANNOTATION}{@code : NAME}: the controller serves certificate NAME of the seed (the one from
 * before the Secret was renewed) while the Secret holds the renewed one.
 */
final class DemoController implements AutoCloseable {

    /** On a demo Secret: the seed certificate the demo controller still serves instead of the Secret's. */
    static final String SERVES_ANNOTATION = "gatehouse.dev/demo-controller-serves";

    private final LocalProxy proxy;

    private DemoController(LocalProxy proxy) {
        this.proxy = proxy;
    }

    /**
     * Starts the proxy on free loopback ports and writes its address into the Ingresses of {@code resources}
     * (before they are created).
     */
    static DemoController start(List<HasMetadata> resources, DemoPki pki, EchoBackends backends, Clock clock)
            throws DemoClusterException {
        InMemoryClusterView loaded = InMemoryClusterView.complete(asLoaded(resources, pki));
        TrustAnchors anchors = TrustAnchors.of(pki.get(DemoCluster.DEMO_CA).certificate());
        LocalProxy proxy;
        try {
            proxy = LocalProxy.builder(RuleSource.of("the demo cluster as its controller loaded it", () -> loaded), clock)
                    .config(ProxyConfig.defaults().withPorts(0, 0))
                    .anchors(() -> anchors)
                    .backends(new BackendDirectory(List.of(new DemoBackendSource(backends::uri))))
                    .start();
        } catch (ProxyStartException e) {
            throw new DemoClusterException("The demo cluster's controller (the local proxy) could not start: "
                    + e.getMessage(), e);
        }
        int port = proxy.httpsAddress().getPort();
        for (HasMetadata resource : resources) {
            if (resource instanceof Ingress ingress && ingress.getStatus() == null) {
                ingress.setStatus(new IngressStatusBuilder().withNewLoadBalancer()
                        .withIngress(new IngressLoadBalancerIngressBuilder().withIp("127.0.0.1")
                                .withPorts(new IngressPortStatusBuilder().withPort(port).withProtocol("TCP").build())
                                .build())
                        .endLoadBalancer().build());
            }
        }
        return new DemoController(proxy);
    }

    /** The objects as the controller loaded them: Secrets marked with {@value #SERVES_ANNOTATION} hold their old certificate. */
    static List<HasMetadata> asLoaded(List<HasMetadata> resources, DemoPki pki) {
        List<HasMetadata> out = new ArrayList<>(resources.size());
        for (HasMetadata resource : resources) {
            String old = resource instanceof Secret && resource.getMetadata().getAnnotations() != null
                    ? resource.getMetadata().getAnnotations().get(SERVES_ANNOTATION) : null;
            if (old == null) {
                out.add(resource);
                continue;
            }
            CertificateBundle bundle = pki.find(old).orElseThrow(() -> new IllegalArgumentException("Secret "
                    + resource.getMetadata().getName() + ": " + SERVES_ANNOTATION + " names certificate \"" + old
                    + "\", which certificates.yaml does not define"));
            Map<String, String> data = new LinkedHashMap<>(((Secret) resource).getData());
            data.put("tls.crt", base64(bundle.chainPem()));
            data.put("tls.key", base64(bundle.privateKeyPem()));
            out.add(new SecretBuilder((Secret) resource).withData(data).build());
        }
        return out;
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    /** Where it serves HTTPS (the address published in the Ingresses). */
    InetSocketAddress httpsAddress() {
        return proxy.httpsAddress();
    }

    /** Where it serves plain HTTP. */
    InetSocketAddress httpAddress() {
        return proxy.httpAddress();
    }

    /**
     * Pods annotated {@value #POD_ANNOTATION}{@code : controller} stand for this controller: their container ports
     * named {@code https} and {@code http} are served at this controller's HTTPS and HTTP addresses (through
     * {@code pods/portforward}).
     */
    static final String POD_ANNOTATION = "gatehouse.dev/demo-port-forward";

    void exposeThroughPortForward(List<HasMetadata> resources, PortForwardBridge bridge) {
        for (HasMetadata resource : resources) {
            if (!(resource instanceof io.fabric8.kubernetes.api.model.Pod pod)
                    || pod.getMetadata().getAnnotations() == null
                    || !"controller".equals(pod.getMetadata().getAnnotations().get(POD_ANNOTATION))) {
                continue;
            }
            Map<Integer, InetSocketAddress> ports = new LinkedHashMap<>();
            pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream()).forEach(p -> {
                if ("https".equals(p.getName())) {
                    ports.put(p.getContainerPort(), httpsAddress());
                } else if ("http".equals(p.getName())) {
                    ports.put(p.getContainerPort(), httpAddress());
                }
            });
            bridge.expose(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), ports);
        }
    }

    @Override
    public void close() {
        proxy.close();
    }
}
