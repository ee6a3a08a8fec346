package dev.gatehouse.hostile;

import dev.gatehouse.tls.TestCerts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Hostile YAML and JSON manifests for {@code lint -f}: handcrafted attacks plus seeded mutations. */
final class ManifestInputs {

    private static final String AREA = "manifests";

    private ManifestInputs() {
    }

    static String healthy() {
        TestCerts.Issued leaf = TestCerts.cert("shop.example.com").dns("shop.example.com").issue();
        String crt = Base64.getEncoder().encodeToString(TestCerts.pem(leaf.cert()).getBytes(StandardCharsets.US_ASCII));
        String key = Base64.getEncoder().encodeToString(TestCerts.pem(leaf.key()).getBytes(StandardCharsets.US_ASCII));
        return """
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: nginx}
                spec: {controller: k8s.io/ingress-nginx}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations:
                    nginx.ingress.kubernetes.io/ssl-redirect: "true"
                spec:
                  ingressClassName: nginx
                  tls:
                  - hosts: [shop.example.com]
                    secretName: shop-tls
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: web
                            port: {number: 80}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec:
                  ports:
                  - {name: http, port: 80}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: shop-tls, namespace: shop}
                type: kubernetes.io/tls
                data:
                  tls.crt: %s
                  tls.key: %s
                """.formatted(crt, key);
    }

    static void write(Corpus c) {
        String good = healthy();
        c.write(AREA, "lint", "healthy.yaml", good);
        handcrafted(c, good);
        for (int i = 0; i < 20; i++) {
            c.write(AREA, "lint", "truncated-" + i + ".yaml", c.truncate(good));
        }
        byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20; i++) {
            c.write(AREA, "lint", "flipped-" + i + ".yaml", c.flip(c.flip(bytes)));
        }
        for (int i = 0; i < 10; i++) {
            c.write(AREA, "lint", "line-deleted-" + i + ".yaml", c.lineEdit(good, true));
            c.write(AREA, "lint", "line-doubled-" + i + ".yaml", c.lineEdit(good, false));
        }
        for (int i = 0; i < 25; i++) {
            c.write(AREA, "lint", "value-swapped-" + i + ".yaml", c.valueSwap(good));
        }
    }

    private static void handcrafted(Corpus c, String good) {
        String head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: ";
        c.write(AREA, "lint", "empty.yaml", "");
        c.write(AREA, "lint", "comments-only.yaml", "# nothing\n# here\n");
        c.write(AREA, "lint", "separators-only.yaml", "---\n---\n...\n");
        for (int depth : new int[] {100, 101, 1000, 10_000, 200_000}) {
            c.write(AREA, "lint", "nested-flow-" + depth + ".yaml", head + "[".repeat(depth) + "]".repeat(depth));
            c.write(AREA, "lint", "nested-json-" + depth + ".json", "[".repeat(depth) + "]".repeat(depth));
        }
        c.write(AREA, "lint", "nested-unclosed-10000.yaml", head + "[".repeat(10_000));
        c.write(AREA, "lint", "nested-braces-10000.json", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
        c.write(AREA, "lint", "nested-block-500.yaml", IntStream.range(0, 500)
                .mapToObj(i -> " ".repeat(i) + "k" + i + ":").collect(Collectors.joining("\n")) + " x\n");
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\na0: &a0 [lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ",").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        c.write(AREA, "lint", "billion-laughs.yaml", bomb.toString());
        c.write(AREA, "lint", "merge-keys.yaml", "base: &b {apiVersion: v1, kind: Service}\nsvc:\n  <<: *b\n");
        c.write(AREA, "lint", "undefined-alias.yaml", "apiVersion: v1\nkind: Service\nmetadata: *nowhere\n");
        c.write(AREA, "lint", "recursive-key.yaml", "&a [*a]: x\n");
        c.write(AREA, "lint", "scalar-1mb.yaml", head + "x".repeat(1 << 20) + "\n");
        c.write(AREA, "lint", "scalar-quoted-1mb.yaml", head + "\"" + "x".repeat(1 << 20) + "\"\n");
        c.write(AREA, "lint", "key-1mb.yaml", "k".repeat(1 << 20) + ": v\n");
        c.write(AREA, "lint", "number-100k-digits.yaml", head + "1".repeat(100_000) + "\n");
        c.write(AREA, "lint", "port-overflow.yaml", good.replace("port: {number: 80}",
                "port: {number: 99999999999999999999}"));
        if (c.withStreams()) {
            c.write(AREA, "lint", "scalar-15mb.yaml", head + "x".repeat(15 << 20) + "\n");
            c.write(AREA, "lint", "file-17mb.yaml", head + "x".repeat(17 << 20) + "\n");
            c.external(AREA, "lint", "/dev/zero");
            c.external(AREA, "lint", "/dev/urandom");
            c.external(AREA, "lint", "/proc/self/status");
        }
        c.fifo(AREA, "lint", "fifo.yaml");
        c.write(AREA, "lint", "json-trailing-garbage.json",
                "{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"a\"}} garbage");
        c.write(AREA, "lint", "json-two-objects.json", "{\"apiVersion\": \"v1\"}{\"kind\": \"Service\"}");
        c.write(AREA, "lint", "yaml-after-end-marker.yaml", good + "\n...\n}}} not yaml {{{\n");
        c.write(AREA, "lint", "list-in-list.yaml", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n"
                + "  items:\n  - apiVersion: v1\n    kind: List\n    items: [{apiVersion: v1, kind: Service,"
                + " metadata: {name: a}}]\n");
        c.write(AREA, "lint", "list-of-scalars.yaml", "apiVersion: v1\nkind: List\nitems: [1, two, null, [3]]\n");
        c.write(AREA, "lint", "list-items-null.yaml", "apiVersion: v1\nkind: List\nitems: ~\n");
        c.write(AREA, "lint", "top-level-sequence.yaml", "- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n- 7\n");
        c.write(AREA, "lint", "scalar-document.yaml", "just a string\n");
        c.write(AREA, "lint", "duplicate-keys.yaml", "apiVersion: v1\nkind: Service\nkind: Secret\nmetadata: {name: a}\n");
        c.write(AREA, "lint", "tabs-indent.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n\tname: a\n");
        c.write(AREA, "lint", "crlf.yaml", good.replace("\n", "\r\n"));
        c.write(AREA, "lint", "bom.yaml", "\uFEFF" + good);
        c.write(AREA, "lint", "utf16.yaml", good.getBytes(StandardCharsets.UTF_16));
        c.write(AREA, "lint", "latin1.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: caf\u00e9}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        c.write(AREA, "lint", "nul-bytes.yaml", new byte[4096]);
        byte[] noise = new byte[8192];
        c.random.nextBytes(noise);
        c.write(AREA, "lint", "binary-noise.yaml", noise);
        c.write(AREA, "lint", "java-tag.yaml", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader"
                + " [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n");
        c.write(AREA, "lint", "wrong-types.yaml", "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: [a]\n"
                + "spec: {rules: {host: x}}\n");
        c.write(AREA, "lint", "kind-not-string.yaml", "apiVersion: [v1]\nkind: {a: b}\n");
        c.write(AREA, "lint", "secret-bad-base64.yaml", good.replaceFirst("tls.crt: [A-Za-z0-9+/=]+", "tls.crt: '!!!'"));
        c.write(AREA, "lint", "secret-key-in-crt.yaml", good.replaceFirst("tls.crt:", "tls.tmp:")
                .replaceFirst("tls.key:", "tls.crt:").replaceFirst("tls.tmp:", "tls.key:"));
        String services = IntStream.range(0, 12_000).mapToObj(i -> "apiVersion: v1\nkind: Service\nmetadata: {name: s"
                + i + ", namespace: shop}\n").collect(Collectors.joining("---\n"));
        c.write(AREA, "lint", "twelve-thousand-objects.yaml", services);
        String paths = IntStream.range(0, 1500).mapToObj(i -> "      - {path: /p" + i + ", pathType: Prefix, backend:"
                + " {service: {name: web, port: {number: 80}}}}").collect(Collectors.joining("\n"));
        c.write(AREA, "lint", "ingress-1500-paths.yaml", "apiVersion: networking.k8s.io/v1\nkind: Ingress\n"
                + "metadata: {name: big, namespace: shop}\nspec:\n  rules:\n  - host: a.example.com\n    http:\n"
                + "      paths:\n" + paths + "\n");
        c.write(AREA, "lint", "regex-path.yaml", good.replace("path: /", "path: /(a+)+$")
                .replace("ssl-redirect: \"true\"", "use-regex: \"true\""));
        c.external(AREA, "lint", c.root().resolve("no-such-file.yaml").toString());
    }
}
