package io.brook.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmFlagsTest {

    @Test
    void theBundledArgfileHoldsTheFlagsArrowNeeds() {
        List<String> flags = JvmFlags.all();
        assertTrue(flags.contains(JvmFlags.REQUIRED), flags.toString());
        assertTrue(flags.contains("-Darrow.enable_unsafe_memory_access=true"), flags.toString());
        assertTrue(JvmFlags.javaNioIsOpen(), "surefire runs the tests with the argfile");
    }

    @Test
    void theMessageListsEveryFlagAndWhereToPutThem() {
        String message = JvmFlags.message(List.of("--a", "--b"));
        assertTrue(message.contains(JvmFlags.REQUIRED + " is missing"), message);
        assertTrue(message.contains("java @brook-jvm.args"), message);
        assertTrue(message.endsWith("  --a\n  --b"), message);
    }

    /** A JVM started without the flags cannot connect, and is told which flags to add. */
    @Test
    void connectingWithoutTheFlagsFailsWithTheList() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                JvmFlagsProbe.class.getName(), "jdbc:brook:mem:probe")
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("08001: Brook needs JVM options"), output);
        for (String flag : JvmFlags.all()) {
            assertTrue(output.contains("  " + flag), flag + " in " + output);
        }
    }
}
