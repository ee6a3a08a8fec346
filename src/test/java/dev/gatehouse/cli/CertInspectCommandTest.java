package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TestMaterial;
import dev.gatehouse.tls.TrustAnchors;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertInspectCommandTest {

    @TempDir
    Path dir;

    private final List<TestCerts.Issued> chain = TestCerts.chain("shop.example.com");
    private final TestCerts.Issued leaf = chain.get(0);
    private final TestCerts.Issued intermediate = chain.get(1);

    private CliRunner.Run inspect(String... args) {
        return CliRunner.run(new CertInspectCommand(Clock.fixed(TestCerts.NOW, ZoneOffset.UTC),
                TrustAnchors.of(chain.get(2).cert())), args);
    }

    private String file(String name, String content) throws Exception {
        Files.writeString(dir.resolve(name), content);
        return dir.resolve(name).toString();
    }

    @Test
    void aHealthyPairExitsZeroWithTheAnalysis() throws Exception {
        CliRunner.Run run = inspect(file("tls.crt", TestCerts.pem(leaf.cert(), intermediate.cert())),
                file("tls.key", TestCerts.pkcs8(leaf.key())), "--host", "shop.example.com");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("Read: tls.crt (2 certificates), tls.key (1 private key)")
                .contains("Certificate 1 (leaf): shop.example.com")
                .contains("SANs:     shop.example.com")
                .contains("Chain: leaf first, each followed by its issuer · complete, trusted: leads to \"Test Root CA\"")
                .contains("Key: belongs to the leaf (PKCS#8)")
                .endsWith("No problems found.\n");
    }

    @Test
    void problemsExitOneAndSayWhat() throws Exception {
        CliRunner.Run run = inspect(file("bundle.pem", TestCerts.pem(intermediate.cert(), leaf.cert(),
                TestCerts.ecKey().getPrivate())), "--host", "www.example.com");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("error    The leaf certificate \"shop.example.com\" is certificate 2, not the first")
                .contains("error    The private key does not belong to the certificate \"shop.example.com\"")
                .contains("error    The certificate does not cover www.example.com (it covers shop.example.com)")
                .containsPattern("3 errors, \\d+ warnings?, \\d+ notes?\\n$");
    }

    @Test
    void aMissingFileExitsTwo() {
        CliRunner.Run run = inspect(dir.resolve("nope.pem").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("Cannot read nope.pem: it does not exist");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonForMachines() throws Exception {
        CliRunner.Run run = inspect("--json", file("tls.crt", TestCerts.pem(leaf.cert())));

        Map<String, Object> json = Serialization.unmarshal(run.out(), Map.class);
        List<Map<String, Object>> certs = (List<Map<String, Object>>) json.get("certificates");
        assertThat(certs).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("leaf", true).containsEntry("dnsNames", List.of("shop.example.com"));
            assertThat((String) c.get("sha256")).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        });
        assertThat((Map<String, Object>) json.get("chain")).containsEntry("completeness", "INCOMPLETE");
        assertThat((List<Map<String, Object>>) json.get("problems")).extracting(p -> p.get("kind"))
                .contains("CHAIN_INCOMPLETE", "NO_KEY");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void encryptedKeysOpenWithAPasswordFile() throws Exception {
        String p12 = dir.resolve("bundle.p12").toString();
        Files.write(Path.of(p12), TestMaterial.pkcs12(leaf.key(), List.of(leaf.cert(), intermediate.cert()), "s3cret"));

        CliRunner.Run without = inspect(p12);
        CliRunner.Run with = inspect(p12, "--password-file", file("pw.txt", "s3cret\n"));

        assertThat(without.out()).contains("bundle.p12 is a PKCS#12 keystore protected by a password");
        assertThat(with.exitCode()).as(with.out()).isZero();
        assertThat(with.out()).contains("bundle.p12 (2 certificates, 1 private key)").doesNotContain("s3cret");
    }

    @Test
    void certIsRegisteredWithItsSubcommands() {
        picocli.CommandLine cl = GatehouseCommand.commandLine(options -> 0);
        java.io.StringWriter out = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out, true));

        assertThat(cl.execute("cert", "--help")).isZero();
        assertThat(out.toString()).contains("inspect", "renew", "ca", "backups", "restore");
        assertThat(cl.getSubcommands().get("cert").getSubcommands()).containsKeys("inspect", "renew", "ca", "backups",
                "restore");
    }
}
