package io.brook.tck;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Every golden file over the wire: each on a fresh {@code brook server} through
 * {@code jdbc:brook:remote:} ({@link GoldenRuns#remote}), with the brokers it asks for
 * ({@link GoldenBrokers}).
 */
class RemoteGoldenTest {
    @TempDir
    Path directory;

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        return GoldenFiles.all().map(file -> DynamicTest.dynamicTest(file.name(), () -> {
            try (GoldenBrokers brokers = GoldenBrokers.forFile(file.text())) {
                GoldenRuns.remote(file, directory.resolve(file.name()), brokers.variables());
            }
        }));
    }

}
