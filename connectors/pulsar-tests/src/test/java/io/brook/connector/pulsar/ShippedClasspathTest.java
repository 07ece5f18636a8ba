package io.brook.connector.pulsar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector on the class path it ships with (the shaded Pulsar client, Brook's Jackson, Arrow's
 * Netty), not the broker's: the other tests share the broker's JVM, where the unshaded client
 * and the broker's Jackson and Netty stand in. A JVM of its own runs {@link ShippedClasspathMain}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ShippedClasspathTest {

    @Test
    void theShippedClientWritesAndReads() throws Exception {
        PulsarBroker broker = PulsarBroker.get();
        String topic = PulsarBroker.topic("shipped");
        Path classpathFile = Path.of(System.getProperty("pulsar.connector.classpath"));
        String classpath = String.join(File.pathSeparator, System.getProperty("pulsar.connector.classes"),
                Files.readString(classpathFile).strip(),
                location(ShippedClasspathMain.class), location(io.brook.engine.testing.Sql.class));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + System.getProperty("brook.jvm.args"), "-Xmx512m",
                "-cp", classpath, ShippedClasspathMain.class.getName(), broker.serviceUrl(), topic));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(ShippedClasspathMain.TOKEN_VARIABLE, broker.token());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        List<String> rows = output.lines().filter(line -> line.startsWith("row ")).toList();
        assertEquals(List.of("row 1|2024-01-02T03:04:05Z|a", "row 2|2024-01-02T03:04:06Z|b"), rows, output);
        assertTrue(!classpath.contains("pulsar-client-original") && classpath.contains("pulsar-client-"), classpath);
    }

    /** The class path entry (directory or jar) a test class was loaded from. */
    private static String location(Class<?> type) throws java.net.URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
