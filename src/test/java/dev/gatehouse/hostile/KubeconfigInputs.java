package dev.gatehouse.hostile;

import dev.gatehouse.tls.TestCerts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Hostile and careless kubeconfigs for {@code lint --kubeconfig}: every local mistake a context can hold
 * (files, inline credentials, server, exec plugin, YAML) plus seeded mutations. Servers point at
 * 127.0.0.1:1, where nothing listens, so an input that passes the local checks fails fast.
 */
final class KubeconfigInputs {

    private static final String AREA = "kubeconfigs";
    private static final String SERVER = "https://127.0.0.1:1";

    private KubeconfigInputs() {
    }

    static String config(String server, String cluster, String user) {
        return """
                apiVersion: v1
                kind: Config
                current-context: c
                contexts:
                - name: c
                  context: {cluster: k, user: u, namespace: shop}
                clusters:
                - name: k
                  cluster:
                    server: "%s"
                    %s
                users:
                - name: u
                  user:
                    %s
                """.formatted(server, cluster, user);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.US_ASCII));
    }

    static void write(Corpus c) {
        TestCerts.Issued me = TestCerts.cert("me").issue();
        String cert = TestCerts.pem(me.cert());
        String key = TestCerts.pem(me.key());
        c.write(AREA, "files", "ca.crt", cert);
        c.write(AREA, "files", "me.crt", cert);
        c.write(AREA, "files", "me.key", key);
        c.write(AREA, "files", "not-pem.txt", "hello\n");
        c.write(AREA, "files", "token", "abc\n");
        c.inputs().removeIf(i -> i.command().equals("files"));
        String insecure = "insecure-skip-tls-verify: true";
        String token = "token: abc";
        String dir = c.root().resolve(AREA).toString();
        String good = config(SERVER, "certificate-authority-data: " + b64(cert),
                "{client-certificate-data: " + b64(cert) + ", client-key-data: " + b64(key) + "}");
        c.write(AREA, "kube", "healthy-unreachable.yaml", good);

        String[][] cluster = {
            {"ca-missing", "certificate-authority: missing-ca.crt"},
            {"ca-directory", "certificate-authority: " + dir},
            {"ca-dev-zero", "certificate-authority: /dev/zero"},
            {"ca-dev-null", "certificate-authority: /dev/null"},
            {"ca-not-pem", "certificate-authority: not-pem.txt"},
            {"ca-is-key", "certificate-authority: me.key"},
            {"ca-proc", "certificate-authority: /proc/self/status"},
            {"ca-data-garbage", "certificate-authority-data: '!!not base64!!'"},
            {"ca-data-noise", "certificate-authority-data: " + b64(noise(c, 600))},
            {"ca-data-key", "certificate-authority-data: " + b64(key)},
            {"ca-data-empty", "certificate-authority-data: ''"},
            {"ca-data-huge", "certificate-authority-data: " + "QUFB".repeat(400_000)},
            {"ca-path-nul", "certificate-authority: \"a\\0b\""},
        };
        for (String[] entry : cluster) {
            c.write(AREA, "kube", entry[0] + ".yaml", config(SERVER, entry[1], token));
        }
        String[][] servers = {
            {"server-empty", ""}, {"server-words", "not a url"}, {"server-ftp", "ftp://files.example.com"},
            {"server-no-host", "https://"}, {"server-bad-ipv6", "https://[::1"}, {"server-port-huge", "https://h:99999"},
            {"server-unix", "unix:///var/run/k8s.sock"}, {"server-javascript", "javascript:alert(1)"},
            {"server-spaces", "   "}, {"server-long", "https://" + "a".repeat(100_000) + ".example.com"},
            {"server-userinfo", "https://admin:hunter2@127.0.0.1:1"}, {"server-host-port", "127.0.0.1:1"},
        };
        for (String[] entry : servers) {
            c.write(AREA, "kube", entry[0] + ".yaml", config(entry[1], insecure, token));
        }
        String[][] users = {
            {"client-cert-missing", "{client-certificate: missing.crt, client-key: me.key}"},
            {"client-key-missing", "{client-certificate: me.crt, client-key: missing.key}"},
            {"client-key-dev-zero", "{client-certificate: me.crt, client-key: /dev/zero}"},
            {"client-key-not-pem", "{client-certificate: me.crt, client-key: not-pem.txt}"},
            {"client-key-is-cert", "{client-certificate: me.crt, client-key: me.crt}"},
            {"client-key-data-garbage", "{client-certificate-data: " + b64(cert) + ", client-key-data: Z2FyYmFnZQ==}"},
            {"client-key-data-not-base64", "{client-certificate-data: " + b64(cert) + ", client-key-data: '%%%'}"},
            {"client-key-data-noise", "{client-certificate-data: " + b64(cert) + ", client-key-data: "
                + b64(noise(c, 300)) + "}"},
            {"client-cert-data-key", "{client-certificate-data: " + b64(key) + ", client-key-data: " + b64(key) + "}"},
            {"token-file-missing", "{tokenFile: missing-token}"},
            {"token-file-dev-zero", "{tokenFile: /dev/zero}"},
            {"token-file-directory", "{tokenFile: " + dir + "}"},
            {"exec-missing-command", "{exec: {apiVersion: client.authentication.k8s.io/v1, command: no-such-plugin}}"},
            {"exec-empty-command", "{exec: {apiVersion: client.authentication.k8s.io/v1, command: ''}}"},
            {"exec-relative-missing", "{exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/plugin}}"},
            {"exec-not-executable", "{exec: {apiVersion: client.authentication.k8s.io/v1, command: ./me.crt}}"},
            {"exec-install-hint", "{exec: {apiVersion: client.authentication.k8s.io/v1, command: aws-xyz,"
                + " installHint: 'Install the aws CLI'}}"},
            {"auth-provider", "{auth-provider: {name: gcp, config: {}}}"},
            {"user-is-list", "[a, b]"},
        };
        for (String[] entry : users) {
            c.write(AREA, "kube", entry[0] + ".yaml", config(SERVER, insecure, entry[1]));
        }
        structural(c, good);
        for (int i = 0; i < 12; i++) {
            c.write(AREA, "kube", "truncated-" + i + ".yaml", c.truncate(good));
            c.write(AREA, "kube", "flipped-" + i + ".yaml", c.flip(c.flip(good.getBytes(StandardCharsets.UTF_8))));
            c.write(AREA, "kube", "value-swapped-" + i + ".yaml", c.valueSwap(good));
        }
        for (int i = 0; i < 6; i++) {
            c.write(AREA, "kube", "line-deleted-" + i + ".yaml", c.lineEdit(good, true));
        }
    }

    private static void structural(Corpus c, String good) {
        c.write(AREA, "kube", "empty.yaml", "");
        c.write(AREA, "kube", "no-contexts.yaml", "apiVersion: v1\nkind: Config\n");
        c.write(AREA, "kube", "current-context-missing.yaml", good.replace("current-context: c", "current-context: zz"));
        c.write(AREA, "kube", "cluster-missing.yaml", good.replace("cluster: k,", "cluster: nope,"));
        c.write(AREA, "kube", "user-missing.yaml", good.replace("user: u,", "user: nope,"));
        c.write(AREA, "kube", "contexts-is-map.yaml", "apiVersion: v1\nkind: Config\ncontexts: {a: b}\n");
        c.write(AREA, "kube", "clusters-null.yaml", good.replaceFirst("clusters:\n", "clusters: ~\nold:\n"));
        c.write(AREA, "kube", "nested-10000.yaml", "apiVersion: v1\nkind: Config\nx: " + "[".repeat(10_000));
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ",").repeat(9))
                    .append("*a").append(i - 1).append("]\n");
        }
        c.write(AREA, "kube", "billion-laughs.yaml", bomb.toString());
        c.write(AREA, "kube", "json.json", "{\"apiVersion\": \"v1\", \"kind\": \"Config\"} trailing");
        c.write(AREA, "kube", "binary.yaml", noise(c, 4096));
        c.write(AREA, "kube", "file-5mb.yaml", "apiVersion: v1\nkind: Config\nx: " + "y".repeat(5 << 20) + "\n");
        c.external(AREA, "kube", c.root().resolve(AREA).toString());
        if (c.withStreams()) {
            c.external(AREA, "kube", "/dev/zero");
        }
        c.fifo(AREA, "kube", "fifo.yaml");
    }

    private static byte[] noise(Corpus c, int size) {
        byte[] b = new byte[size];
        c.random.nextBytes(b);
        return b;
    }
}
