package io.brook.cli;

import io.brook.engine.BrookVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
        List<String> defaults = SqlShellArguments.of(List.of("-e", "SELECT 1"));
        assertEquals(List.of("-u", SqlShellArguments.DEFAULT_URL, "-n", "", "-p", "", "-e", "SELECT 1"),
                defaults.subList(defaults.indexOf("-u"), defaults.size()));
        assertTrue(defaults.contains("--connectInteractionMode=notAskCredentials"));
        assertTrue(defaults.contains("--incremental=true"));
        List<String> own = SqlShellArguments.of(List.of("-u", "jdbc:brook:mem:x", "--incremental=false"));
        assertEquals(1, own.stream().filter("-u"::equals).count());
        assertEquals("--incremental=false", own.getLast(), "the user's setting comes last and wins");
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
        ConsoleCapture run = ConsoleCapture.run(() -> BrookCli.run("sql", "-u", "jdbc:brook:remote:http://x",
                "-e", "!metadata getDatabaseProductName"));
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("not supported yet"), run.err());
    }
}
