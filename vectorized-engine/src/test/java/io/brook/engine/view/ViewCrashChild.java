package io.brook.engine.view;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.testing.Sql;
import io.brook.storage.ChildJvm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The process {@link MaterializedViewCrashTest} kills: opens an engine on a directory, creates
 * (the first time) a source stream, a view copying it into another stream and a view counting
 * it, then inserts increasing ids in small batches and prints {@code ACK <last id>} after each
 * INSERT returns. It goes on until it is killed, or its parent goes away (its input closes).
 */
public final class ViewCrashChild {
    private static final List<String> SCHEMA = List.of(
            "CREATE STREAM IF NOT EXISTS src (id int64)",
            "CREATE STREAM IF NOT EXISTS dst (id int64)",
            "CREATE MATERIALIZED VIEW IF NOT EXISTS copy INTO dst AS SELECT id FROM src "
                    + "SETTINGS checkpoint_interval=0.1",
            "CREATE MATERIALIZED VIEW IF NOT EXISTS totals AS SELECT count() AS n, sum(id) AS s FROM src "
                    + "EMIT PERIODIC 100ms SETTINGS checkpoint_interval=0.1");
    private static final int MAX_BATCH = 20;

    private ViewCrashChild() {
    }

    /** Arguments: the engine's directory and the seed of the batch sizes. */
    public static void main(String[] args) {
        ChildJvm.haltWhenParentGoes();
        Random random = new Random(Long.parseLong(args[1]));
        try (Engine engine = Engine.open(EngineConfig.file(Path.of(args[0])));
             Session session = engine.openSession(Map.of())) {
            SCHEMA.forEach(ddl -> Sql.run(session, ddl));
            long next = lastStoredId(session) + 1;
            while (true) {
                int rows = 1 + random.nextInt(MAX_BATCH);
                StringBuilder insert = new StringBuilder("INSERT INTO src (id) VALUES ");
                for (int row = 0; row < rows; row++) {
                    insert.append(row == 0 ? "(" : ", (").append(next + row).append(')');
                }
                Sql.run(session, insert.toString());
                next += rows;
                System.out.println("ACK " + (next - 1));
                System.out.flush();
            }
        }
    }

    /** The largest id in {@code src}, 0 when it is empty: a restarted writer goes on after it. */
    private static long lastStoredId(Session session) {
        List<Object> row = Sql.rows(session, "SELECT count(), max(id) FROM table(src)").getFirst();
        return (Long) row.get(0) == 0 ? 0 : (Long) row.get(1);
    }
}
