package dev.gatehouse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code gatehouse} command. Without a sub-command it opens the desktop window;
 * sub-commands run headless and share the GUI's engine.
 */
@Command(name = "gatehouse",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Workbench for TLS at the Kubernetes Ingress.",
            "Without a command, opens the desktop window."
        },
        subcommands = {CommandLine.HelpCommand.class})
public final class GatehouseCommand implements Callable<Integer> {

    private final GuiLauncher launcher;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--demo", description = "Open the window connected to the embedded demo cluster.")
    private boolean demo;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Use this kubeconfig instead of KUBECONFIG / ~/.kube/config.")
    private Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Connect to this kubeconfig context.")
    private String context;

    @Option(names = "--self-check",
            description = "Check the installation headless (versions, BoringSSL, BouncyCastle) and exit.")
    private boolean selfCheck;

    public GatehouseCommand(GuiLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        if (selfCheck) {
            return new SelfCheck().run(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (kubeconfig != null && !Files.isRegularFile(kubeconfig)) {
            spec.commandLine().getErr().println("gatehouse: no kubeconfig at " + kubeconfig);
            return 2;
        }
        return launcher.launch(new GuiOptions(demo, Optional.ofNullable(kubeconfig), Optional.ofNullable(context)));
    }

    /** The command line with every sub-command registered. */
    public static CommandLine commandLine(GuiLauncher launcher) {
        CommandLine cl = new CommandLine(new GatehouseCommand(launcher));
        Subcommands.register(cl);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + plainMessage(ex));
            return 1;
        });
        return cl;
    }

    static String plainMessage(Throwable ex) {
        String msg = ex.getMessage();
        return msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg;
    }
}
