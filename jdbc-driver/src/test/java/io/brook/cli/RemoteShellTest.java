package io.brook.cli;

import io.brook.server.BrookServer;
import io.brook.server.ServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code brook sql -u jdbc:brook:remote:...}: the shell on a server. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RemoteShellTest {

    @Test
    void theShellRunsStatementsOnAServer(@TempDir Path directory) {
        try (BrookServer server = BrookServer.start(ServerOptions.local(0, directory))) {
            ConsoleCapture run = ConsoleCapture.run(() -> BrookCli.run("sql", "-u", server.jdbcUrl(),
                    "-e", "CREATE STREAM remote_s (n int32)",
                    "-e", "INSERT INTO remote_s (n) VALUES (41), (1)",
                    "-e", "SELECT sum(n) AS total FROM table(remote_s)"));
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("42"), run.out());
        }
    }
}
