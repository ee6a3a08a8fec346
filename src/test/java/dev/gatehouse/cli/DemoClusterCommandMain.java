package dev.gatehouse.cli;

import picocli.CommandLine;

/** Runs the demo-cluster command as its own process for {@link DemoClusterCommandTest} (Main is not ours). */
final class DemoClusterCommandMain {

    private DemoClusterCommandMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoClusterCommand()).execute(args));
    }
}
