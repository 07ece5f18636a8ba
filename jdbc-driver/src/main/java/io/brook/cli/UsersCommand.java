package io.brook.cli;

import io.brook.server.auth.UserFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code brook users add NAME --users FILE}: adds a user to a server's users file, or sets a
 * new password, asking for it on the console (or reading one line from standard input when
 * there is no console). Only a salted hash is written.
 */
@Command(name = "users", description = "Manages the users file of `brook server`.",
        subcommands = UsersCommand.Add.class)
final class UsersCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", description = "Adds a user (or sets its password); the password is read, never given as an argument.")
    static final class Add implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "The user name.")
        private String name;

        @Option(names = "--users", required = true, description = "The users file (made if missing).")
        private Path file;

        @Override
        public Integer call() throws IOException {
            char[] password = readPassword();
            try {
                UserFile.put(file, name, password);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("brook users add: " + e.getMessage());
                return 1;
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            spec.commandLine().getOut().println("User " + name + " saved in " + file);
            return 0;
        }

        private static char[] readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] password = console.readPassword("Password: ");
                return password == null ? new char[0] : password;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }
}
