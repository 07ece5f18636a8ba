package io.brook.tck;

import io.brook.server.BrookServer;
import io.brook.server.ServerOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Every golden file over the wire: each on a fresh {@code brook server} in this JVM (its own data
 * directory, a loopback port) through {@code jdbc:brook:remote:} ({@link GoldenRuns#remote}),
 * with the brokers it asks for ({@link GoldenBrokers}).
 */
class RemoteGoldenTest {
    @TempDir
    Path directory;

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        return GoldenFiles.all().map(file -> DynamicTest.dynamicTest(file.name(), () -> {
            try (GoldenBrokers brokers = GoldenBrokers.forFile(file.text());
                 BrookServer server = BrookServer.start(ServerOptions.local(0, directory.resolve(file.name())))) {
                GoldenRuns.remote(file, server.jdbcUrl(), brokers.variables());
            }
        }));
    }

}
