package io.brook.connector.kafka;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.testing.Sql;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A materialized view reading a topic keeps the next offset of each partition in its
 * checkpoints and, after the engine reopens, reads on from exactly there: messages sent while
 * it was closed arrive once, and none arrive twice.
 */
@Timeout(180)
class KafkaViewResumeTest {
    private static InProcessKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = InProcessKafka.start(SecurityProtocol.PLAINTEXT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static void withEngine(Path directory, Consumer<Session> body) {
        try (Engine engine = Engine.open(EngineConfig.file(directory)); Session session = engine.openSession(Map.of())) {
            body.accept(session);
        }
    }

    private static List<Object> awaitValues(Session session, int count) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<Object> values = List.of();
        while (System.nanoTime() < deadline) {
            values = new ArrayList<>(Sql.rows(session, "SELECT raw FROM table(copied) ORDER BY raw").stream()
                    .map(List::getFirst).toList());
            if (values.size() >= count) {
                return values;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return values;
    }

    @Test
    void aViewResumesAtTheOffsetsOfItsLastCheckpoint(@TempDir Path directory) throws Exception {
        kafka.createTopic("resumed", 2);
        withEngine(directory, session -> {
            Sql.run(session, "CREATE EXTERNAL STREAM source_topic (raw string) SETTINGS type='kafka', brokers='"
                    + kafka.bootstrapServers() + "', topic='resumed'");
            Sql.run(session, "CREATE STREAM copied (raw string)");
            Sql.run(session, "CREATE MATERIALIZED VIEW copy_topic INTO copied AS SELECT raw FROM source_topic");
            try {
                Thread.sleep(1_500); // the view's read starts at the latest offsets: let it get there first
                kafka.send("resumed", 0, "a1", "a2");
                kafka.send("resumed", 1, "b1");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertEquals(List.of("a1", "a2", "b1"), awaitValues(session, 3));
        });
        kafka.send("resumed", 0, "a3");
        kafka.send("resumed", 1, "b2", "b3");
        withEngine(directory, session -> {
            assertEquals(List.of("a1", "a2", "a3", "b1", "b2", "b3"), awaitValues(session, 6));
            try {
                kafka.send("resumed", 0, "a4");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertEquals(List.of("a1", "a2", "a3", "a4", "b1", "b2", "b3"), awaitValues(session, 7));
        });
        withEngine(directory, session -> {
            // a restart with nothing new reads nothing again
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertEquals(List.of("a1", "a2", "a3", "a4", "b1", "b2", "b3"), awaitValues(session, 7));
        });
    }
}
