package dev.gatehouse.cli;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.app.AppDirs;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.ca.AtRestKey;
import dev.gatehouse.tls.ca.LocalCa;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gatehouse cert ca}: Gatehouse's local CA. */
@Command(name = "ca", description = "Gatehouse's local CA (created on first use in the data directory).",
        subcommands = {CertCaCommand.Export.class, CertCaCommand.Show.class})
public final class CertCaCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    private boolean help;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    static LocalCa open() throws IOException {
        Path data = AppDirs.forCurrentUser().data();
        return LocalCa.openOrCreate(data, AtRestKey.in(data), AppClock.system());
    }

    static void describe(LocalCa ca, PrintWriter out) {
        CertificateInfo info = CertificateInfo.of(ca.certificate(), AppClock.system().instant());
        out.println("Local CA: " + info.subject());
        out.println("  valid until " + info.notAfter() + ", SHA-256 " + info.sha256Fingerprint());
        out.println("  stored in " + ca.directory() + " (owner-only; the key is encrypted at rest)");
    }

    /** {@code cert ca export PATH}. */
    @Command(name = "export", description = "Write the local CA's certificate (never its key) to PATH, so that"
            + " clients and browsers can be told to trust it.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:exported", "2:cannot write"})
    static final class Export implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
        private boolean help;

        @Parameters(paramLabel = "PATH", description = "Where to write the certificate (PEM)")
        private Path path;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            try {
                LocalCa ca = open();
                ca.exportCertificate(path);
                describe(ca, spec.commandLine().getOut());
                spec.commandLine().getOut().println("Exported its certificate to " + path.toAbsolutePath());
                return 0;
            } catch (IOException e) {
                spec.commandLine().getErr().println("error: cannot export the local CA: " + e.getMessage());
                return 2;
            }
        }
    }

    /** {@code cert ca show}. */
    @Command(name = "show", description = "Describe the local CA (creating it if it does not exist yet).")
    static final class Show implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
        private boolean help;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            try {
                describe(open(), spec.commandLine().getOut());
                return 0;
            } catch (IOException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 2;
            }
        }
    }
}
