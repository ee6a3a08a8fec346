package dev.gatehouse.cli;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.certmanager.RenewalStory;
import dev.gatehouse.certmanager.RenewalStoryBuilder;
import dev.gatehouse.cluster.CertManagerReader;
import dev.gatehouse.cluster.KubeconfigException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse cert status}: why cert-manager has (not) renewed a TLS Secret. */
@Command(name = "status",
        description = {"Why cert-manager has (not) renewed a TLS Secret: the Certificate, its Issuer or ClusterIssuer,"
                + " the current CertificateRequest and, for ACME, the Order and its Challenges with their events —"
                + " the blocking step first, with the fix.",
            "A cluster without cert-manager, or a Secret no Certificate writes, is said plainly; objects Gatehouse may"
                + " not read are named."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:renewed and Ready, a renewal under way, or not managed by cert-manager",
            "1:a step blocks the renewal, or what is needed to tell could not be read",
            "2:bad input (no such context, a malformed --secret, the cluster cannot be reached)"})
public final class CertStatusCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    private boolean help;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig (default: KUBECONFIG or ~/.kube/config)")
    private Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", required = true, description = "Kubeconfig context")
    private String context;

    @Option(names = "--secret", paramLabel = "NS/NAME", required = true, description = "The TLS Secret")
    private String secret;

    @Option(names = "--json", description = "Print the story as JSON")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String[] ref = secret.split("/", 2);
        if (ref.length != 2 || ref[0].isBlank() || ref[1].isBlank()) {
            err.println("error: --secret must be NAMESPACE/NAME, not '" + secret + "'");
            return 2;
        }
        try (KubernetesClient client = OneShotClient.open(kubeconfig, context)) {
            List<String> notes = new ArrayList<>();
            Map<String, String> annotations = annotations(client, ref[0], ref[1], notes);
            RenewalStory story = new RenewalStoryBuilder(AppClock.system())
                    .build(ref[0], ref[1], annotations, new CertManagerReader(client).read(ref[0]));
            if (json) {
                out.println(JsonText.write(json(story, notes)));
            } else {
                print(story, notes, out);
            }
            return switch (story.verdict()) {
                case HEALTHY, IN_PROGRESS, NOT_MANAGED -> 0;
                case BLOCKED, UNKNOWN -> 1;
            };
        } catch (KubeconfigException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (KubernetesClientException e) {
            err.println("error: " + KubeErrors.plain(e, context));
            return 2;
        }
    }

    private static Map<String, String> annotations(KubernetesClient client, String ns, String name, List<String> notes) {
        try {
            Secret s = client.secrets().inNamespace(ns).withName(name).get();
            if (s == null) {
                notes.add("Secret " + ns + "/" + name + " does not exist (yet); cert-manager creates it on first issuance.");
                return Map.of();
            }
            return Optional.ofNullable(s.getMetadata().getAnnotations()).orElse(Map.of());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                notes.add("Gatehouse may not read Secret " + ns + "/" + name + "; the Certificate is found by its"
                        + " spec.secretName instead.");
                return Map.of();
            }
            throw e;
        }
    }

    static void print(RenewalStory story, List<String> notes, PrintWriter out) {
        out.println(story.headline());
        story.fix().ifPresent(f -> out.println("Fix: " + f));
        for (RenewalStory.Step step : story.steps()) {
            out.println();
            String mark = step.state() == RenewalStory.State.BLOCKED ? "  <-- blocks the renewal" : "";
            out.println(step.title() + ": " + step.state().name().toLowerCase(java.util.Locale.ROOT) + mark);
            out.println("  " + step.summary());
            step.details().forEach(d -> out.println("  " + d));
            if (!step.events().isEmpty()) {
                out.println("  Events:");
                step.events().forEach(e -> out.println("    " + e));
            }
        }
        List<String> all = new ArrayList<>(notes);
        all.addAll(story.notes());
        if (!all.isEmpty()) {
            out.println();
            all.forEach(n -> out.println("Note: " + n));
        }
    }

    private static Map<String, Object> json(RenewalStory story, List<String> notes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("secret", story.secret());
        m.put("verdict", story.verdict().name());
        m.put("headline", story.headline());
        m.put("fix", story.fix().orElse(null));
        List<Object> steps = new ArrayList<>();
        for (RenewalStory.Step s : story.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("object", s.title());
            step.put("state", s.state().name());
            step.put("summary", s.summary());
            step.put("details", s.details());
            step.put("events", s.events());
            step.put("blocking", story.blockingStep().map(b -> b == s).orElse(false));
            steps.add(step);
        }
        m.put("steps", steps);
        List<String> all = new ArrayList<>(notes);
        all.addAll(story.notes());
        m.put("notes", all);
        return m;
    }
}
