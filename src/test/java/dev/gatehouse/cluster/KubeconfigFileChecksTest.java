package dev.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.gatehouse.tls.TestCerts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local kubeconfig mistakes are named at once, before any connection is tried. */
class KubeconfigFileChecksTest {

    @TempDir
    Path dir;

    private Path config(String server, String clusterFields, String userFields) {
        return KubeconfigFiles.write(dir, "config", """
                apiVersion: v1
                kind: Config
                current-context: c
                contexts: [{name: c, context: {cluster: k, user: u}}]
                clusters: [{name: k, cluster: {server: "%s", %s}}]
                users: [{name: u, user: {%s}}]
                """.formatted(server, clusterFields, userFields));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private void refused(Path file, String message) {
        assertThatThrownBy(() -> KubeconfigSource.fromFile(file).validate("c"))
                .isInstanceOf(KubeconfigException.class).hasMessage(message);
    }

    @Test
    void certificateAuthorityFilesThatCannotBeUsedAreNamed() throws Exception {
        Files.writeString(dir.resolve("not-pem.crt"), "hello\n");
        refused(config("https://10.0.0.1:6443", "certificate-authority: missing-ca.crt", "token: t"),
                "cluster 'k': certificate-authority file " + dir.resolve("missing-ca.crt") + " does not exist");
        refused(config("https://10.0.0.1:6443", "certificate-authority: " + dir, "token: t"),
                "cluster 'k': certificate-authority file " + dir + " is a directory, not a file");
        refused(config("https://10.0.0.1:6443", "certificate-authority: /dev/zero", "token: t"),
                "cluster 'k': certificate-authority file /dev/zero is larger than the 4 MB limit for certificate and"
                        + " key files; it was not read");
        refused(config("https://10.0.0.1:6443", "certificate-authority: not-pem.crt", "token: t"),
                "cluster 'k': certificate-authority file " + dir.resolve("not-pem.crt") + " holds no PEM certificate"
                        + " (certificate-authority file " + dir.resolve("not-pem.crt")
                        + " holds no PEM block (no \"-----BEGIN\" line))");
    }

    @Test
    void aServerThatIsNoUrlIsNamed() {
        refused(config("not a url", "insecure-skip-tls-verify: true", "token: t"),
                "cluster 'k': server 'not a url' is not a URL (expected https://HOST:PORT)");
        refused(config("ftp://files.example.com", "insecure-skip-tls-verify: true", "token: t"),
                "cluster 'k': server 'ftp://files.example.com' is not an https:// URL with a host (expected"
                        + " https://HOST:PORT)");
        refused(config("https://h:99999", "insecure-skip-tls-verify: true", "token: t"),
                "cluster 'k': server 'https://h:99999' has port 99999, above 65535 (expected https://HOST:PORT)");
    }

    @Test
    void garbageInlineCredentialsAndMissingClientFilesAreNamed() {
        TestCerts.Issued leaf = TestCerts.cert("me").issue();
        String cert = b64(TestCerts.pem(leaf.cert()));
        refused(config("https://10.0.0.1:6443", "certificate-authority-data: '!!!'", "token: t"),
                "cluster 'k': certificate-authority-data is not valid base64");
        refused(config("https://10.0.0.1:6443", "insecure-skip-tls-verify: true",
                        "client-certificate-data: " + cert + ", client-key-data: " + b64("garbage")),
                "user 'u': client-key-data holds no readable private key (client-key-data holds no PEM block"
                        + " (no \"-----BEGIN\" line))");
        refused(config("https://10.0.0.1:6443", "insecure-skip-tls-verify: true",
                        "client-certificate: me.crt, client-key: me.key"),
                "user 'u': client-certificate file " + dir.resolve("me.crt") + " does not exist");
    }

    @Test
    void aMissingExecPluginIsNamedWithItsInstallHint() {
        refused(config("https://10.0.0.1:6443", "insecure-skip-tls-verify: true", "exec: {apiVersion:"
                        + " client.authentication.k8s.io/v1, command: no-such-plugin-4711, installHint: 'brew install"
                        + " it'}"),
                "user 'u': exec plugin command 'no-such-plugin-4711' is not found on the PATH (the kubeconfig's"
                        + " install hint: brew install it)");
    }

    @Test
    void aKubeconfigThatIsADirectoryOrADeviceIsNamed() {
        assertThatThrownBy(() -> KubeconfigSource.fromFile(dir)).hasMessage("kubeconfig file " + dir
                + " is a directory, not a file");
        assertThatThrownBy(() -> KubeconfigSource.fromFile(Path.of("/dev/zero")))
                .hasMessage("kubeconfig file /dev/zero is not a regular file");
    }

    @Test
    void aGoodContextWithFilesPasses() throws Exception {
        TestCerts.Issued leaf = TestCerts.cert("me").issue();
        Files.writeString(dir.resolve("ca.crt"), TestCerts.pem(leaf.cert()));
        Files.writeString(dir.resolve("me.crt"), TestCerts.pem(leaf.cert()));
        Files.writeString(dir.resolve("me.key"), TestCerts.pem(leaf.key()));
        Path file = config("10.0.0.1:6443", "certificate-authority: ca.crt",
                "client-certificate: me.crt, client-key: me.key");

        assertThatCode(() -> KubeconfigSource.fromFile(file).validate("c")).doesNotThrowAnyException();
    }
}
