package io.brook.python.function;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.testing.Sql;
import io.brook.storage.ChildJvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The process {@link PythonAggregateViewCrashTest} kills: opens an engine on a directory,
 * creates (the first time) a source stream, the Python aggregate {@code py_tally} and a view
 * that groups the source by key with it and with the built-in count() and sum() beside it,
 * waits until the view holds its Python context and has caught up with the source, then
 * inserts increasing ids in small batches and prints {@code ACK <last id>} after each INSERT
 * returns. It goes on until it is killed, or its parent goes away (its input closes).
 */
public final class AggregateViewCrashChild {
    /** Rows go to key {@code id % KEYS}. */
    static final int KEYS = 7;
    /**
     * Counts and sums its values; its state goes to checkpoints as 16 bytes, so a view that
     * lost or replayed rows, or restored a state wrongly, shows a tally unlike count() and sum().
     */
    static final String TALLY = """
            CREATE AGGREGATE FUNCTION py_tally(v int64) RETURNS string LANGUAGE PYTHON AS $$
            import struct
            class py_tally:
                def __init__(self):
                    self.n = 0
                    self.s = 0
                def process(self, values):
                    self.n += len(values)
                    self.s += sum(values)
                def finalize(self):
                    return '%d:%d' % (self.n, self.s)
                def serialize(self):
                    return struct.pack('<qq', self.n, self.s)
                def deserialize(self, data):
                    self.n, self.s = struct.unpack('<qq', data)
            $$""";
    private static final List<String> SCHEMA = List.of(
            "CREATE STREAM src (k int64, id int64)",
            TALLY,
            "CREATE MATERIALIZED VIEW tallies AS SELECT k, count() AS n, sum(id) AS s, py_tally(id) AS tally "
                    + "FROM src GROUP BY k EMIT PERIODIC 100ms SETTINGS checkpoint_interval=0.1");
    private static final int MAX_BATCH = 20;

    private AggregateViewCrashChild() {
    }

    /** Arguments: the engine's directory and the seed of the batch sizes. */
    public static void main(String[] args) {
        ChildJvm.haltWhenParentGoes();
        Random random = new Random(Long.parseLong(args[1]));
        try (Engine engine = Engine.open(EngineConfig.file(Path.of(args[0])));
             Session session = engine.openSession(Map.of())) {
            if ((Long) Sql.single(session, "SELECT count() FROM system.materialized_views WHERE name = 'tallies'") == 0) {
                SCHEMA.forEach(ddl -> Sql.rows(session, ddl));
            }
            awaitViewContext(session);
            awaitCatchUp(session);
            // the ids in src are 1..n, each once (the test checks it), so a restarted writer goes on after n
            long next = (Long) Sql.single(session, "SELECT count() FROM table(src)") + 1;
            while (true) {
                int rows = 1 + random.nextInt(MAX_BATCH);
                StringBuilder insert = new StringBuilder("INSERT INTO src (k, id) VALUES ");
                for (long id = next; id < next + rows; id++) {
                    insert.append(id == next ? "(" : ", (").append(id % KEYS).append(", ").append(id).append(')');
                }
                Sql.rows(session, insert.toString());
                next += rows;
                System.out.println("ACK " + (next - 1));
                System.out.flush();
            }
        }
    }

    /**
     * Waits until the view holds its Python context (it restored its states, or has none yet),
     * so the kills land while the view runs Python, not while a context starts.
     */
    private static void awaitViewContext(Session session) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while ((Long) Sql.single(session, "SELECT leased_contexts FROM system.python") < 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the view did not lease a Python context within 120 s");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the view's latest rows count every row of the source: it restored its states
     * and read what the last round wrote, so this round's kill lands while it keeps up with new
     * rows, and its checkpoints move on from round to round.
     */
    private static void awaitCatchUp(Session session) {
        long source = (Long) Sql.single(session, "SELECT count() FROM table(src)");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (counted(session) < source) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the view did not catch up with " + source + " rows within 120 s");
            }
            pause();
        }
    }

    /** The rows the view's latest row of each key counts. */
    private static long counted(Session session) {
        return latestPerKey(Sql.rows(session, "SELECT k, n FROM table(tallies)")).stream()
                .mapToLong(row -> (Long) row.get(1))
                .sum();
    }

    /** Of a view's emitted rows (key, count, ...), each key's with the largest count, by key. */
    static List<List<Object>> latestPerKey(List<List<Object>> rows) {
        Map<Long, List<Object>> latest = new TreeMap<>();
        for (List<Object> row : rows) {
            latest.merge((Long) row.getFirst(), row, (a, b) -> (Long) a.get(1) >= (Long) b.get(1) ? a : b);
        }
        return new ArrayList<>(latest.values());
    }
}
