package io.brook.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleSettingsTest {
    @TempDir
    Path dir;

    /**
     * In a JVM started without the switches, opening a log must set them before Chronicle reads
     * them: Chronicle's announcer would otherwise log its banner, including the line about usage
     * statistics.
     */
    @Test
    void openingALogSwitchesTelemetryOffBeforeChronicleStarts() throws Exception {
        List<String> flags = ChildJvm.brookFlags().stream()
                .filter(flag -> !flag.startsWith("-Dchronicle."))
                .toList();
        Path errors = dir.resolve("stderr.txt");
        Process child = ChildJvm.start(TelemetryProbe.class, flags, errors, dir.resolve("log").toString());
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        String log = Files.readString(errors);
        assertEquals(0, child.exitValue(), output + log);
        assertTrue(output.contains("before analytics=null"), output);
        assertTrue(output.contains("\nanalytics=true"), output);
        assertTrue(output.contains("\nannouncer=true"), output);
        assertTrue(log.contains("net.openhft.chronicle"), "Chronicle should have logged something: " + log);
        assertFalse(log.contains("Announcer"), log);
        assertFalse(log.contains("usage statistics"), log);
    }

    @Test
    void keepsAValueTheUserChose() {
        String previous = System.getProperty(ChronicleSettings.ANALYTICS_PROPERTY);
        try {
            System.setProperty(ChronicleSettings.ANALYTICS_PROPERTY, "false");
            ChronicleSettings.disableTelemetry();
            assertEquals("false", System.getProperty(ChronicleSettings.ANALYTICS_PROPERTY));
        } finally {
            if (previous == null) {
                System.clearProperty(ChronicleSettings.ANALYTICS_PROPERTY);
            } else {
                System.setProperty(ChronicleSettings.ANALYTICS_PROPERTY, previous);
            }
        }
    }
}
