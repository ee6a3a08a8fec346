package dev.gatehouse.demo;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.NamespaceScope;
import dev.gatehouse.cluster.SessionClusterView;
import dev.gatehouse.cluster.SessionSync;
import dev.gatehouse.routing.input.ClusterView;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo cluster's Gateway API scenarios, read back through the written kubeconfig and a live session. */
class DemoGatewayApiTest {
    /** The real clock: the vault backend's certificate is checked in a real TLS handshake below. */
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String DOMAIN = "gw.demo.gatehouse.test";

    @TempDir
    static Path dir;

    private static DemoCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = DemoCluster.start(dir.resolve("demo.kubeconfig"), CLOCK);
        client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig()))).build();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyScenarioIsAnAnnotatedHttpRouteUnderTheGatewayDomain() {
        List<DemoScenario> scenarios = cluster.gatewayScenarios();
        assertThat(scenarios).extracting(DemoScenario::object).containsExactly("HTTPRoute web/storefront",
                "HTTPRoute web/docs", "HTTPRoute web/billing", "HTTPRoute web/apex", "HTTPRoute edge/https-redirect",
                "HTTPRoute web/catalog-api", "HTTPRoute web/app", "HTTPRoute web/search", "HTTPRoute web/vault",
                "HTTPRoute web/colors");
        for (DemoScenario scenario : scenarios) {
            HTTPRoute route = client.resources(HTTPRoute.class).inNamespace(scenario.namespace())
                    .withName(scenario.name()).get();
            assertThat(route.getMetadata().getAnnotations()).containsEntry(DemoScenario.ANNOTATION, scenario.description());
            assertThat(scenario.hosts()).as(scenario.object()).isNotEmpty().allMatch(h -> h.endsWith(DOMAIN));
        }
        // the redirect route has no hostnames of its own: it serves those of the listener it names
        assertThat(scenarios).filteredOn(s -> s.name().equals("https-redirect")).singleElement()
                .satisfies(s -> assertThat(s.hosts()).containsExactly("*." + DOMAIN));
        // the Ingress scenarios are unchanged and never under the Gateway domain
        assertThat(cluster.scenarios()).allSatisfy(s -> assertThat(s.kind()).isEqualTo("Ingress"))
                .allSatisfy(s -> assertThat(s.hosts()).noneMatch(h -> h.endsWith(DOMAIN)));
    }

    @Test
    void everyBackendRefIsAServicePortWithAnEchoBackend() {
        for (HTTPRoute route : client.resources(HTTPRoute.class).inAnyNamespace().list().getItems()) {
            String ns = route.getMetadata().getNamespace();
            route.getSpec().getRules().forEach(rule -> (rule.getBackendRefs() == null ? List.<io.fabric8.kubernetes
                    .api.model.gatewayapi.v1.HTTPBackendRef>of() : rule.getBackendRefs()).forEach(ref -> {
                Service service = client.services().inNamespace(ns).withName(ref.getName()).get();
                String what = ns + "/" + route.getMetadata().getName() + " → " + ref.getName() + ":" + ref.getPort();
                assertThat(service).as(what).isNotNull();
                assertThat(service.getSpec().getPorts()).as(what).anyMatch(p -> p.getPort().equals(ref.getPort()));
                assertThat(cluster.backendFor(ns, ref.getName(), ref.getPort())).as(what).isPresent();
            }));
        }
    }

    @Test
    void theGatewayKeepsTheStatusTheControllerWrote() {
        Gateway main = client.resources(Gateway.class).inNamespace("edge").withName("main").get();
        assertThat(main.getSpec().getGatewayClassName()).isEqualTo("eg");
        assertThat(main.getSpec().getListeners()).extracting(Listener::getName)
                .containsExactly("http", "https", "https-docs", "https-billing", "https-red", "https-blue");
        assertThat(main.getStatus().getAddresses()).extracting(a -> a.getValue()).containsExactly("203.0.113.10");
        assertThat(main.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getType()).isEqualTo("Programmed"));
        ListenerStatus billing = main.getStatus().getListeners().stream()
                .filter(l -> l.getName().equals("https-billing")).findFirst().orElseThrow();
        assertThat(billing.getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("ResolvedRefs");
            assertThat(c.getStatus()).isEqualTo("True");
        });
        // the controller claims https-billing resolved its certificate (a conformant one would not: no ReferenceGrant)
        // no other object carries a status
        assertThat(client.resources(HTTPRoute.class).inAnyNamespace().list().getItems())
                .allSatisfy(r -> assertThat(r.getStatus() == null || r.getStatus().getParents() == null
                        || r.getStatus().getParents().isEmpty()).isTrue());
    }

    @Test
    void onlyTheDocsCertificateIsGrantedAcrossNamespaces() throws Exception {
        List<ReferenceGrant> grants = client.resources(ReferenceGrant.class).inNamespace("shared-certs").list().getItems();
        assertThat(grants).singleElement().satisfies(g -> {
            assertThat(g.getSpec().getFrom()).singleElement().satisfies(f -> assertThat(f.getNamespace()).isEqualTo("edge"));
            assertThat(g.getSpec().getTo()).singleElement().satisfies(t -> assertThat(t.getName()).isEqualTo("docs-tls"));
        });
        for (String[] s : new String[][] {{"edge", "gw-wildcard-tls", "*." + DOMAIN}, {"shared-certs", "docs-tls",
                "docs." + DOMAIN}, {"shared-certs", "billing-tls", "billing." + DOMAIN}, {"edge", "gw-blue-tls",
                "blue." + DOMAIN}}) {
            X509Certificate leaf = certificates(client.secrets().inNamespace(s[0]).withName(s[1]).get()).get(0);
            leaf.checkValidity(Date.from(CLOCK.instant()));
            assertThat(dnsNames(leaf)).as(s[1]).containsExactly(s[2]);
        }
        X509Certificate red = certificates(client.secrets().inNamespace("edge").withName("gw-red-tls").get()).get(0);
        assertThat(dnsNames(red)).as("red also names blue").containsExactly("red." + DOMAIN, "blue." + DOMAIN);
    }

    @Test
    void theVaultBackendIsVerifiedWithThePolicysCaAndHostname() throws Exception {
        BackendTLSPolicy policy = client.resources(BackendTLSPolicy.class).inNamespace("web").withName("vault").get();
        String hostname = policy.getSpec().getValidation().getHostname();
        String configMap = policy.getSpec().getValidation().getCaCertificateRefs().get(0).getName();
        ConfigMap ca = client.configMaps().inNamespace("web").withName(configMap).get();
        X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(ca.getData().get("ca.crt").getBytes(StandardCharsets.US_ASCII)));
        assertThat(root).isEqualTo(cluster.demoCaCertificate());

        URI backend = cluster.backendFor("web", "vault", 8443).orElseThrow();
        assertThat(backend.getScheme()).isEqualTo("https");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", root);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(backend.getHost(), backend.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(hostname)));
            socket.setSSLParameters(parameters);
            socket.startHandshake(); // chain verified against the ConfigMap's CA
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(dnsNames(leaf)).contains(hostname);
        }
    }

    @Test
    void aLiveSessionSeesEveryGatewayApiKindWithLabelsAndCaBundles() throws Exception {
        try (ClusterSession session = ClusterSession.open(KubeconfigSource.fromFile(cluster.kubeconfig()),
                DemoCluster.CONTEXT, NamespaceScope.all(), Runnable::run)) {
            SessionSync.awaitSynced(session);
            SessionClusterView view = new SessionClusterView(session);
            assertThat(view.gatewayClasses()).extracting(g -> g.getSpec().getControllerName())
                    .containsExactly("gateway.envoyproxy.io/gatewayclass-controller");
            assertThat(view.gateways()).hasSize(1);
            assertThat(view.httpRoutes()).hasSize(cluster.gatewayScenarios().size());
            assertThat(view.referenceGrants()).hasSize(1);
            assertThat(view.backendTlsPolicies()).hasSize(1);
            assertThat(view.configMap("web", "vault-ca")).get()
                    .satisfies(c -> assertThat(c.getData().get("ca.crt")).startsWith("-----BEGIN CERTIFICATE-----"));
            assertThat(view.namespace("web")).get()
                    .satisfies(n -> assertThat(n.getMetadata().getLabels()).containsEntry("gateway-access", "true"));
            assertThat(view.scope()).isEqualTo(ClusterView.Scope.COMPLETE);
            assertThat(view.hasGatewayApi()).isTrue();
        }
    }

    private static List<X509Certificate> certificates(Secret secret) throws Exception {
        byte[] pem = Base64.getDecoder().decode(secret.getData().get("tls.crt"));
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                .map(X509Certificate.class::cast).collect(Collectors.toList());
    }

    private static List<String> dnsNames(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().filter(n -> (Integer) n.get(0) == 2)
                .map(n -> (String) n.get(1)).collect(Collectors.toList());
    }
}
