package io.brook.python.function;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.testing.Sql;
import io.brook.storage.KilledChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.brook.python.function.AggregateViewCrashChild.KEYS;
import static io.brook.python.function.AggregateViewCrashChild.latestPerKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A view grouping with a Python aggregate survives SIGKILL with exact results (SPEC 3.8 and
 * 5.1): a child JVM ({@link AggregateViewCrashChild}) runs the view while it inserts; the test
 * kills it at random moments, round after round on one directory, then opens the engine itself,
 * lets the view catch up, and checks that every row the view emitted has the Python tally equal
 * to the built-in count and sum beside it, and that the latest row of each key is exact for the
 * rows in the source. {@code -Dbrook.view.crash.seed=} picks the kill moments and batch sizes;
 * every failure names the seed.
 */
@Timeout(900)
class PythonAggregateViewCrashTest {
    private static final long SEED = Long.getLong("brook.view.crash.seed", 38L);
    private static final int ROUNDS = 5;
    /** Kills land up to this long after the child's first INSERT. */
    private static final int MAX_KILL_DELAY_MILLIS = 2_500;

    @Test
    void pythonAggregateStatesAreExactAfterRandomKills(@TempDir Path directory) throws Exception {
        Path engine = directory.resolve("engine");
        long acknowledged = KilledChild.killRounds(AggregateViewCrashChild.class, directory, engine, SEED, ROUNDS,
                MAX_KILL_DELAY_MILLIS);
        verify(engine, acknowledged);
    }

    private static void verify(Path directory, long acknowledged) {
        String context = "seed " + SEED + ", after " + ROUNDS + " kills: ";
        try (Engine engine = Engine.open(EngineConfig.file(directory)); Session session = engine.openSession(Map.of())) {
            List<Object> census = Sql.rows(session, "SELECT count(), count(distinct id), min(id), max(id) FROM table(src)")
                    .getFirst();
            long n = (Long) census.getFirst();
            assertEquals(List.of(n, n, 1L, n), census, context + "src should hold the ids 1.." + n
                    + " once each, as the writer wrote them (count, distinct, min, max)");
            assertTrue(n >= acknowledged, context + "every acknowledged INSERT should be in src: the last acknowledged id is "
                    + acknowledged + " but src ends at " + n);
            String emitted = "SELECT k, n, s, tally FROM table(tallies)";
            List<List<Object>> expected = exactTallies(n);
            List<List<Object>> latest = latestPerKey(Sql.poll(session, emitted,
                    rows -> latestPerKey(rows).equals(expected)));
            assertEquals(expected, latest, context + "the latest row of each key (k, n, s, tally) should be exact for ids 1.." + n);
            for (List<Object> row : Sql.rows(session, emitted)) {
                assertEquals(row.get(1) + ":" + row.get(2), row.get(3), context
                        + "every emitted row's Python tally should equal count() and sum() beside it: " + row);
            }
        }
    }

    /** (k, count, sum, tally) of each key of the ids 1..n, by key. */
    private static List<List<Object>> exactTallies(long n) {
        List<List<Object>> rows = new ArrayList<>();
        for (long k = 0; k < KEYS; k++) {
            long count = 0;
            long sum = 0;
            for (long id = k == 0 ? KEYS : k; id <= n; id += KEYS) {
                count++;
                sum += id;
            }
            if (count > 0) {
                rows.add(List.of(k, count, sum, count + ":" + sum));
            }
        }
        return rows;
    }
}
