package dev.gatehouse.cli;

import picocli.CommandLine;

/** The headless sub-commands, in the order {@code --help} lists them. */
final class Subcommands {
    private Subcommands() {
    }

    static void register(CommandLine cl) {
        cl.addSubcommand(new LintCommand());
        cl.addSubcommand(new ExplainCommand());
        cl.addSubcommand(new ProbeCommand());
        cl.addSubcommand(new DemoClusterCommand());
        cl.addSubcommand(new ProxyCommand());
        cl.addSubcommand(new CertCommand());
        cl.addSubcommand(new FleetCommand());
        cl.addSubcommand(new MigrateCommand());
    }
}
