package io.brook.cli;

import io.brook.engine.BrookVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code brook} command line: {@code brook sql} opens an SQL shell, {@code brook server}
 * serves the engine over HTTP, {@code brook users add} manages the server's users,
 * {@code brook version} prints versions. The {@code ./brook} launcher runs this class with Brook's JVM flags and
 * handles {@code ./brook test} itself, since that needs Maven rather than a JVM.
 */
@Command(name = "brook", mixinStandardHelpOptions = true, versionProvider = BrookCli.Versions.class,
        description = "Brook: an embeddable streaming SQL engine that speaks the Timeplus dialect.",
        subcommands = {SqlCommand.class, ServerCommand.class, UsersCommand.class, VersionCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "The ./brook launcher also runs `./brook test`: the whole test suite (mvn verify)."})
public final class BrookCli implements Runnable {
    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String SERVER_LOG_PROPERTY = "org.slf4j.simpleLogger.log.io.brook.server";
    private static final String KAFKA_LOG_PROPERTY = "org.slf4j.simpleLogger.log.org.apache.kafka";
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The command line ships slf4j-simple; engine start-up chatter (Arrow, Chronicle) is INFO.
        if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(LOG_LEVEL_PROPERTY, "warn");
        }
        // the server logs one line per start, stop and failure
        if (System.getProperty(SERVER_LOG_PROPERTY) == null) {
            System.setProperty(SERVER_LOG_PROPERTY, "info");
        }
        // the Kafka client warns on every failed connection attempt; the statement's error says why it failed
        if (System.getProperty(KAFKA_LOG_PROPERTY) == null) {
            System.setProperty(KAFKA_LOG_PROPERTY, "error");
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new BrookCli());
        // sqlline arguments such as `-f @script` must reach sqlline untouched.
        commandLine.setExpandAtFiles(false);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The lines {@code brook version} and {@code brook --version} print. */
    static final class Versions implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                BrookVersion.PRODUCT + " " + BrookVersion.VERSION,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.vm.version") + ", " + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
