package io.brook.connector.nats;

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

import static io.brook.engine.testing.Sql.rows;
import static io.brook.engine.testing.Sql.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nats-server stops (same port and store when it comes back) while one view reads a JetStream
 * stream into a Brook stream and another writes a Brook stream into a JetStream stream: the
 * writing view shows the failure in {@code system.materialized_views}, both go on by themselves,
 * and nothing is lost; the reading view copies each message exactly once.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NatsFaultTest extends WithEngine {
    private static final long WAIT_MILLIS = 60_000;

    @TempDir
    static Path directory;
    private static NatsServer server;

    @BeforeAll
    static void startServer() {
        server = NatsServer.start(directory);
        try (Connection connection = server.connect()) {
            NatsServer.createStream(connection, "FIN", "fin.>");
            NatsServer.createStream(connection, "FOUT", "fout.>");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void viewsReadingAndWritingJetStreamShowAServerOutageAndCatchUpWithoutLosingMessages() throws Exception {
        run(session, "CREATE EXTERNAL STREAM in_nats (id int64) SETTINGS type='nats_jetstream', url='" + server.url()
                + "', stream_name='FIN', subject='fin.a', seek_to='earliest'");
        run(session, "CREATE EXTERNAL STREAM out_nats (id int64) SETTINGS type='nats_jetstream', url='" + server.url()
                + "', stream_name='FOUT', subject='fout.a', one_message_per_row=true");
        run(session, "CREATE STREAM copied (id int64)");
        run(session, "CREATE STREAM local_rows (id int64)");
        run(session, "CREATE MATERIALIZED VIEW from_nats INTO copied AS SELECT id FROM in_nats SETTINGS retry_backoff_ms=200");
        run(session, "CREATE MATERIALIZED VIEW to_nats INTO out_nats AS SELECT id FROM local_rows "
                + "SETTINGS retry_backoff_ms=200");
        try (Connection publisher = server.connect()) {
            publish(publisher, 1, 2);
            run(session, "INSERT INTO local_rows (id) VALUES (11), (12)");
            awaitCopied(List.of(1L, 2L));
            awaitPublished(List.of(11L, 12L));

            server.close();
            run(session, "INSERT INTO local_rows (id) VALUES (13), (14)");
            Map<String, Object> writing = Sql.awaitStatus(session, "to_nats",
                    row -> !"".equals(row.get("last_error")));
            assertTrue(((String) writing.get("last_error")).contains("FOUT"), writing.toString());

            server.startAgain();
            publish(publisher, 3, 4);
            run(session, "INSERT INTO local_rows (id) VALUES (15)");
            awaitCopied(List.of(1L, 2L, 3L, 4L));
            awaitPublished(List.of(11L, 12L, 13L, 14L, 15L));
            Sql.awaitStatus(session, "from_nats", row -> "running".equals(row.get("state")));
            Sql.awaitStatus(session, "to_nats", row -> "running".equals(row.get("state")));
            publish(publisher, 5);
            awaitCopied(List.of(1L, 2L, 3L, 4L, 5L));
        }
    }

    /** Publishes each id as a message, trying again while the client reconnects after a restart. */
    private static void publish(Connection connection, long... ids) throws Exception {
        for (long id : ids) {
            byte[] payload = ("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8);
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (true) {
                try {
                    connection.jetStream().publish("fin.a", payload);
                    break;
                } catch (java.io.IOException | io.nats.client.JetStreamApiException e) {
                    if (System.currentTimeMillis() > deadline) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    /** Waits until {@code copied} holds as many rows as expected, then says they are those, each once. */
    private void awaitCopied(List<Long> expected) {
        List<Object> values = Sql.pollUntil(() -> rows(session, "SELECT id FROM table(copied) ORDER BY id").stream()
                .map(List::getFirst).toList(), now -> now.size() >= expected.size());
        assertEquals(expected, values, "the copied messages, each once");
    }

    /**
     * Waits until the JetStream stream holds every expected id; a publish the server stored
     * before the failure may come again when the view retries, so an id may be there twice.
     */
    private void awaitPublished(List<Long> expected) {
        List<Object> values = Sql.pollUntil(() -> rows(session, "SELECT id FROM table(out_nats) ORDER BY id").stream()
                .map(List::getFirst).toList(), now -> now.containsAll(expected));
        assertEquals(expected, values.stream().distinct().toList(), "the published rows: " + values);
    }
}
