package io.brook.python.function;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.Sql;
import io.brook.python.SharedSessionTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static io.brook.python.function.AggregateViewCrashChild.latestPerKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC 3.8 and 5.1: a materialized view keeps a Python aggregate's states in its checkpoints
 * through serialize/deserialize, refuses a function without them, and reports (not crashes on)
 * a serialize that returns neither bytes nor str.
 */
@Timeout(300)
class PythonAggregateViewTest extends SharedSessionTest {
    /** Counts its rows; the name twice, then more methods (indented 4) of the class. */
    private static final String COUNTER = """
            CREATE AGGREGATE FUNCTION %s(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
            class %s:
                def __init__(self):
                    self.n = 0
                def process(self, values):
                    self.n += len(values)
                def finalize(self):
                    return self.n
            %s$$""";
    /** The largest value so far; its state goes to checkpoints as text. */
    private static final String TOP = """
            CREATE AGGREGATE FUNCTION py_top(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
            class py_top:
                def __init__(self):
                    self.top = None
                def process(self, values):
                    for v in values:
                        if self.top is None or v > self.top:
                            self.top = v
                def finalize(self):
                    return self.top
                def serialize(self):
                    return str(self.top)
                def deserialize(self, data):
                    assert type(data) is str, type(data)
                    self.top = int(data)
            $$""";

    @Test
    void restartingTheEngineRestoresTheStatesFromTheCheckpoint(@TempDir Path directory) {
        String latest = "SELECT k, n, s, tally, top FROM table(per_key)";
        withEngine(directory, engine -> {
            Sql.rows(engine, "CREATE STREAM src (k int64, v int64)");
            Sql.rows(engine, AggregateViewCrashChild.TALLY);
            Sql.rows(engine, TOP);
            Sql.rows(engine, "CREATE MATERIALIZED VIEW per_key AS SELECT k, count() AS n, sum(v) AS s, "
                    + "py_tally(v) AS tally, py_top(v) AS top FROM src GROUP BY k EMIT PERIODIC 100ms "
                    + "SETTINGS checkpoint_interval=0.05");
            Sql.rows(engine, "INSERT INTO src (k, v) VALUES (1, 10), (2, 20), (1, 11), (2, 5)");
            awaitLatest(engine, latest, List.of(List.of(1L, 2L, 21L, "2:21", 11L), List.of(2L, 2L, 25L, "2:25", 20L)));
            // closed at once: this row may not be emitted yet, but the last checkpoint holds it
            Sql.rows(engine, "INSERT INTO src (k, v) VALUES (3, 7)");
        });
        withEngine(directory, engine -> {
            Sql.rows(engine, "INSERT INTO src (k, v) VALUES (1, 3), (2, 30), (3, 1)");
            // without the restored states the tallies would count the rows since the restart only
            awaitLatest(engine, latest, List.of(List.of(1L, 3L, 24L, "3:24", 11L), List.of(2L, 3L, 55L, "3:55", 30L),
                    List.of(3L, 2L, 8L, "2:8", 7L)));
        });
        withEngine(directory, engine -> {
            Sql.rows(engine, "INSERT INTO src (k, v) VALUES (3, 100)");
            awaitLatest(engine, latest, List.of(List.of(1L, 3L, 24L, "3:24", 11L), List.of(2L, 3L, 55L, "3:55", 30L),
                    List.of(3L, 3L, 108L, "3:108", 100L)));
            for (List<Object> row : Sql.rows(engine, "SELECT n, s, tally FROM table(per_key)")) {
                assertEquals(row.get(0) + ":" + row.get(1), row.get(2),
                        "every emitted tally should equal count() and sum() beside it: " + row);
            }
        });
    }

    @Test
    void aViewCannotUseAnAggregateWithoutSerializeAndDeserialize() {
        session.execute(COUNTER.formatted("agv_plain", "agv_plain", ""));
        session.execute("""
                CREATE AGGREGATE FUNCTION agv_half(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
                class agv_half:
                    def process(self, values):
                        pass
                    def finalize(self):
                        return 0
                    def serialize(self):
                        return b''
                $$""");
        session.execute("CREATE STREAM agv_src (v int64)");
        for (String function : List.of("agv_plain", "agv_half")) {
            BrookException refused = assertThrows(BrookException.class, () -> session.execute(
                    "CREATE MATERIALIZED VIEW agv_view AS SELECT " + function + "(v) AS n FROM agv_src"));
            assertEquals(ErrorCode.BAD_ARGUMENTS, refused.code());
            assertEquals("Materialized view agv_view cannot keep its state in checkpoints: the Python class of aggregate "
                    + "function " + function + " has no serialize(self) and deserialize(self, data) methods, so its "
                    + "states cannot be saved (BAD_ARGUMENTS)", refused.getMessage());
            assertEquals(List.of(), Sql.rows(session, "SELECT name FROM system.materialized_views WHERE name = 'agv_view'"),
                    "a refused view leaves no view behind");
            assertTrue(Sql.rows(session, "SHOW STREAMS").stream().noneMatch(row -> row.getFirst().equals("agv_view")),
                    "a refused view leaves no target stream behind");
        }
        // the function still works in a query, and the name is free for a view that checkpoints
        session.execute("INSERT INTO agv_src (v) VALUES (1), (2)");
        assertEquals(2L, Sql.single(session, "SELECT agv_plain(v) FROM table(agv_src)"));
        session.execute("CREATE MATERIALIZED VIEW agv_view AS SELECT count() AS n FROM agv_src");
        session.execute("DROP VIEW agv_view");
    }

    @Test
    void aSerializeReturningNeitherBytesNorStrIsTheViewsErrorNotTheEngines() {
        session.execute(COUNTER.formatted("agv_bad_state", "agv_bad_state", """
                    def serialize(self):
                        return self.n
                    def deserialize(self, data):
                        self.n = int(data)
                """));
        session.execute("CREATE STREAM agv_bad_src (v int64)");
        session.execute("CREATE MATERIALIZED VIEW agv_bad AS SELECT agv_bad_state(v) AS n FROM agv_bad_src "
                + "SETTINGS checkpoint_interval=0.05");
        session.execute("INSERT INTO agv_bad_src (v) VALUES (1), (2), (3)");
        List<Object> status = awaitRows(session, "SELECT state, last_error FROM system.materialized_views "
                + "WHERE name = 'agv_bad'", rows -> !rows.isEmpty() && rows.getFirst().getFirst().equals("error")).getFirst();
        assertEquals("Python serialize of aggregate function agv_bad_state returned int 3: serialize must return "
                + "bytes or str (BAD_ARGUMENTS)", status.get(1));
        // the engine goes on: other queries run, and the view can be dropped
        assertEquals(3L, Sql.single(session, "SELECT count() FROM table(agv_bad_src)"));
        session.execute("DROP VIEW agv_bad");
        assertEquals(List.of(), Sql.rows(session, "SELECT name FROM system.materialized_views WHERE name = 'agv_bad'"));
    }

    private static void withEngine(Path directory, Consumer<Session> body) {
        try (Engine engine = Engine.open(EngineConfig.file(directory)); Session opened = engine.openSession(Map.of())) {
            body.accept(opened);
        }
    }

    /** Waits until the latest emitted row of each key (the one with the largest count) is as expected. */
    private static void awaitLatest(Session session, String sql, List<List<Object>> expected) {
        List<List<Object>> rows = Sql.poll(session, sql, emitted -> latestPerKey(emitted).equals(expected));
        assertEquals(expected, latestPerKey(rows), "the latest row of each key of " + sql);
    }

    private static List<List<Object>> awaitRows(Session session, String sql,
                                                Predicate<List<List<Object>>> done) {
        List<List<Object>> rows = Sql.poll(session, sql, done);
        assertTrue(done.test(rows), "gave up waiting on " + sql + "; last rows " + rows);
        return rows;
    }
}
