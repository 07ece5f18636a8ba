package io.brook.engine.view;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.testing.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.brook.engine.testing.Sql.awaitRows;
import static io.brook.engine.testing.Sql.rows;
import static io.brook.engine.testing.Sql.awaitStatus;
import static io.brook.engine.testing.Sql.pause;
import static io.brook.engine.testing.Sql.run;
import static io.brook.engine.testing.Sql.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Views survive the engine closing and reopening on a directory, from their checkpoints (SPEC 5.1). */
class MaterializedViewRestartTest {

    private static void withEngine(Path directory, Consumer<Session> body) {
        try (Engine engine = Engine.open(EngineConfig.file(directory)); Session session = engine.openSession(Map.of())) {
            body.accept(session);
        }
    }

    private static List<List<Object>> ids(long... ids) {
        List<List<Object>> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(List.of(id));
        }
        return rows;
    }

    @Test
    void aViewResumesAnExternalSourceWhereItsCheckpointSays(@TempDir Path directory) {
        withEngine(directory, session -> {
            run(session, "CREATE EXTERNAL STREAM numbers (n int64) SETTINGS type='counting', count=6, resumable=1");
            run(session, "CREATE STREAM got (n int64)");
            run(session, "CREATE MATERIALIZED VIEW take INTO got AS SELECT n FROM numbers");
            awaitRows(session, "SELECT n FROM table(got) ORDER BY n", ids(1, 2, 3, 4, 5, 6));
        });
        withEngine(directory, session -> {
            // the numbers source would give 1..6 again if the view did not resume from its position
            awaitStatus(session, "take", state -> "running".equals(state.get("state")));
            pause(300);
            assertEquals(ids(1, 2, 3, 4, 5, 6), rows(session, "SELECT n FROM table(got) ORDER BY n"));
            run(session, "CREATE EXTERNAL STREAM more (n int64) SETTINGS type='counting', count=6, resumable=1");
            assertEquals(ids(1, 2, 3, 4, 5, 6), rows(session, "SELECT n FROM table(more) ORDER BY n"));
        });
    }

    @Test
    void aFilterViewDeliversEachRowOnceAcrossRestarts(@TempDir Path directory) {
        withEngine(directory, session -> {
            run(session, "CREATE STREAM src (id int64)");
            run(session, "CREATE STREAM dst (id int64)");
            run(session, "CREATE MATERIALIZED VIEW copy INTO dst AS SELECT id FROM src WHERE id > 0");
            run(session, "INSERT INTO src VALUES (1), (-1), (2)");
            awaitRows(session, "SELECT id FROM table(dst) ORDER BY id", ids(1, 2));
            run(session, "INSERT INTO src VALUES (3), (4)");
        });
        withEngine(directory, session -> {
            run(session, "INSERT INTO src VALUES (5)");
            awaitRows(session, "SELECT id FROM table(dst) ORDER BY id", ids(1, 2, 3, 4, 5));
            assertEquals("running", status(session, "copy").get("state"));
            run(session, "INSERT INTO src VALUES (6)");
        });
        withEngine(directory, session -> {
            awaitRows(session, "SELECT id FROM table(dst) ORDER BY id", ids(1, 2, 3, 4, 5, 6));
            assertEquals(List.of(List.of(6L)), rows(session, "SELECT count() FROM table(dst)"));
        });
    }

    @Test
    void afterAnUncleanStopTheRowsTheTargetHasAreNotWrittenAgain(@TempDir Path directory) {
        Path checkpoint = directory.resolve("checkpoints").resolve("view_copy.checkpoint");
        byte[][] periodic = new byte[1][];
        withEngine(directory, session -> {
            run(session, "CREATE STREAM src (id int64)");
            run(session, "CREATE STREAM dst (id int64)");
            run(session, "CREATE MATERIALIZED VIEW copy INTO dst AS SELECT id FROM src SETTINGS checkpoint_interval=0.05");
            run(session, "INSERT INTO src VALUES (1), (2), (3)");
            periodic[0] = awaitCheckpoint(checkpoint, 3);
            run(session, "INSERT INTO src VALUES (4), (5)");
            awaitRows(session, "SELECT id FROM table(dst) ORDER BY id", ids(1, 2, 3, 4, 5));
        });
        // as if the engine had died after that periodic checkpoint: rows 4 and 5 are in dst but not in it
        write(checkpoint, periodic[0]);
        withEngine(directory, session -> {
            run(session, "INSERT INTO src VALUES (6)");
            awaitRows(session, "SELECT id FROM table(dst) ORDER BY id", ids(1, 2, 3, 4, 5, 6));
            assertEquals(List.of(List.of(6L)), rows(session, "SELECT count() FROM table(dst)"));
        });
    }

    @Test
    void anAggregationViewKeepsExactTotalsAcrossRestarts(@TempDir Path directory) {
        String latest = "SELECT n, total FROM table(sums) ORDER BY n DESC LIMIT 1";
        withEngine(directory, session -> {
            run(session, "CREATE STREAM src (v int64)");
            run(session, "CREATE MATERIALIZED VIEW sums AS SELECT count() AS n, sum(v) AS total FROM src "
                    + "EMIT PERIODIC 100ms SETTINGS checkpoint_interval=0.05");
            run(session, "INSERT INTO src VALUES (1), (2), (3)");
            awaitRows(session, latest, List.of(List.of(3L, 6L)));
            // closed at once: these rows may not be emitted yet, but they are in the checkpoint
            run(session, "INSERT INTO src VALUES (4)");
        });
        withEngine(directory, session -> {
            awaitRows(session, latest, List.of(List.of(4L, 10L)));
            run(session, "INSERT INTO src VALUES (5), (6)");
            awaitRows(session, latest, List.of(List.of(6L, 21L)));
        });
        Path checkpoint = directory.resolve("checkpoints").resolve("view_sums.checkpoint");
        byte[][] periodic = new byte[1][];
        withEngine(directory, session -> {
            run(session, "INSERT INTO src VALUES (7)");
            periodic[0] = awaitCheckpoint(checkpoint, 7);
            run(session, "INSERT INTO src VALUES (8)");
            awaitRows(session, latest, List.of(List.of(8L, 36L)));
        });
        write(checkpoint, periodic[0]);
        withEngine(directory, session -> {
            run(session, "INSERT INTO src VALUES (9)");
            awaitRows(session, latest, List.of(List.of(9L, 45L)));
            for (List<Object> row : rows(session, "SELECT n, total FROM table(sums)")) {
                long n = (Long) row.get(0);
                assertEquals(n * (n + 1) / 2, row.get(1), "every emitted total matches its count: " + row);
            }
        });
    }

    @Test
    void aWindowedViewEmitsEachWindowOnceAcrossRestartsAndFromAnOlderCheckpoint(@TempDir Path directory) {
        String windows = "SELECT window_start, host, n FROM table(per_window) ORDER BY window_start, host";
        Path checkpoint = directory.resolve("checkpoints").resolve("view_per_window.checkpoint");
        byte[][] periodic = new byte[1][];
        withEngine(directory, session -> {
            run(session, "CREATE STREAM src (host string, ts datetime64(3, 'UTC'))");
            run(session, "CREATE MATERIALIZED VIEW per_window AS SELECT window_start, host, count() AS n"
                    + " FROM tumble(src, ts, 10s) GROUP BY window_start, host SETTINGS checkpoint_interval=0.05");
            run(session, "INSERT INTO src VALUES ('a', '2026-01-01 00:00:01'), ('b', '2026-01-01 00:00:02'),"
                    + " ('a', '2026-01-01 00:00:11')");
            awaitRows(session, windows, List.of(window(0, "a", 1), window(0, "b", 1)));
            periodic[0] = awaitCheckpoint(checkpoint, 3);
            // the open window [10s, 20s) now holds two rows of a, in the state only
            run(session, "INSERT INTO src VALUES ('a', '2026-01-01 00:00:12'), ('b', '2026-01-01 00:00:13')");
        });
        withEngine(directory, session -> {
            run(session, "INSERT INTO src VALUES ('a', '2026-01-01 00:00:25')");
            awaitRows(session, windows, List.of(window(0, "a", 1), window(0, "b", 1), window(10, "a", 2),
                    window(10, "b", 1)));
            run(session, "INSERT INTO src VALUES ('b', '2026-01-01 00:00:31')");
            awaitRows(session, windows, List.of(window(0, "a", 1), window(0, "b", 1), window(10, "a", 2),
                    window(10, "b", 1), window(20, "a", 1)));
        });
        // as if the engine had died right after the first checkpoint: the windows are written again exactly once
        write(checkpoint, periodic[0]);
        withEngine(directory, session -> {
            run(session, "INSERT INTO src VALUES ('a', '2026-01-01 00:00:45')");
            awaitRows(session, windows, List.of(window(0, "a", 1), window(0, "b", 1), window(10, "a", 2),
                    window(10, "b", 1), window(20, "a", 1), window(30, "b", 1)));
        });
    }

    private static List<Object> window(int second, String host, long count) {
        return List.of(java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second), host, count);
    }

    @Test
    void viewsComeBackRunningOrPausedAsTimeplusDoes(@TempDir Path directory) {
        withEngine(directory, session -> {
            run(session, "CREATE STREAM src (id int64)");
            run(session, "CREATE MATERIALIZED VIEW paused_now AS SELECT id FROM src");
            run(session, "CREATE MATERIALIZED VIEW held AS SELECT id FROM src SETTINGS pause_on_start=true");
            run(session, "SYSTEM PAUSE MATERIALIZED VIEW paused_now");
            run(session, "INSERT INTO src VALUES (1)");
        });
        withEngine(directory, session -> {
            assertEquals("running", status(session, "paused_now").get("state"), "a pause lasts until restart");
            assertEquals("paused", status(session, "held").get("state"));
            awaitRows(session, "SELECT id FROM table(paused_now)", ids(1));
            run(session, "SYSTEM RESUME MATERIALIZED VIEW held");
            awaitRows(session, "SELECT id FROM table(held)", ids(1));
            assertEquals(List.of(List.of("held"), List.of("paused_now")), rows(session, "SHOW MATERIALIZED VIEWS"));
            run(session, "DROP VIEW held");
        });
        withEngine(directory, session -> {
            assertEquals(List.of(List.of("paused_now")), rows(session, "SHOW MATERIALIZED VIEWS"));
            assertTrue(Files.notExists(directory.resolve("checkpoints").resolve("view_held.checkpoint")));
        });
    }

    /** Waits for a periodic checkpoint at source position {@code position}; returns its bytes. */
    private static byte[] awaitCheckpoint(Path file, long position) {
        long deadline = System.currentTimeMillis() + Sql.DEADLINE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                ViewCheckpoint checkpoint = ViewCheckpoint.decode(bytes);
                if (checkpoint.sourcePosition() == position && checkpoint.delivered() < 0) {
                    return bytes;
                }
            } catch (IOException e) {
                // being replaced; read again
            }
            Sql.pause(10);
        }
        throw new AssertionError("no periodic checkpoint at " + position);
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
