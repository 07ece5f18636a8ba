package io.brook.tck;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.stream.Stream;

/**
 * Every golden file, each on a fresh in-memory engine through the embedded JDBC driver
 * ({@link GoldenRuns#embedded}), with the brokers it asks for ({@link GoldenBrokers}).
 */
class EmbeddedGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        return GoldenFiles.all().map(file -> DynamicTest.dynamicTest(file.name(), () -> {
            try (GoldenBrokers brokers = GoldenBrokers.forFile(file.text())) {
                GoldenRuns.embedded(file, brokers.variables());
            }
        }));
    }

}
