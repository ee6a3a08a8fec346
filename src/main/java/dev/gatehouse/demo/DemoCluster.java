package dev.gatehouse.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The embedded demo cluster: an in-process Kubernetes API server (fabric8's CRUD mock over HTTPS
 * on 127.0.0.1) seeded with TLS scenarios from {@code dev/gatehouse/demo/seed/}, plus a local echo
 * backend behind every demo Service. Works with the real kubectl through the kubeconfig it writes.
 *
 * <p>Used by the GUI's "Open demo cluster" and by the {@code demo-cluster} command.
 * Thread-safe; {@link #close()} is idempotent.
 */
public final class DemoCluster implements AutoCloseable {

    /** Name of the kubeconfig context (and cluster and user). */
    public static final String CONTEXT = "gatehouse-demo";

    /** Name of the demo root CA in the seed's certificates.yaml. */
    static final String DEMO_CA = "demo-root-ca";

    private static final Logger LOG = LoggerFactory.getLogger(DemoCluster.class);

    private final Path kubeconfig;
    private final DemoApiServer apiServer;
    private final EchoBackends backends;
    private final DemoController controller;
    private final List<DemoScenario> scenarios;
    private final List<DemoScenario> gatewayScenarios;
    private final X509Certificate demoCa;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoCluster(Path kubeconfig, DemoApiServer apiServer, EchoBackends backends, DemoController controller,
                        List<DemoScenario> scenarios, List<DemoScenario> gatewayScenarios, X509Certificate demoCa) {
        this.kubeconfig = kubeconfig;
        this.apiServer = apiServer;
        this.backends = backends;
        this.controller = controller;
        this.scenarios = List.copyOf(scenarios);
        this.gatewayScenarios = List.copyOf(gatewayScenarios);
        this.demoCa = demoCa;
    }

    /**
     * Starts the API server and the echo backends, seeds the cluster and writes the kubeconfig
     * (context {@value #CONTEXT}, mode 0600). Blocks about a second (a few on a cold JVM): call it off
     * the UI thread.
     *
     * @param kubeconfigFile where to write the kubeconfig; parent folders are created
     * @param clock          "now" for the scenarios' certificate dates (expired, expiring in 5 days, …) and
     *                       kubectl's AGE column: give it the clock the screens judge time by
     * @throws DemoClusterException with a plain message when anything fails; nothing is left running
     */
    public static DemoCluster start(Path kubeconfigFile, Clock clock) throws DemoClusterException {
        Objects.requireNonNull(kubeconfigFile, "kubeconfigFile");
        Objects.requireNonNull(clock, "clock");
        long started = System.nanoTime();
        Path kubeconfig = kubeconfigFile.toAbsolutePath().normalize();
        DemoKubeconfig.checkWritable(kubeconfig);

        // The API server (Vert.x, its own RSA key) starts while the certificates are generated.
        CompletableFuture<DemoApiServer> apiServerStart = CompletableFuture.supplyAsync(() -> {
            try {
                return DemoApiServer.start(new KubernetesSerialization(), clock);
            } catch (DemoClusterException e) {
                throw new CompletionException(e);
            }
        });

        KubernetesSerialization serialization = new KubernetesSerialization();
        SeedSet seed;
        DemoPki pki;
        Instant seededAt = clock.instant();
        List<Service> services;
        try {
            seed = SeedSet.load(DemoCluster.class.getClassLoader(), SeedSet.DEFAULT_LOCATION, serialization);
            pki = DemoPki.generate(seed.certificates(), seededAt);
            // First pass only to find the Services; ports are known once their backends run.
            services = seed.render(pki, placeholder -> 0, seededAt).stream()
                    .filter(Service.class::isInstance).map(Service.class::cast).toList();
        } catch (IllegalArgumentException | IllegalStateException e) {
            closeQuietly(apiServerStart, null, null);
            throw new DemoClusterException("The demo cluster's seed data is invalid: " + e.getMessage(), e);
        }

        EchoBackends backends = null;
        DemoController controller = null;
        try {
            backends = EchoBackends.start(services, pki);
            List<HasMetadata> resources = seed.render(pki, backends::localPort, seededAt);
            controller = DemoController.start(resources, pki, backends, clock);
            DemoApiServer apiServer = await(apiServerStart);
            controller.exposeThroughPortForward(resources, apiServer.forwards());
            String kubeconfigText = DemoKubeconfig.render(CONTEXT, apiServer.url(), apiServer.caCertificatePem());
            DemoKubeconfig.write(kubeconfig, kubeconfigText);
            create(kubeconfigText, resources);
            DemoCluster cluster = new DemoCluster(kubeconfig, apiServer, backends, controller, scenariosOf(resources),
                    DemoGatewayScenarios.of(resources), pki.get(DEMO_CA).certificate());
            LOG.info("Demo cluster running at {} with {} Ingress and {} Gateway API scenarios, {} echo backends and its"
                            + " controller on https://{} (started in {} ms)", apiServer.url(), cluster.scenarios.size(),
                    cluster.gatewayScenarios.size(), backends.all().size(),
                    dev.gatehouse.proxy.LocalProxy.hostPort(controller.httpsAddress()),
                    (System.nanoTime() - started) / 1_000_000);
            return cluster;
        } catch (DemoClusterException e) {
            closeQuietly(apiServerStart, backends, controller);
            throw e;
        } catch (IOException e) {
            closeQuietly(apiServerStart, backends, controller);
            throw new DemoClusterException("The demo backends could not start on 127.0.0.1: "
                    + DemoKubeconfig.reason(e), e);
        } catch (KubernetesClientException e) {
            closeQuietly(apiServerStart, backends, controller);
            throw new DemoClusterException("The demo cluster could not be seeded: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(apiServerStart, backends, controller);
            throw new DemoClusterException("The demo cluster could not start: " + e.getMessage(), e);
        }
    }

    private static DemoApiServer await(CompletableFuture<DemoApiServer> apiServerStart) throws DemoClusterException {
        try {
            return apiServerStart.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DemoClusterException cause) {
                throw cause;
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DemoClusterException("The demo API server could not start: " + cause.getMessage(), cause);
        }
    }

    /** Stops what did start; waits for a still-starting API server so that nothing is left running. */
    private static void closeQuietly(CompletableFuture<DemoApiServer> apiServerStart, EchoBackends backends,
                                     DemoController controller) {
        if (controller != null) {
            controller.close();
        }
        try {
            apiServerStart.join().close();
        } catch (CompletionException | CancellationException notStarted) {
            // nothing to stop
        }
        if (backends != null) {
            backends.close();
        }
    }

    /** Creates the seed through a client built from the kubeconfig we wrote, which also proves it works. */
    private static void create(String kubeconfigText, List<HasMetadata> resources) {
        Config config = Config.fromKubeconfig(kubeconfigText);
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            for (HasMetadata resource : resources) {
                client.resource(resource).create();
            }
        }
    }

    private static List<DemoScenario> scenariosOf(List<HasMetadata> resources) {
        return resources.stream()
                .filter(Ingress.class::isInstance).map(Ingress.class::cast)
                .filter(ingress -> annotations(ingress).containsKey(DemoScenario.ANNOTATION))
                .map(ingress -> new DemoScenario(ingress.getMetadata().getNamespace(), ingress.getMetadata().getName(),
                        annotations(ingress).get(DemoScenario.ANNOTATION),
                        ingress.getSpec().getRules().stream().map(IngressRule::getHost)
                                .filter(Objects::nonNull).distinct().collect(Collectors.toList())))
                .toList();
    }

    private static Map<String, String> annotations(HasMetadata resource) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }


    /** Absolute path of the kubeconfig written at start. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** {@value #CONTEXT}. */
    public String contextName() {
        return CONTEXT;
    }

    /** {@code https://127.0.0.1:PORT}. */
    public String apiServerUrl() {
        return apiServer.url();
    }

    /** A command to paste into a shell: {@code kubectl --kubeconfig /abs/path get ingress -A}. */
    public String kubectlCommand() {
        return "kubectl --kubeconfig " + shellQuote(kubeconfig.toString()) + " get ingress -A";
    }

    /**
     * The echo backend standing in for the Pods behind a Service port: {@code http://127.0.0.1:N/}
     * ({@code https://} for re-encrypting Services). Empty for unknown ports and for Services
     * deliberately without ready endpoints.
     *
     * @param port the Service's port number (e.g. 80), not the target port
     */
    public Optional<URI> backendFor(String namespace, String service, int port) {
        return backends.uri(namespace, service, port);
    }

    /** The seeded Ingress scenarios, one per Ingress, in seed order. */
    public List<DemoScenario> scenarios() {
        return scenarios;
    }

    /**
     * The seeded Gateway API scenarios (kind HTTPRoute or Gateway, hosts under {@code gw.demo.gatehouse.test};
     * a route without hostnames has its listeners' hostnames, e.g. {@code *.gw.demo.gatehouse.test}), in seed order.
     */
    public List<DemoScenario> gatewayScenarios() {
        return gatewayScenarios;
    }

    /**
     * Where the demo's own controller (the local proxy) serves HTTPS: the {@code 127.0.0.1} address and port every
     * Ingress publishes in {@code status.loadBalancer.ingress[0]} ({@code ip} and {@code ports[0].port}).
     */
    public InetSocketAddress controllerAddress() {
        return controller.httpsAddress();
    }

    /** The demo root CA that (indirectly) signs the demo's server certificates and HTTPS backends. */
    public X509Certificate demoCaCertificate() {
        return demoCa;
    }

    /** Stops the API server and the echo backends; the kubeconfig file stays. Safe to call twice. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            controller.close();
            apiServer.close();
            backends.close();
            LOG.info("Demo cluster at {} stopped", apiServer.url());
        }
    }

    static String shellQuote(String text) {
        if (text.matches("[A-Za-z0-9_./:=@%+-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\"'\"'") + "'";
    }

    @Override
    public String toString() {
        return "DemoCluster[" + apiServerUrl() + ", kubeconfig " + kubeconfig + "]";
    }
}
