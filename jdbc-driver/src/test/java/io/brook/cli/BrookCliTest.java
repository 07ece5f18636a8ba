package io.brook.cli;

import io.brook.engine.BrookVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class BrookCliTest {

    @Test
    void versionPrintsBrookAndJava() {
        ConsoleCapture run = ConsoleCapture.run(() -> BrookCli.run("version"));
        assertEquals(0, run.exitCode());
        assertEquals("Brook " + BrookVersion.VERSION, run.out().lines().findFirst().orElseThrow());
        assertTrue(run.out().contains("Java " + System.getProperty("java.version")), run.out());
    }

    @Test
    void helpListsTheCommands() {
        ConsoleCapture run = ConsoleCapture.run(() -> BrookCli.run("--help"));
        assertEquals(0, run.exitCode());
        for (String command : List.of("sql", "version", "./brook test")) {
            assertTrue(run.out().contains(command), command + " in " + run.out());
        }
    }

    @Test
    void anUnknownCommandFails() {
        ConsoleCapture run = ConsoleCapture.run(() -> BrookCli.run("frobnicate"));
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("frobnicate"), run.err());
    }

    @Test
    void theShellConnectsToBrookDataUnlessAUrlIsGiven() {
        List<String> defaults = SqlShellArguments.of(List.of("-e", "SELECT 1"), true);
        assertEquals(List.of("-u", SqlShellArguments.DEFAULT_URL, "-n", "", "-p", "", "-e", "SELECT 1"),
                defaults.subList(defaults.indexOf("-u"), defaults.size()));
        assertTrue(defaults.contains("--connectInteractionMode=notAskCredentials"));
        assertTrue(defaults.contains("--incremental=true"));
        List<String> own = SqlShellArguments.of(List.of("-u", "jdbc:brook:mem:x", "--incremental=false"), false);
        assertEquals(1, own.stream().filter("-u"::equals).count());
        assertEquals("--incremental=false", own.getLast(), "the user's setting comes last and wins");
        assertTrue(own.contains("--maxWidth=" + SqlShellArguments.UNBOUNDED_WIDTH), "no terminal, no width limit");
    }

    @Test
    void theShellRunsSqllineCommandsAgainstBrook() {
        ConsoleCapture run = ConsoleCapture.run(() -> BrookCli.run("sql", "-u", "jdbc:brook:mem:cli-metadata",
                "-e", "!metadata getDatabaseProductName"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch("Brook"::equals), run.out());
        assertTrue(run.err().contains("Brook " + BrookVersion.VERSION + " SQL shell"), run.err());
    }

    @Test
    void aFailingCommandMakesTheShellFail() {
        ConsoleCapture run = ConsoleCapture.run(() -> BrookCli.run("sql", "-u", "jdbc:brook:nowhere:x",
                "-e", "!metadata getDatabaseProductName"));
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("Unknown kind of Brook URL"), run.err());
    }

    @Test
    void theShellRunsAScriptAgainstTheEngine(@TempDir Path directory) throws IOException {
        Path script = directory.resolve("demo.sql");
        Files.writeString(script, """
                CREATE STREAM metrics (host string, value float64);
                INSERT INTO metrics (host, value) VALUES ('a', 1.5), ('b', 2.5);
                SELECT host, value FROM table(metrics) ORDER BY host;
                SELECT host FROM metrics WHERE _tp_time > earliest_ts() LIMIT 2;
                """);
        String url = "jdbc:brook:file:" + directory.resolve("data");
        ConsoleCapture run = ConsoleCapture.run(() -> BrookCli.run("sql", "-u", url, "-f", script.toString(),
                "--outputFormat=csv"));
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("'host','value'", "'a','1.5'", "'b','2.5'"),
                lines.subList(lines.indexOf("'host','value'"), lines.indexOf("'host','value'") + 3), run.out());
        assertEquals(List.of("'host'", "'a'", "'b'"),
                lines.subList(lines.indexOf("'host'"), lines.indexOf("'host'") + 3), run.out());
    }

    @Test
    void theShellReportsEngineErrorsWithTheirCode() {
        ConsoleCapture run = ConsoleCapture.run(() -> BrookCli.run("sql", "-u", "jdbc:brook:mem:cli-errors",
                "-e", "SELECT * FROM missing"));
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("Stream missing doesn't exist (UNKNOWN_STREAM) (state=42P01,code=60)"), run.err());
    }
}
