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
}
