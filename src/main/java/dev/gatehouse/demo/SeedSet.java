package dev.gatehouse.demo;

import dev.gatehouse.tls.build.CertificateBundle;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Instant;

/**
 * The seed of the demo cluster, read from {@code dev/gatehouse/demo/seed/} on the class path:
 * the certificates to generate and the Kubernetes YAML templates with their placeholders
 * (see the README.md beside them).
 */
final class SeedSet {

    static final String DEFAULT_LOCATION = "dev/gatehouse/demo/seed/";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z]+):([^}\\s]+)\\s*}}");
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private final List<CertificateSpec> certificates;
    private final List<Template> templates;
    private final KubernetesSerialization serialization;

    private record Template(String file, String text) {
    }

    private SeedSet(List<CertificateSpec> certificates, List<Template> templates, KubernetesSerialization serialization) {
        this.certificates = List.copyOf(certificates);
        this.templates = List.copyOf(templates);
        this.serialization = serialization;
    }

    /** Reads the seed below {@code location} (a class path folder ending in "/"). */
    static SeedSet load(ClassLoader loader, String location, KubernetesSerialization serialization) {
        String certificatesYaml = read(loader, location + "certificates.yaml");
        Map<?, ?> root = serialization.unmarshal(certificatesYaml, Map.class);
        Object list = root == null ? null : root.get("certificates");
        if (!(list instanceof List<?> entries)) {
            throw new IllegalArgumentException(location + "certificates.yaml has no \"certificates\" list");
        }
        List<CertificateSpec> specs = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(location + "certificates.yaml: every certificate must be a mapping");
            }
            specs.add(CertificateSpec.fromMap(map));
        }
        List<Template> templates = read(loader, location + "index.txt").lines()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(file -> new Template(file, read(loader, location + file)))
                .toList();
        return new SeedSet(specs, templates, serialization);
    }

    List<CertificateSpec> certificates() {
        return certificates;
    }

    /**
     * Fills in the placeholders of every template and parses the documents, in seed order.
     *
     * @param pki   the generated certificates ({@code chain}, {@code cert}, {@code key})
     * @param ports the local port for {@code port:NAMESPACE/SERVICE/PORT}
     * @param now   the demo's start, for {@code time:+60d}
     */
    List<HasMetadata> render(DemoPki pki, Function<String, Integer> ports, Instant now) {
        List<HasMetadata> resources = new ArrayList<>();
        for (Template template : templates) {
            String rendered = substitute(template, pki, ports, now);
            for (String document : DOCUMENT_SEPARATOR.split(rendered)) {
                if (document.lines().allMatch(line -> line.isBlank() || line.trim().startsWith("#"))) {
                    continue;
                }
                try {
                    resources.add(serialization.unmarshal(document, HasMetadata.class));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("seed file " + template.file() + " has a document that is not "
                            + "a Kubernetes object: " + e.getMessage(), e);
                }
            }
        }
        return resources;
    }

    private static String substitute(Template template, DemoPki pki, Function<String, Integer> ports, Instant now) {
        Matcher matcher = PLACEHOLDER.matcher(template.text());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String kind = matcher.group(1);
            String argument = matcher.group(2);
            String value = switch (kind) {
                case "chain" -> base64(certificate(template, pki, argument).chainPem());
                case "cert" -> base64(certificate(template, pki, argument).certificatePem());
                case "key" -> base64(certificate(template, pki, argument).privateKeyPem());
                // PEM text for a ConfigMap value, inside double quotes: line breaks written as \n
                case "pem" -> certificate(template, pki, argument).certificatePem().replace("\r", "")
                        .replace("\n", "\\n");
                case "port" -> String.valueOf(ports.apply(argument));
                case "time" -> CertificateSpec.relative(now, argument, "seed file " + template.file())
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
                default -> throw new IllegalArgumentException("seed file " + template.file()
                        + " has an unknown placeholder {{" + kind + ":" + argument + "}}");
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static CertificateBundle certificate(Template template, DemoPki pki, String name) {
        return pki.find(name).orElseThrow(() -> new IllegalArgumentException("seed file " + template.file()
                + " refers to certificate \"" + name + "\", which certificates.yaml does not define"));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("seed resource " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("seed resource " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }
}
