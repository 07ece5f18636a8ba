package io.brook.connector.nats;

import io.nats.client.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A nats-server with JetStream for a whole test class and a client of the test's own, plus, for
 * each test, a fresh engine ({@link WithEngine}) and a fresh JetStream stream {@link #stream} over
 * the subjects {@code <stream>.>}, so that tests never see each other's messages.
 */
abstract class WithJetStream extends WithEngine {
    @TempDir
    static Path directory;
    protected static NatsServer server;
    protected static Connection client;
    private static int streams;
    protected String stream;

    @BeforeAll
    static void startServer() {
        server = NatsServer.start(directory);
        client = server.connect();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void createStream() {
        stream = streamPrefix() + (++streams);
        NatsServer.createStream(client, stream, stream + ".>");
    }

    /** The start of the test class's stream names. */
    protected abstract String streamPrefix();
}
