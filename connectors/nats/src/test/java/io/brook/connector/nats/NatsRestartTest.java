package io.brook.connector.nats;

import io.brook.engine.QueryResult;
import io.brook.engine.error.BrookException;
import io.brook.engine.testing.Sql;
import io.nats.client.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.brook.engine.testing.Sql.rows;
import static io.brook.engine.testing.Sql.run;
import static io.brook.engine.testing.Sql.take;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A nats_jetstream stream whose server restarts under it: reads carry on, writes resume. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NatsRestartTest extends WithEngine {
    @TempDir
    static Path directory;
    private static NatsServer server;

    @BeforeAll
    static void startServer() throws InterruptedException {
        server = NatsServer.start(directory);
        try (Connection connection = server.connect()) {
            NatsServer.createStream(connection, "R", "r.>");
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aStreamingReadAndWritesCarryOnAfterTheServerRestarts() {
        run(session, "CREATE EXTERNAL STREAM n (id int64) SETTINGS type='nats_jetstream', url='" + server.url()
                + "', stream_name='R', subject='r.a', one_message_per_row=true");
        try (QueryResult result = (QueryResult) session.execute("SELECT id, _tp_sn FROM n")) {
            run(session, "INSERT INTO n (id) VALUES (1)");
            assertEquals(List.of(List.of(1L, 1L)), take(result, 1));
            server.restart();
            insertOnceReconnected(2);
            assertEquals(List.of(List.of(2L, 2L)), take(result, 1));
        }
        assertEquals(List.of(List.of(1L), List.of(2L)), rows(session, "SELECT id FROM table(n)"));
    }

    /** An INSERT right after the restart may fail while the client reconnects; it is tried again until it works. */
    private void insertOnceReconnected(long id) {
        long deadline = System.currentTimeMillis() + Sql.DEADLINE_MILLIS;
        while (true) {
            try {
                run(session, "INSERT INTO n (id) VALUES (" + id + ")");
                return;
            } catch (BrookException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
            }
        }
    }
}
