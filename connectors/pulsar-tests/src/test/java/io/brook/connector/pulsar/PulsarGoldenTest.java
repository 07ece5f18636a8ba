package io.brook.connector.pulsar;

import io.brook.tck.GoldenFiles;
import io.brook.tck.GoldenRuns;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The golden files of {@code src/test/resources/golden-pulsar}, run by the tck's runner against the
 * shared broker: in-process through the embedded driver, and over the wire through a
 * {@code brook server} in a JVM of its own ({@link ServerProcess}). Each run gets its own topics.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class PulsarGoldenTest {
    private static final String FOLDER = "/golden-pulsar";

    @TempDir
    Path directory;

    /**
     * The variables of one run: {@code pulsar_settings}, what a stream needs to reach the broker
     * (its address and the token the test broker requires),
     * and {@code pulsar_topic_prefix}, the start of topic names no other run uses.
     */
    private static Map<String, String> variables() {
        PulsarBroker broker = PulsarBroker.get();
        return Map.of("pulsar_settings", "service_url='" + broker.serviceUrl() + "', jwt='" + broker.token() + "'",
                "pulsar_topic_prefix", PulsarBroker.topic("golden") + "-");
    }

    @TestFactory
    Stream<DynamicTest> embedded() throws IOException {
        return GoldenFiles.in(FOLDER).map(file -> DynamicTest.dynamicTest(file.name(),
                () -> GoldenRuns.embedded(file, variables())));
    }

    @TestFactory
    Stream<DynamicTest> remote() throws IOException {
        return GoldenFiles.in(FOLDER).map(file -> DynamicTest.dynamicTest(file.name(), () -> {
            try (ServerProcess server = ServerProcess.start(directory.resolve(file.name()))) {
                GoldenRuns.remote(file, server.jdbcUrl(), variables());
            }
        }));
    }
}
