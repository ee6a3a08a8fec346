package dev.gatehouse.cli;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.app.AppDirs;
import dev.gatehouse.cluster.KubeconfigException;
import dev.gatehouse.cluster.write.Backup;
import dev.gatehouse.cluster.write.BackupStore;
import dev.gatehouse.cluster.write.SafeWriter;
import dev.gatehouse.cluster.write.WriteResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gatehouse cert backups} and {@code gatehouse cert restore}: the backups taken before each write. */
final class CertBackupsCommand {

    private CertBackupsCommand() {
    }

    static BackupStore store() {
        return new BackupStore(AppDirs.forCurrentUser().data().resolve("backups"));
    }

    /** Lists backups, newest first. */
    @Command(name = "backups", description = "List the backups Gatehouse took before changing objects, newest first.")
    static final class Backups implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
        private boolean help;

        @Option(names = "--object", paramLabel = "NS/NAME", description = "Only backups of this object")
        private String object;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Backup> all = store().list().stream()
                    .filter(b -> object == null || object.equals(b.namespace() + "/" + b.name())).toList();
            if (all.isEmpty()) {
                out.println("No backups.");
            }
            for (Backup b : all) {
                out.printf("%s  %s  %s %s/%s  %s%n", b.id(), b.taken(), b.kind(), b.namespace(), b.name(),
                        b.yaml().isPresent() ? b.reason() : b.reason() + " (did not exist before)");
            }
            return 0;
        }
    }

    /** Puts an object back as a backup has it (undo). */
    @Command(name = "restore", description = "Put an object back as a backup has it (undo a change). The current"
            + " state is backed up first.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:restored", "1:refused by the API server", "2:no such backup or context"})
    static final class Restore implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
        private boolean help;

        @Parameters(paramLabel = "BACKUP", description = "The backup id (see cert backups)")
        private String id;

        @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig (default: KUBECONFIG or ~/.kube/config)")
        private Path kubeconfig;

        @Option(names = "--context", paramLabel = "NAME", required = true, description = "Kubeconfig context")
        private String context;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            BackupStore store = store();
            Optional<Backup> backup = store.get(id);
            if (backup.isEmpty()) {
                err.println("error: no backup " + id + " in " + AppDirs.forCurrentUser().data().resolve("backups"));
                return 2;
            }
            try (KubernetesClient client = OneShotClient.open(kubeconfig, context)) {
                WriteResult r = new SafeWriter(client, store, AppClock.system()).restore(backup.get());
                spec.commandLine().getOut().println(r.message());
                return r instanceof WriteResult.Written ? 0 : 1;
            } catch (KubeconfigException e) {
                err.println("error: " + e.getMessage());
                return 2;
            } catch (KubernetesClientException e) {
                err.println("error: " + KubeErrors.plain(e, context));
                return 2;
            }
        }
    }
}
