package io.brook.tck;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every golden file, each on a fresh in-memory engine through the embedded JDBC driver, with its
 * own {@link WebhookServer} given to the file as {@code ${webhook_url}} and the brokers it asks
 * for ({@link GoldenBrokers}).
 */
class EmbeddedGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        return GoldenFiles.all().map(file -> DynamicTest.dynamicTest(file.name(), () -> {
            try (WebhookServer webhook = WebhookServer.start(); GoldenBrokers brokers = GoldenBrokers.forFile(file.text())) {
                Connection connection = DriverManager.getConnection("jdbc:brook:mem:tck-" + file.name() + "-" + System.nanoTime());
                try (GoldenRunner runner = new GoldenRunner(file.name(), connection, brokers.variables(webhook, "false"))) {
                    runner.run(GoldenFile.parse(file.text()));
                }
            }
        }));
    }

}
