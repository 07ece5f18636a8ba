package io.brook.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The sqlline arguments of {@code brook sql}: the user's, after Brook's defaults. The defaults
 * connect to {@code ./brook-data} unless the user names a URL ({@code -u}), print each row of
 * a streaming query as it arrives ({@code --incremental=true}), never ask for credentials and
 * name the shell Brook. Any default the user sets again is theirs: sqlline keeps the last value
 * of a property.
 */
final class SqlShellArguments {
    static final String DEFAULT_URL = "jdbc:brook:file:./brook-data";
    static final int UNBOUNDED_WIDTH = 100_000;

    private SqlShellArguments() {
    }

    /** {@code terminal}: whether the shell talks to a terminal (else to pipes or files). */
    static List<String> of(List<String> userArguments, boolean terminal) {
        List<String> arguments = new ArrayList<>(List.of(
                "-ac", BrookSqlApplication.class.getName(),
                "--incremental=true",
                "--prompt=brook> ",
                "--isolation=TRANSACTION_NONE",
                // Brook has no users yet: never stop to ask for a name or password.
                "--connectInteractionMode=notAskCredentials"));
        if (!terminal) {
            // Without a terminal JLine reports a width of 0, and sqlline would cut every row to nothing.
            arguments.add("--maxWidth=" + UNBOUNDED_WIDTH);
        }
        if (!userArguments.contains("-u")) {
            arguments.addAll(List.of("-u", DEFAULT_URL));
        }
        if (!userArguments.contains("-n")) {
            arguments.addAll(List.of("-n", ""));
        }
        if (!userArguments.contains("-p")) {
            arguments.addAll(List.of("-p", ""));
        }
        arguments.addAll(userArguments);
        return arguments;
    }
}
