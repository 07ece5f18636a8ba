package io.brook.engine.view;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.storage.KilledChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.brook.engine.testing.Sql.poll;
import static io.brook.engine.testing.Sql.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Views deliver exactly once through SIGKILL (SPEC 5.1 and 1.3): a child JVM
 * ({@link ViewCrashChild}) runs a view copying a stream into another and a view counting it
 * while it inserts; the test kills it at random moments, round after round on one directory,
 * then opens the engine itself, lets the views catch up, and checks that the copy holds each
 * source row once and the count and sum are exact. {@code -Dbrook.view.crash.seed=} picks the
 * kill moments and batch sizes; every failure names the seed.
 */
class MaterializedViewCrashTest {
    private static final long SEED = Long.getLong("brook.view.crash.seed", 51L);
    private static final int ROUNDS = 5;
    /** Kills land up to this long after the child's first INSERT, the early ones soon after the views resumed. */
    private static final int MAX_KILL_DELAY_MILLIS = 2_000;
    private static final String CENSUS = "SELECT count(), count(distinct id), min(id), max(id) FROM table(%s)";

    @Test
    void viewsHoldEachSourceRowOnceAfterRandomKills(@TempDir Path directory) throws Exception {
        Path engine = directory.resolve("engine");
        long acknowledged = KilledChild.killRounds(ViewCrashChild.class, directory, engine, SEED, ROUNDS,
                MAX_KILL_DELAY_MILLIS);
        verify(engine, acknowledged);
    }

    private static void verify(Path directory, long acknowledged) {
        String context = "seed " + SEED + ", after " + ROUNDS + " kills: ";
        try (Engine engine = Engine.open(EngineConfig.file(directory)); Session session = engine.openSession(Map.of())) {
            long n = checkSource(session, acknowledged, context);
            checkCopy(session, n, context);
            checkTotals(session, n, context);
        }
    }

    /** src holds the ids 1..n once each, n at least the last acknowledged id; returns n. */
    private static long checkSource(Session session, long acknowledged, String context) {
        List<Object> source = rows(session, CENSUS.formatted("src")).getFirst();
        long n = (Long) source.getFirst();
        assertEquals(idsOnce(n), source, context + "src should hold the ids 1.." + n
                + " once each, as the writer wrote them (count, distinct, min, max)");
        assertTrue(n >= acknowledged, context + "every acknowledged INSERT should be in src: the last acknowledged id is "
                + acknowledged + " but src ends at " + n);
        return n;
    }

    private static void checkCopy(Session session, long n, String context) {
        // dst gets rows only from the view, so once it holds n rows they are either all of src or wrong
        poll(session, "SELECT count() FROM table(dst)", rows -> (Long) rows.getFirst().getFirst() >= n);
        List<Object> copy = rows(session, CENSUS.formatted("dst")).getFirst();
        if (!copy.equals(idsOnce(n))) {
            throw new AssertionError(context + "dst should hold each id of src once: expected (count, distinct, min, max) "
                    + idsOnce(n) + " but saw " + copy + "; " + CopyDifferences.of(session, n));
        }
    }

    private static void checkTotals(Session session, long n, String context) {
        List<List<Object>> latest = poll(session, "SELECT n, s FROM table(totals) ORDER BY n DESC LIMIT 1",
                rows -> !rows.isEmpty() && (Long) rows.getFirst().getFirst() >= n);
        assertEquals(List.of(List.of(n, n * (n + 1) / 2)), latest,
                context + "the latest row of totals should be the count and sum of src");
        for (List<Object> row : rows(session, "SELECT n, s FROM table(totals)")) {
            long count = (Long) row.getFirst();
            assertEquals(count * (count + 1) / 2, row.get(1), context
                    + "every emitted total should be the sum of ids 1..n for its count n, as src is read in order: " + row);
        }
    }

    /** (count, distinct, min, max) of a stream holding the ids 1..n once each. */
    private static List<Object> idsOnce(long n) {
        return List.of(n, n, 1L, n);
    }
}
