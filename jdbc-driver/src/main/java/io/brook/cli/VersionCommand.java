package io.brook.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code brook version}: the Brook version and the Java it runs on. */
@Command(name = "version", description = "Prints the Brook version and the Java version.")
final class VersionCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        for (String line : new BrookCli.Versions().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
    }
}
