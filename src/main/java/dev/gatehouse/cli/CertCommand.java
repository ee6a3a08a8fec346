package dev.gatehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse cert}: certificates from files and in TLS Secrets, sharing the GUI's engine. */
@Command(name = "cert", description = "Inspect certificate files, renew TLS Secrets, explain cert-manager renewals, Gatehouse's local CA, backups.",
        subcommands = {CertInspectCommand.class, CertRenewCommand.class, CertStatusCommand.class, CertCaCommand.class,
            CertBackupsCommand.Backups.class, CertBackupsCommand.Restore.class})
public final class CertCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    private boolean help;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
