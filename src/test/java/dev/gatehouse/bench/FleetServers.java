package dev.gatehouse.bench;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.demo.DemoCluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * For bench/fleet-scale.sh: starts N demo API servers in this JVM, adds M TLS Secrets to each, writes one
 * kubeconfig with contexts fleet-1 … fleet-N, prints "ready", then stops server N when the file KILL appears
 * (one context made unreachable mid-run) and exits when the file STOP appears.
 */
public final class FleetServers {

    private FleetServers() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int servers = Integer.parseInt(args[1]);
        int secrets = Integer.parseInt(args[2]);
        // distinct certificates (each Secret its own, expiring over the next 400 days), the same set in every cluster
        List<String[]> material = new ArrayList<>();
        for (int s = 0; s < secrets; s++) {
            String host = "site-" + s + ".example.com";
            dev.gatehouse.tls.TestCerts.Issued leaf = dev.gatehouse.tls.TestCerts.cert(host).dns(host)
                    .validFrom(java.time.Instant.now().minus(java.time.Duration.ofDays(10)))
                    .validUntil(java.time.Instant.now().plus(java.time.Duration.ofDays(1 + s % 400))).issue();
            material.add(new String[] {dev.gatehouse.tls.TestCerts.pem(leaf.cert()),
                dev.gatehouse.tls.TestCerts.pkcs8(leaf.key())});
        }
        KubernetesSerialization yaml = new KubernetesSerialization();
        Config merged = null;
        List<DemoCluster> demos = new ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            DemoCluster demo = DemoCluster.start(dir.resolve("demo-" + i + ".kubeconfig"), AppClock.system());
            demos.add(demo);
            String text = Files.readString(demo.kubeconfig()).replace(DemoCluster.CONTEXT, "fleet-" + i);
            try (KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(io.fabric8.kubernetes.client.Config.fromKubeconfig(text)).build()) {
                for (int s = 0; s < secrets; s++) {
                    String ns = "tenant-" + (s % 20);
                    client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata()
                            .withName("site-" + s + "-tls").withNamespace(ns).endMetadata().withType("kubernetes.io/tls")
                            .addToData("tls.crt", b64(material.get(s)[0])).addToData("tls.key", b64(material.get(s)[1]))
                            .build()).create();
                }
            }
            Config config = yaml.unmarshal(text, Config.class);
            if (merged == null) {
                merged = config;
            } else {
                for (NamedContext c : config.getContexts()) {
                    merged.getContexts().add(c);
                }
                for (NamedCluster c : config.getClusters()) {
                    merged.getClusters().add(c);
                }
                for (NamedAuthInfo u : config.getUsers()) {
                    merged.getUsers().add(u);
                }
            }
        }
        Files.writeString(dir.resolve("fleet.kubeconfig"), yaml.asYaml(merged));
        System.out.println("ready " + servers + " servers x " + secrets + " TLS Secrets");
        System.out.flush();
        boolean killed = false;
        // the bench script's control files (KILL, STOP) announce themselves as file events: no polling
        try (java.nio.file.WatchService watch = dir.getFileSystem().newWatchService()) {
            dir.register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
            while (!Files.exists(dir.resolve("STOP"))) {
                if (!killed && Files.exists(dir.resolve("KILL"))) {
                    demos.get(demos.size() - 1).close();
                    killed = true;
                    System.out.println("stopped fleet-" + servers);
                    System.out.flush();
                }
                java.nio.file.WatchKey key = watch.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
        demos.forEach(DemoCluster::close);
        System.exit(0);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }
}
