package dev.gatehouse.bench;

import dev.gatehouse.cluster.SecretSummary;
import dev.gatehouse.tls.MaterialAnalyzer;
import dev.gatehouse.tls.MaterialReaders;
import dev.gatehouse.tls.PasswordSource;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import dev.gatehouse.tls.build.KeyAlgorithm;
import dev.gatehouse.ui.certs.BenchAccess;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * bench/cert-analysis.sh and bench/cert-corpus.sh's measuring half.
 *
 * <p>{@code secrets N}: N TLS Secrets (leaf + intermediate, EC and RSA, some expired, some with the wrong
 * key) analysed exactly as the Certificates screen builds its rows (read tls.crt and tls.key, chain,
 * key match, expiry, trust against the system's roots) and combined into rows; prints the time of each
 * of 5 runs after a warm-up. {@code corpus}: each hostile-corpus file read and analysed; prints the
 * slowest.
 */
public final class CertAnalysisBench {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("corpus")) {
            corpus();
        } else {
            secrets(args.length > 1 ? Integer.parseInt(args[1]) : 1000);
        }
    }

    private static void secrets(int n) {
        Instant now = Instant.now();
        CertificateBundle root = CertificateBuilder.create(Clock.systemUTC()).subject("CN=Bench Root").ca(true).build();
        CertificateBundle issuing = CertificateBuilder.create(Clock.systemUTC()).subject("CN=Bench Issuing").pathLength(0)
                .issuedBy(root).build();
        List<CertificateBundle> leaves = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            leaves.add(CertificateBuilder.create().subject("CN=host-" + i + ".bench.test").sans("host-" + i + ".bench.test")
                    .serverAuth().algorithm(i % 4 == 0 ? KeyAlgorithm.RSA_2048 : KeyAlgorithm.EC_P256)
                    .notBefore(now.minus(Duration.ofDays(100))).notAfter(now.plus(Duration.ofDays(i % 10 == 0 ? -5 : 60)))
                    .issuedBy(issuing).build());
        }
        List<SecretSummary> secrets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CertificateBundle leaf = leaves.get(i % leaves.size());
            CertificateBundle key = i % 25 == 0 ? leaves.get((i + 1) % leaves.size()) : leaf;
            secrets.add(SecretSummary.of(new SecretBuilder().withNewMetadata().withNamespace("ns-" + (i % 20))
                    .withName("tls-" + i).endMetadata().withType("kubernetes.io/tls")
                    .withData(Map.of("tls.crt", b64(leaf.chainPem()), "tls.key", b64(key.privateKeyPem()))).build()));
        }
        TrustAnchors anchors = TrustAnchors.jdkDefaults().plus("bench", List.of(root.certificate()));
        MaterialAnalyzer analyzer = new MaterialAnalyzer(Clock.systemUTC(), anchors);
        System.out.println("# cert-analysis: " + n + " TLS Secrets, " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version"));
        BenchAccess.analyse(secrets, analyzer); // warm-up
        long[] runs = new long[5];
        for (int r = 0; r < runs.length; r++) {
            long start = System.nanoTime();
            int rows = BenchAccess.analyse(secrets, analyzer);
            runs[r] = (System.nanoTime() - start) / 1_000_000;
            System.out.println("run " + (r + 1) + ": " + runs[r] + " ms (" + rows + " rows)");
        }
        Arrays.sort(runs);
        System.out.println("analysis_median_ms=" + runs[runs.length / 2]);
        System.out.println("analysis_min_ms=" + runs[0]);
        System.out.println("per_secret_us=" + runs[runs.length / 2] * 1000 / n);
    }

    private static void corpus() throws Exception {
        List<String> lines;
        try (InputStream in = CertAnalysisBench.class.getResourceAsStream("/dev/gatehouse/tls/corpus/expected.tsv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        MaterialAnalyzer analyzer = new MaterialAnalyzer(Clock.systemUTC(), TrustAnchors.none());
        long worst = 0;
        String worstFile = "";
        for (int pass = 0; pass < 2; pass++) { // the first pass loads classes; the second is measured
            worst = 0;
            for (String line : lines) {
                String[] c = line.split("\t", -1);
                byte[] bytes;
                try (InputStream in = CertAnalysisBench.class.getResourceAsStream("/dev/gatehouse/tls/corpus/" + c[0])) {
                    bytes = in.readAllBytes();
                }
                PasswordSource pw = "-".equals(c[1]) ? PasswordSource.none() : PasswordSource.of(c[1].toCharArray());
                long start = System.nanoTime();
                analyzer.analyze(List.of(MaterialReaders.read(bytes, c[0], pw)), List.of());
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (pass == 1) {
                    System.out.println(ms + " ms  " + c[0]);
                }
                if (ms >= worst) {
                    worst = ms;
                    worstFile = c[0];
                }
            }
        }
        byte[] noise = new byte[10 * 1024 * 1024];
        new java.util.Random(1).nextBytes(noise);
        long start = System.nanoTime();
        MaterialReaders.read(noise, "noise.bin");
        long noiseMs = (System.nanoTime() - start) / 1_000_000;
        System.out.println(noiseMs + " ms  10 MB of noise (generated)");
        System.out.println("corpus_files=" + lines.size());
        System.out.println("corpus_slowest_ms=" + Math.max(worst, noiseMs) + " (" + (noiseMs > worst ? "noise" : worstFile) + ")");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }

}
