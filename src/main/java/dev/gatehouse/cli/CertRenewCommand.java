package dev.gatehouse.cli;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.app.AppDirs;
import dev.gatehouse.cluster.KubeconfigException;
import dev.gatehouse.cluster.write.BackupStore;
import dev.gatehouse.cluster.write.CertManagerRenewal;
import dev.gatehouse.cluster.write.SafeWriter;
import dev.gatehouse.cluster.write.TlsSecretWriter;
import dev.gatehouse.cluster.write.WriteResult;
import dev.gatehouse.cluster.write.YamlDiff;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.MaterialReaders;
import dev.gatehouse.tls.ParsedMaterial;
import dev.gatehouse.tls.build.CertificateBundle;
import dev.gatehouse.tls.build.KeyAlgorithm;
import dev.gatehouse.tls.build.LeafSpec;
import dev.gatehouse.tls.ca.AtRestKey;
import dev.gatehouse.tls.ca.LocalCa;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse cert renew}: a new certificate for a TLS Secret, written through the safe write path. */
@Command(name = "renew",
        description = {"Renew the certificate of a TLS Secret: same subject and names by default, a new key, signed"
                + " by Gatehouse's local CA (default) or self-signed. Shows what changes and the API server's dry-run"
                + " verdict, backs the Secret up, then writes it only if nobody changed it meanwhile.",
            "A Secret managed by cert-manager is never overwritten: --cert-manager asks cert-manager to reissue it"
                + " (as cmctl renew does)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:renewed (or, with --dry-run, the server accepts it)", "1:refused, conflict or rejected",
            "2:bad input (no such context or Secret, unreadable certificate)"})
public final class CertRenewCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    private boolean help;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig (default: KUBECONFIG or ~/.kube/config)")
    private Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", required = true, description = "Kubeconfig context")
    private String context;

    @Option(names = "--secret", paramLabel = "NS/NAME", required = true, description = "The TLS Secret to renew")
    private String secret;

    @Option(names = "--signer", paramLabel = "self|local-ca", defaultValue = "local-ca",
            description = "Who signs the new certificate (default: local-ca, created on first use)")
    private String signer;

    @Option(names = "--days", paramLabel = "N", defaultValue = "90", description = "Validity in days (default 90)")
    private int days;

    @Option(names = "--key", paramLabel = "ec-p256|rsa-2048|rsa-3072|rsa-4096", defaultValue = "ec-p256",
            description = "Key type of the new certificate (default ec-p256)")
    private String key;

    @Option(names = "--san", paramLabel = "NAME", description = "DNS names (repeatable; default: the current ones)")
    private List<String> sans = new ArrayList<>();

    @Option(names = "--dry-run", description = "Show what would change and the server's verdict; write nothing")
    private boolean dryRun;

    @Option(names = "--cert-manager", description = "If cert-manager owns the Secret, ask it to reissue the Certificate")
    private boolean certManager;

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
        Optional<KeyAlgorithm> algorithm = algorithm(key);
        if (algorithm.isEmpty() || days < 1 || !List.of("self", "local-ca").contains(signer)) {
            err.println("error: " + (algorithm.isEmpty() ? "--key must be ec-p256, rsa-2048, rsa-3072 or rsa-4096"
                    : days < 1 ? "--days must be at least 1" : "--signer must be self or local-ca"));
            return 2;
        }
        try (KubernetesClient client = OneShotClient.open(kubeconfig, context)) {
            AppDirs dirs = AppDirs.forCurrentUser();
            Clock clock = AppClock.system();
            TlsSecretWriter writer = new TlsSecretWriter(new SafeWriter(client,
                    new BackupStore(dirs.data().resolve("backups")), clock));
            return renew(writer, client, dirs.data(), clock, ref[0], ref[1], algorithm.get(), out, err);
        } catch (KubeconfigException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (KubernetesClientException e) {
            err.println("error: " + KubeErrors.plain(e, context));
            return e.getCode() == 0 ? 2 : 1;
        }
    }

    private int renew(TlsSecretWriter writer, KubernetesClient client, Path data, Clock clock, String ns, String name,
                      KeyAlgorithm algorithm, PrintWriter out, PrintWriter err) {
        Optional<Secret> live = writer.live(ns, name);
        if (live.isEmpty()) {
            err.println("error: Secret " + ns + "/" + name + " does not exist in context " + context);
            return 2;
        }
        out.println("Renewing Secret " + ns + "/" + name + " in context " + context);
        Optional<String> owner = Optional.ofNullable(live.get().getMetadata().getAnnotations())
                .map(a -> a.get("cert-manager.io/certificate-name")).filter(s -> !s.isBlank());
        if (owner.isPresent()) {
            out.println("The Secret is managed by cert-manager (Certificate " + ns + "/" + owner.get() + "); Gatehouse"
                    + " does not overwrite it, cert-manager would replace it again.");
            if (!certManager) {
                out.println("Run again with --cert-manager to ask cert-manager to reissue it (as cmctl renew does).");
                return 1;
            }
            CertManagerRenewal.Result r = new CertManagerRenewal(client, clock).renew(ns, owner.get());
            out.println(r.message());
            return r instanceof CertManagerRenewal.Triggered || r instanceof CertManagerRenewal.AlreadyIssuing ? 0 : 1;
        }
        Optional<CertificateInfo> current = current(live.get(), clock);
        current.ifPresent(c -> out.println("Current: " + c.displayName() + ", valid until " + c.notAfter()));
        LeafSpec spec;
        try {
            spec = spec(current, algorithm);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        CertificateBundle bundle;
        try {
            bundle = "self".equals(signer) ? spec.selfSigned(clock.instant())
                    : LocalCa.openOrCreate(data, AtRestKey.in(data), clock).issue(spec, clock.instant());
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        out.println("New:     " + spec.subject() + " · " + String.join(", ", spec.dnsNames()) + " · "
                + algorithm.displayName() + " · " + days + " days · " + ("self".equals(signer) ? "self-signed"
                : "signed by " + bundle.certificate().getIssuerX500Principal().getName()));
        TlsSecretWriter.Prepared prepared = writer.prepare(ns, name, bundle.chainPem(), Optional.of(bundle.privateKeyPem()));
        out.println();
        prepared.change().summary().forEach(l -> out.println("  " + l));
        out.println();
        out.print(YamlDiff.render(prepared.diff()));
        out.println();
        out.println("Dry run: " + prepared.dryRun().message());
        if (!prepared.writable()) {
            return 1;
        }
        if (dryRun) {
            out.println("Nothing was written (--dry-run).");
            return 0;
        }
        WriteResult result = writer.apply(prepared, "cert renew " + ns + "/" + name + " (" + signer + ")");
        out.println(result.message());
        if (result instanceof WriteResult.Written w) {
            out.println("Backup " + w.backup().id() + "; undo with: gatehouse cert restore " + w.backup().id()
                    + " --context " + context);
            return 0;
        }
        return 1;
    }

    private LeafSpec spec(Optional<CertificateInfo> current, KeyAlgorithm algorithm) {
        LeafSpec base = current.map(LeafSpec::from).orElse(null);
        if (!sans.isEmpty()) {
            String subject = base != null ? base.subject() : "CN=" + sans.get(0);
            base = new LeafSpec(subject, sans, List.of(), LeafSpec.DEFAULT_VALIDITY, algorithm);
        }
        if (base == null) {
            throw new IllegalArgumentException("the Secret's tls.crt holds no readable certificate: name the hosts"
                    + " with --san");
        }
        return base.withValidity(Duration.ofDays(days)).withAlgorithm(algorithm);
    }

    private static Optional<CertificateInfo> current(Secret s, Clock clock) {
        String crt = s.getData() == null ? null : s.getData().get("tls.crt");
        if (crt == null) {
            return Optional.empty();
        }
        try {
            ParsedMaterial m = MaterialReaders.read(Base64.getMimeDecoder().decode(crt), "tls.crt");
            return m.chain().isEmpty() ? Optional.empty() : Optional.of(CertificateInfo.of(m.chain().get(0), clock.instant()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<KeyAlgorithm> algorithm(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "ec-p256", "ecdsa", "ec" -> Optional.of(KeyAlgorithm.EC_P256);
            case "rsa-2048", "rsa" -> Optional.of(KeyAlgorithm.RSA_2048);
            case "rsa-3072" -> Optional.of(KeyAlgorithm.RSA_3072);
            case "rsa-4096" -> Optional.of(KeyAlgorithm.RSA_4096);
            default -> Optional.empty();
        };
    }
}
