package io.brook.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import sqlline.SqlLine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.Callable;

/**
 * {@code brook sql}: sqlline in this JVM, connected to Brook. Every argument but
 * {@code --time-zone} goes to sqlline ({@code -u}, {@code -e}, {@code -f}, {@code --outputFormat},
 * ...). sqlline turns Ctrl-C into {@code Statement.cancel()}, which ends the running query with
 * code 394 and leaves the shell usable.
 */
@Command(name = "sql", description = {"Opens an SQL shell (sqlline) on ./brook-data, or on the URL given with -u.",
        "Other options go to sqlline: -e <sql>, -f <file>, --outputFormat=csv, --help, ..."})
final class SqlCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--time-zone", paramLabel = "<zone>", defaultValue = "UTC",
            description = "Zone the shell shows date-times in (default: ${DEFAULT-VALUE}, as Timeplus shows UTC columns).")
    private String timeZone;

    @CommandLine.Unmatched
    private List<String> sqllineArguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        // sqlline prints java.sql.Timestamp values through the JVM's default zone.
        TimeZone.setDefault(TimeZone.getTimeZone(timeZone));
        boolean terminal = System.console() != null && System.console().isTerminal();
        if (!terminal) {
            // Input or output is a pipe or a file: a dumb terminal, without JLine warning that it made one.
            System.setProperty("org.jline.terminal.dumb", "true");
        }
        SqlLine shell = new SqlLine();
        List<String> arguments = SqlShellArguments.of(sqllineArguments, terminal);
        SqlLine.Status status = shell.begin(arguments.toArray(new String[0]), null, true);
        return status == SqlLine.Status.OK ? 0 : 1;
    }
}
