package io.brook.engine.plan;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;
import io.brook.engine.statement.RowsResult;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code system} database: tables registered by name (streams, databases, functions, and
 * those later components add). Reading one is a bounded query over a snapshot of its rows.
 */
public final class SystemTables {
    private final Map<String, SystemTable> tables = new ConcurrentHashMap<>();

    public void register(String name, SystemTable table) {
        tables.put(name, table);
    }

    public Map<String, SystemTable> all() {
        return new TreeMap<>(tables);
    }

    PlannedRelation plan(String name, String qualifier) {
        SystemTable table = tables.get(name);
        if (table == null) {
            throw new BrookException(ErrorCode.UNKNOWN_STREAM, "Stream system." + name + " doesn't exist");
        }
        SourcePlan source = new SourcePlan() {
            @Override
            public ChunkSource open(QueryContext context) {
                return new SnapshotSource(RowsResult.chunk(table.columns(), table.rows(), context.allocator()), name);
            }

            @Override
            public String describe() {
                return "system table " + name;
            }
        };
        return new PlannedRelation(source, List.of(), Scope.of(qualifier, table.columns(), List.of()), false, 0);
    }

    /** Hands out one prepared chunk. */
    private static final class SnapshotSource implements ChunkSource {
        private Chunk chunk;
        private final String name;

        SnapshotSource(Chunk chunk, String name) {
            this.chunk = chunk;
            this.name = name;
        }

        @Override
        public Chunk next(long maxWaitNanos) {
            Chunk next = chunk;
            chunk = null;
            return next;
        }

        @Override
        public boolean isFinished() {
            return chunk == null;
        }

        @Override
        public String describe() {
            return "system table " + name;
        }

        @Override
        public void close() {
            if (chunk != null) {
                chunk.close();
                chunk = null;
            }
        }
    }
}
