package io.brook.tck;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;

/** Every golden file, each on a fresh in-memory engine through the embedded JDBC driver. */
class EmbeddedGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        return GoldenFiles.all().map(file -> DynamicTest.dynamicTest(file.name(), () -> {
            Connection connection = DriverManager.getConnection("jdbc:brook:mem:tck-" + file.name() + "-" + System.nanoTime());
            try (GoldenRunner runner = new GoldenRunner(file.name(), connection)) {
                runner.run(GoldenFile.parse(file.text()));
            }
        }));
    }
}
