package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {

    @TempDir
    Path dir;

    private Path manifests(String extraAnnotation) throws Exception {
        Path file = dir.resolve("in.yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec: {ports: [{name: http, port: 80}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations: {%s}
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - {path: /docs, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                """.formatted(extraAnnotation));
        return file;
    }

    @Test
    void writesYamlAndReportAndExitsZeroWithoutCheck() throws Exception {
        Path out = dir.resolve("out");
        CliRunner.Run run = CliRunner.run(new MigrateCommand(CliRunner.factory()), "--manifests",
                manifests("").toString(), "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // the host has no tls section: only https differs (default certificate vs no listener), and it is explained
        assertThat(run.out()).contains("explained, 0 unexplained");
        assertThat(Files.readString(out.resolve("gateway-api.yaml"))).contains("kind: \"HTTPRoute\"")
                .contains("# from Ingress shop/web");
        assertThat(Files.readString(out.resolve("report.md"))).contains("# Migration report");
    }

    @Test
    void checkExitsOneWhenARequestBehavesDifferentlyAndJsonNamesIt() throws Exception {
        CliRunner.Run run = CliRunner.run(new MigrateCommand(CliRunner.factory()), "--manifests",
                manifests("nginx.ingress.kubernetes.io/use-regex: \"true\"").toString(), "--check", "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"identical\" : false").contains("\"probes\" : \"UPPER_CASE\"")
                .contains("regex paths are case-insensitive");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        CliRunner.Run none = CliRunner.run(new MigrateCommand(CliRunner.factory()), "--manifests",
                manifests("").toString(), "--namespace", "nowhere");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err().strip()).isEqualTo("migrate: no Ingress to convert: every Ingress ingress-nginx serves"
                + " in namespace nowhere matches no Ingress ingress-nginx serves");
        CliRunner.Run bad = CliRunner.run(new MigrateCommand(CliRunner.factory()), "--manifests",
                manifests("").toString(), "--ingress", "justaname");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--ingress takes NAMESPACE/NAME");
        CliRunner.Run missing = CliRunner.run(new MigrateCommand(CliRunner.factory()), "--manifests",
                dir.resolve("absent.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
    }

    @Test
    void replayOnlyComparesRealResponsesAndExitsByTheUnexplainedOnes() throws Exception {
        CliRunner.Run same = CliRunner.run(new MigrateCommand(CliRunner.factory(), () -> { }), "--manifests",
                manifests("").toString(), "--replay-only");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).containsPattern("Side by side: old \\(Ingress\\) https=127\\.0\\.0\\.1:\\d+ http=127\\.0\\.0"
                        + "\\.1:\\d+; new \\(Gateway\\) https=127\\.0\\.0\\.1:\\d+ http=127\\.0\\.0\\.1:\\d+")
                .contains("stand-in echo servers, one per Service port (not your Pods)")
                .contains("Replayed through both local proxies (real responses):").contains("0 unexplained")
                .contains("curl -sk --resolve shop.example.com:");

        // the bare (unanchored) regex path: ingress-nginx matches /DOCS case-insensitively, the Gateway does not
        CliRunner.Run regex = CliRunner.run(new MigrateCommand(CliRunner.factory(), () -> { }), "--manifests",
                manifests("nginx.ingress.kubernetes.io/use-regex: \"true\"").toString(), "--replay-only", "--json");
        assertThat(regex.exitCode()).as(regex.err()).isZero();
        assertThat(regex.out()).contains("\"diffFrom\" : \"real responses\"").contains("\"probes\" : \"UPPER_CASE\"")
                .contains("regex paths are case-insensitive").contains("\"unexplained\" : 0");
        assertThat(regex.err()).contains("Side by side: old (Ingress)");
    }

    @Test
    void replayOptionsAreCheckedBeforeAnythingStarts() throws Exception {
        CliRunner.Run both = CliRunner.run(new MigrateCommand(CliRunner.factory(), () -> { }), "--manifests",
                manifests("").toString(), "--serve", "--replay-only");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err().strip()).isEqualTo("migrate: --serve and --replay-only exclude each other (--replay-only"
                + " replays and exits)");
        CliRunner.Run portAlone = CliRunner.run(new MigrateCommand(CliRunner.factory(), () -> { }), "--manifests",
                manifests("").toString(), "--old-https-port", "8443");
        assertThat(portAlone.exitCode()).isEqualTo(2);
        assertThat(portAlone.err()).contains("only apply with --serve or --replay-only");
    }

    @Test
    void serveKeepsBothProxiesUpUntilStoppedAndAPortInUseIsExitOne() throws Exception {
        java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<CliRunner.Run> serving = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return CliRunner.run(new MigrateCommand(CliRunner.factory(), stop::await), "--manifests",
                                manifests("").toString(), "--serve");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        stop.countDown();
        CliRunner.Run run = serving.get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Serving both until Ctrl-C or the end of standard input.");

        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRunner.Run busy = CliRunner.run(new MigrateCommand(CliRunner.factory(), () -> { }), "--manifests",
                    manifests("").toString(), "--replay-only", "--new-https-port", String.valueOf(taken.getLocalPort()));
            assertThat(busy.exitCode()).isEqualTo(1);
            assertThat(busy.err()).contains("migrate: the side by side cannot start:");
        }
    }

    @Test
    void endOfStandardInputStopsServing() throws Exception {
        StopSignal stop = MigrateServe.signalsOrEndOfInput(() -> new java.util.concurrent.CountDownLatch(1).await(),
                new java.io.ByteArrayInputStream(new byte[0]));
        stop.arm();
        stop.await(); // returns: the input is at its end
    }

    @Test
    void replayOnlyExitsOneWhenARealResponseDiffersUnexplained() throws Exception {
        // only real responses show it: ingress-nginx sends HSTS on every https answer of a TLS host, its 404s too;
        // the converted HSTS header sits on the HTTPRoute rules, so the Gateway's own 404 has none
        Path input = dir.resolve("hsts");
        Files.createDirectories(input);
        Files.copy(CliRunner.fixture("shop/secret.yaml"), input.resolve("secret.yaml"));
        Files.copy(CliRunner.fixture("shop/services.yaml"), input.resolve("services.yaml"));
        Files.writeString(input.resolve("ingress.yaml"), """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec:
                  ingressClassName: nginx
                  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - {path: /docs, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                """);
        CliRunner.Run run = CliRunner.run(new MigrateCommand(CliRunner.factory(), () -> { }), "--manifests",
                input.toString(), "--replay-only");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("GET https://shop.example.com/ (SNI shop.example.com)\n      HSTS"
                + " max-age=31536000; includeSubDomains → (none)").contains("UNEXPLAINED")
                .contains("(the engine's diff does not predict this one)");
    }
}
