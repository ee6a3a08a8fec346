package dev.gatehouse.tls.build;

import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Independent check of what the builder produces, with the openssl command line tool. */
class OpensslCrossCheckTest {

    private static boolean opensslPresent;

    @TempDir
    Path dir;

    @BeforeAll
    static void findOpenssl() {
        try {
            opensslPresent = new Openssl(Path.of(".")).run("version").exitCode == 0;
        } catch (IOException e) {
            opensslPresent = false;
        }
    }

    @Test
    void opensslVerifiesTheChainAndSeesTheExtensions() throws Exception {
        assumeTrue(opensslPresent, "openssl not on PATH");
        CertificateBundle root = CertificateBuilder.create(Clock.systemUTC()).subject("CN=Cross Root, O=Gatehouse Test").ca(true).build();
        CertificateBundle intermediate = CertificateBuilder.create(Clock.systemUTC()).subject("CN=Cross Intermediate").ca(true).issuedBy(root).build();
        CertificateBundle leaf = CertificateBuilder.create(Clock.systemUTC()).subject("CN=shop.example.com")
                .sans("shop.example.com", "*.shop.example.com").ipSans("127.0.0.1")
                .algorithm(KeyAlgorithm.RSA_2048).serverAuth().issuedBy(intermediate).build();
        Files.writeString(dir.resolve("root.pem"), root.certificatePem());
        Files.writeString(dir.resolve("chain.pem"), leaf.chainPem());
        Files.writeString(dir.resolve("leaf.pem"), leaf.certificatePem());
        Files.writeString(dir.resolve("intermediate.pem"), intermediate.certificatePem());
        Files.writeString(dir.resolve("leaf.key"), leaf.privateKeyPem());
        Openssl openssl = new Openssl(dir);

        Result verify = openssl.run("verify", "-purpose", "sslserver", "-CAfile", "root.pem",
                "-untrusted", "intermediate.pem", "leaf.pem");
        assertThat(verify.output).as(verify.output).contains("leaf.pem: OK");
        assertThat(verify.exitCode).isZero();

        Result text = openssl.run("x509", "-in", "leaf.pem", "-noout", "-text");
        assertThat(text.output)
                .contains("DNS:shop.example.com, DNS:*.shop.example.com, IP Address:127.0.0.1")
                .contains("CA:FALSE")
                .contains("Digital Signature, Key Encipherment")
                .contains("TLS Web Server Authentication")
                .contains("X509v3 Subject Key Identifier")
                .contains("X509v3 Authority Key Identifier")
                .contains("Public Key Algorithm: rsaEncryption")
                .contains("Signature Algorithm: ecdsa-with-SHA256");
        assertThat(text.output.replaceAll("\\s+", " ")).contains("X509v3 Basic Constraints: critical CA:FALSE");

        Result rootText = openssl.run("x509", "-in", "root.pem", "-noout", "-text");
        assertThat(rootText.output.replaceAll("\\s+", " "))
                .contains("X509v3 Basic Constraints: critical CA:TRUE")
                .contains("Certificate Sign, CRL Sign")
                .contains("ecdsa-with-SHA256");

        Result fingerprint = openssl.run("x509", "-in", "leaf.pem", "-noout", "-fingerprint", "-sha256");
        assertThat(fingerprint.output.trim()).endsWith("=" + leaf.fingerprintSha256());

        Result keyPub = openssl.run("pkey", "-in", "leaf.key", "-pubout");
        Result certPub = openssl.run("x509", "-in", "leaf.pem", "-noout", "-pubkey");
        assertThat(keyPub.exitCode).isZero();
        assertThat(keyPub.output).as("the private key matches the certificate").isEqualTo(certPub.output);

        Result wrongCa = openssl.run("verify", "-CAfile", "intermediate.pem", "leaf.pem");
        assertThat(wrongCa.exitCode).as("partial chain must not verify").isNotZero();
    }

    private record Result(int exitCode, String output) {
    }

    private record Openssl(Path dir) {
        Result run(String... args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add("openssl");
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            try {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException("openssl " + String.join(" ", args) + " did not finish");
                }
                return new Result(process.exitValue(), output);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
