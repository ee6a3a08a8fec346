package dev.gatehouse.demo;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Clock;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateExpiredException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One demo cluster for the class, inspected the way the app will: through the written kubeconfig. */
class DemoClusterTest {
    /**
     * The real clock: the demo's certificates are dated from it because a JDK HTTPS client below checks
     * the backend's certificate by the real clock; every date assertion reads the same instant source.
     */
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    static Path dir;

    private static DemoCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = DemoCluster.start(dir.resolve("nested/demo.kubeconfig"), CLOCK);
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
    void writesAnOwnerOnlyKubeconfigThatVerifiesTheServer() throws Exception {
        Path kubeconfig = cluster.kubeconfig();
        assertThat(kubeconfig).isAbsolute().isEqualTo(dir.resolve("nested/demo.kubeconfig")).exists();
        if (kubeconfig.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig))).isEqualTo("rw-------");
        }
        String text = Files.readString(kubeconfig);
        assertThat(text).contains("current-context: gatehouse-demo", "certificate-authority-data: ")
                .doesNotContain("insecure-skip-tls-verify");
        Config config = Config.fromKubeconfig(text);
        assertThat(config.getCurrentContext().getName()).isEqualTo("gatehouse-demo");
        assertThat(config.isTrustCerts()).isFalse();
        assertThat(config.getMasterUrl()).startsWith(cluster.apiServerUrl());
        assertThat(cluster.apiServerUrl()).matches("https://127\\.0\\.0\\.1:\\d+");
        assertThat(cluster.contextName()).isEqualTo("gatehouse-demo");
        assertThat(cluster.kubectlCommand()).isEqualTo("kubectl --kubeconfig " + kubeconfig + " get ingress -A");
    }

    @Test
    void seedsIngressesSecretsServicesAndSlicesInThreeNamespaces() {
        List<Ingress> ingresses = client.network().v1().ingresses().inAnyNamespace().list().getItems();
        assertThat(ingresses).extracting(i -> i.getMetadata().getNamespace()).containsOnly("shop", "payments", "platform")
                .contains("shop", "payments", "platform");
        assertThat(ingresses).extracting(i -> i.getMetadata().getNamespace() + "/" + i.getMetadata().getName())
                .contains("shop/storefront", "shop/catalog", "shop/blog", "shop/promo", "payments/checkout",
                        "payments/ledger", "payments/partner-api", "payments/refunds", "payments/invoices",
                        "platform/tenant-sites", "platform/grafana");
        assertThat(client.secrets().inNamespace("shop").list().getItems()).extracting(s -> s.getMetadata().getName())
                .contains("storefront-tls", "catalog-tls", "blog-tls");
        assertThat(client.services().inAnyNamespace().list().getItems()).hasSizeGreaterThanOrEqualTo(ingresses.size());
        assertThat(client.discovery().v1().endpointSlices().inAnyNamespace().list().getItems())
                .extracting(s -> s.getMetadata().getLabels().get("kubernetes.io/service-name"))
                .contains("storefront", "checkout", "invoices");
        assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                .contains("shop", "payments", "platform");
    }

    @Test
    void everyIngressBackendIsAServiceWithAMatchingPort() {
        for (Ingress ingress : client.network().v1().ingresses().inAnyNamespace().list().getItems()) {
            String namespace = ingress.getMetadata().getNamespace();
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                var backend = path.getBackend().getService();
                Service service = client.services().inNamespace(namespace).withName(backend.getName()).get();
                assertThat(service).as(namespace + "/" + backend.getName()).isNotNull();
                assertThat(service.getSpec().getPorts()).as(namespace + "/" + backend.getName())
                        .anyMatch(p -> backend.getPort().getName() != null
                                ? backend.getPort().getName().equals(p.getName())
                                : backend.getPort().getNumber().equals(p.getPort()));
            }));
        }
    }

    @Test
    void theDefaultIngressClassIsNginx() {
        IngressClass nginx = client.network().v1().ingressClasses().withName("nginx").get();
        assertThat(nginx.getSpec().getController()).isEqualTo("k8s.io/ingress-nginx");
        assertThat(nginx.getMetadata().getAnnotations()).containsEntry("ingressclass.kubernetes.io/is-default-class", "true");
    }

    @Test
    void scenariosComeFromTheIngressAnnotations() {
        List<DemoScenario> scenarios = cluster.scenarios();
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(10);
        for (DemoScenario scenario : scenarios) {
            Ingress ingress = client.network().v1().ingresses().inNamespace(scenario.namespace())
                    .withName(scenario.ingressName()).get();
            assertThat(ingress.getMetadata().getAnnotations()).containsEntry(DemoScenario.ANNOTATION, scenario.description());
            assertThat(scenario.hosts()).isNotEmpty();
        }
        assertThat(scenarios).extracting(DemoScenario::ingressName).doesNotHaveDuplicates();
    }

    @Test
    void healthyCertificateChainsToTheDemoCaAndCoversItsHosts() throws Exception {
        List<X509Certificate> chain = certificates(secret("shop", "storefront-tls"), "tls.crt");
        assertThat(chain).hasSize(2);
        chain.get(0).checkValidity(Date.from(CLOCK.instant()));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(cluster.demoCaCertificate(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(CLOCK.instant()));
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
        assertThat(dnsNames(chain.get(0))).contains("shop.demo.gatehouse.test", "www.shop.demo.gatehouse.test");
        assertThat(keyMatches(secret("shop", "storefront-tls"), chain.get(0))).isTrue();
    }

    @Test
    void expiredCertificateReallyIsExpired() throws Exception {
        X509Certificate leaf = certificates(secret("shop", "catalog-tls"), "tls.crt").get(0);
        assertThatThrownBy(() -> leaf.checkValidity(Date.from(CLOCK.instant()))).isInstanceOf(CertificateExpiredException.class);
        assertThat(leaf.getNotAfter().toInstant()).isBefore(CLOCK.instant().minus(Duration.ofDays(11)));
        assertThat(leaf.getPublicKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void soonExpiringCertificateHasAFewDaysLeft() throws Exception {
        X509Certificate leaf = certificates(secret("platform", "status-tls"), "tls.crt").get(0);
        leaf.checkValidity(Date.from(CLOCK.instant()));
        assertThat(Duration.between(CLOCK.instant(), leaf.getNotAfter().toInstant()).toDays()).isBetween(4L, 5L);
    }

    @Test
    void sanMismatchReallyMismatches() throws Exception {
        Ingress blog = client.network().v1().ingresses().inNamespace("shop").withName("blog").get();
        String host = blog.getSpec().getRules().get(0).getHost();
        X509Certificate leaf = certificates(secret("shop", blog.getSpec().getTls().get(0).getSecretName()), "tls.crt").get(0);
        assertThat(host).isEqualTo("blog.demo.gatehouse.test");
        assertThat(dnsNames(leaf)).doesNotContain(host).containsExactly("www.blog.demo.gatehouse.test");
    }

    @Test
    void tlsSectionCanPointAtAMissingSecret() {
        Ingress refunds = client.network().v1().ingresses().inNamespace("payments").withName("refunds").get();
        String secretName = refunds.getSpec().getTls().get(0).getSecretName();
        assertThat(client.secrets().inNamespace("payments").withName(secretName).get()).isNull();
    }

    @Test
    void wildcardHostHasAWildcardCertificate() throws Exception {
        Ingress sites = client.network().v1().ingresses().inNamespace("platform").withName("tenant-sites").get();
        assertThat(sites.getSpec().getRules().get(0).getHost()).isEqualTo("*.apps.demo.gatehouse.test");
        X509Certificate leaf = certificates(secret("platform", sites.getSpec().getTls().get(0).getSecretName()), "tls.crt").get(0);
        assertThat(dnsNames(leaf)).containsExactly("*.apps.demo.gatehouse.test");
    }

    @Test
    void plainHostHasNoTlsAndRedirectOff() {
        Ingress promo = client.network().v1().ingresses().inNamespace("shop").withName("promo").get();
        assertThat(promo.getSpec().getTls()).isNullOrEmpty();
        assertThat(promo.getSpec().getIngressClassName()).isNull();
        assertThat(promo.getMetadata().getAnnotations()).containsEntry("nginx.ingress.kubernetes.io/ssl-redirect", "false");
    }

    @Test
    void mutualTlsSecretHoldsTheClientCaAndADemoClientCertificate() throws Exception {
        Ingress partners = client.network().v1().ingresses().inNamespace("payments").withName("partner-api").get();
        String caSecret = partners.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/auth-tls-secret");
        assertThat(caSecret).isEqualTo("payments/partner-client-ca");
        X509Certificate clientCa = certificates(secret("payments", "partner-client-ca"), "ca.crt").get(0);
        assertThat(clientCa.getBasicConstraints()).isNotNegative();
        X509Certificate clientCert = certificates(secret("payments", "partner-acme-client"), "tls.crt").get(0);
        clientCert.verify(clientCa.getPublicKey());
        assertThat(clientCert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    }

    @Test
    void certManagerSecretIsAnnotated() {
        Secret grafana = secret("platform", "grafana-tls");
        assertThat(grafana.getMetadata().getAnnotations()).containsEntry("cert-manager.io/certificate-name", "grafana");
        assertThat(grafana.getType()).isEqualTo("kubernetes.io/tls");
    }

    @Test
    void keyMismatchScenarioReallyMismatches() throws Exception {
        Secret gift = secret("shop", "gift-cards-tls");
        assertThat(keyMatches(gift, certificates(gift, "tls.crt").get(0))).isFalse();
    }

    @Test
    void demoCaIsPublishedInTheCluster() throws Exception {
        X509Certificate ca = certificates(secret("platform", "gatehouse-demo-ca"), "ca.crt").get(0);
        assertThat(ca).isEqualTo(cluster.demoCaCertificate());
        assertThat(secret("platform", "gatehouse-demo-ca").getData()).doesNotContainKey("tls.key");
    }

    @Test
    void readyEndpointSlicesLeadToEchoBackendsThatAnswerWithTheServiceName() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int checked = 0;
        for (EndpointSlice slice : client.discovery().v1().endpointSlices().inAnyNamespace().list().getItems()) {
            String namespace = slice.getMetadata().getNamespace();
            String serviceName = slice.getMetadata().getLabels().get("kubernetes.io/service-name");
            Service service = client.services().inNamespace(namespace).withName(serviceName).get();
            if (!slice.getEndpoints().get(0).getConditions().getReady()
                    || "https".equals(service.getSpec().getPorts().get(0).getAppProtocol())) {
                continue;
            }
            int servicePort = service.getSpec().getPorts().get(0).getPort();
            URI backend = cluster.backendFor(namespace, serviceName, servicePort).orElseThrow();
            assertThat(backend.getPort()).isEqualTo(slice.getPorts().get(0).getPort());
            URI viaSlice = URI.create("http://" + slice.getEndpoints().get(0).getAddresses().get(0) + ":"
                    + slice.getPorts().get(0).getPort() + "/some/path?q=1");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(viaSlice)
                    .header("X-Forwarded-For", "203.0.113.7").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            assertThat(response.body().lines().findFirst()).contains(serviceName);
            assertThat(response.body()).contains("method: GET", "path: /some/path?q=1", "x-forwarded-for: 203.0.113.7");
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
    }

    @Test
    void reEncryptBackendSpeaksHttpsWithACertificateFromTheDemoCa() throws Exception {
        URI backend = cluster.backendFor("payments", "checkout", 443).orElseThrow();
        assertThat(backend.getScheme()).isEqualTo("https");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("demo-ca", cluster.demoCaCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = https.send(HttpRequest.newBuilder(backend.resolve("/pay")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body().lines().findFirst()).contains("checkout");
        assertThat(response.body()).contains("tls: TLSv1.");
        assertThat(cluster.backendFor("payments", "ledger", 8443)).hasValueSatisfying(u -> assertThat(u.getScheme()).isEqualTo("https"));
    }

    @Test
    void serviceWithoutReadyEndpointsHasNoBackend() {
        EndpointSlice invoices = client.discovery().v1().endpointSlices().inNamespace("payments")
                .withLabel("kubernetes.io/service-name", "invoices").list().getItems().get(0);
        assertThat(invoices.getEndpoints()).allMatch(e -> !e.getConditions().getReady());
        assertThat(cluster.backendFor("payments", "invoices", 80)).isEmpty();
        assertThat(cluster.backendFor("shop", "no-such-service", 80)).isEmpty();
    }

    @Test
    void watchesSeeChangesSoTheAppCanFollowTheCluster() throws Exception {
        CountDownLatch added = new CountDownLatch(1);
        CountDownLatch deleted = new CountDownLatch(1);
        try (Watch watch = client.configMaps().inNamespace("default").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                if ("watch-probe".equals(resource.getMetadata().getName())) {
                    (action == Action.ADDED ? added : action == Action.DELETED ? deleted : new CountDownLatch(1)).countDown();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            ConfigMap probe = new ConfigMapBuilder().withNewMetadata().withName("watch-probe").withNamespace("default")
                    .endMetadata().addToData("k", "v").build();
            client.resource(probe).create();
            assertThat(added.await(10, TimeUnit.SECONDS)).as("ADDED event").isTrue();
            client.resource(probe).delete();
            assertThat(deleted.await(10, TimeUnit.SECONDS)).as("DELETED event").isTrue();
        }
    }

    private static Secret secret(String namespace, String name) {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        assertThat(secret).as(namespace + "/" + name).isNotNull();
        return secret;
    }

    private static List<X509Certificate> certificates(Secret secret, String key) throws Exception {
        byte[] pem = Base64.getDecoder().decode(secret.getData().get(key));
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                .map(X509Certificate.class::cast).collect(Collectors.toList());
    }

    private static List<String> dnsNames(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().filter(n -> (Integer) n.get(0) == 2)
                .map(n -> (String) n.get(1)).collect(Collectors.toList());
    }

    private static boolean keyMatches(Secret secret, X509Certificate certificate) throws Exception {
        String pem = new String(Base64.getDecoder().decode(secret.getData().get("tls.key")));
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        String algorithm = certificate.getPublicKey().getAlgorithm();
        PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        String signatureAlgorithm = "EC".equals(algorithm) ? "SHA256withECDSA" : "SHA256withRSA";
        Signature signer = Signature.getInstance(signatureAlgorithm);
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(signatureAlgorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        return verifier.verify(signature);
    }
}
