package io.brook.connector.nats;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.testing.Sql;
import io.nats.client.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.brook.engine.testing.Sql.rows;
import static io.brook.engine.testing.Sql.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A view reading a JetStream stream keeps the next stream sequence in its checkpoints: after the
 * engine reopens it reads on from there, so messages published while it was closed arrive once
 * and the ones it had copied do not come again (its stream says {@code seek_to='earliest'}).
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NatsViewResumeTest {
    @TempDir
    static Path serverDirectory;
    private static NatsServer server;

    @BeforeAll
    static void startServer() throws InterruptedException {
        server = NatsServer.start(serverDirectory);
        try (Connection connection = server.connect()) {
            NatsServer.createStream(connection, "RES", "res.>");
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static void withEngine(Path directory, Consumer<Session> body) {
        try (Engine engine = Engine.open(EngineConfig.file(directory)); Session session = engine.openSession(Map.of())) {
            body.accept(session);
        }
    }

    private static void publish(long... ids) {
        try (Connection connection = server.connect()) {
            for (long id : ids) {
                connection.jetStream().publish("res.a", ("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until {@code copied} holds as many rows as expected, then says they are those, each once. */
    private static void awaitCopied(Session session, List<Long> expected) {
        long deadline = System.currentTimeMillis() + 30_000;
        List<Object> values = List.of();
        while (System.currentTimeMillis() < deadline) {
            values = rows(session, "SELECT id FROM table(copied) ORDER BY id").stream().map(List::getFirst).toList();
            if (values.size() >= expected.size()) {
                break;
            }
            Sql.pause(100);
        }
        assertEquals(expected, values);
    }

    @Test
    void aViewResumesAtTheSequenceOfItsLastCheckpoint(@TempDir Path directory) {
        withEngine(directory, session -> {
            run(session, "CREATE EXTERNAL STREAM in_nats (id int64) SETTINGS type='nats_jetstream', url='" + server.url()
                    + "', stream_name='RES', subject='res.a', seek_to='earliest'");
            run(session, "CREATE STREAM copied (id int64)");
            run(session, "CREATE MATERIALIZED VIEW copy_nats INTO copied AS SELECT id FROM in_nats");
            publish(1, 2);
            awaitCopied(session, List.of(1L, 2L));
        });
        publish(3);
        withEngine(directory, session -> {
            awaitCopied(session, List.of(1L, 2L, 3L));
            publish(4);
            awaitCopied(session, List.of(1L, 2L, 3L, 4L));
        });
    }
}
