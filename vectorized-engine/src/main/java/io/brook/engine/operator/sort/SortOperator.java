package io.brook.engine.operator.sort;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.ColumnValue;
import io.brook.engine.operator.Operator;
import io.brook.engine.operator.OperatorFactory;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * ORDER BY for bounded input: keeps the chunks (retained, not copied) with their evaluated sort
 * keys, sorts row references when the input ends and emits the rows in order. With a limit hint
 * (ORDER BY ... LIMIT n) it is a top-n: whenever the kept rows grow well past n, they are sorted
 * and cut down to the best n, so memory stays proportional to n.
 */
public final class SortOperator implements Operator {
    private static final int MIN_COMPACTION_ROWS = 8192;

    private final List<SortKey> keys;
    private final long limit;
    private final QueryContext context;
    private final Operator downstream;
    private final List<Chunk> chunks = new ArrayList<>();
    private final List<ColumnValue[]> keyValues = new ArrayList<>();
    private long rows;

    /** @param limit rows the query needs at most (offset + limit), or -1 for all */
    public SortOperator(List<SortKey> keys, long limit, QueryContext context, Operator downstream) {
        this.keys = List.copyOf(keys);
        this.limit = limit;
        this.context = context;
        this.downstream = downstream;
    }

    @Override
    public void push(Chunk chunk) {
        context.checkAlive();
        if (chunk.isEmpty() || limit == 0) {
            return;
        }
        try {
            keep(chunk.retain());
            if (limit > 0 && rows > Math.max(2 * limit, MIN_COMPACTION_ROWS)) {
                compact();
            }
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    private void keep(Chunk chunk) {
        ColumnValue[] values = new ColumnValue[keys.size()];
        try {
            for (int index = 0; index < values.length; index++) {
                values[index] = keys.get(index).expression().evaluate(chunk, context);
            }
        } catch (RuntimeException e) {
            closeValues(values);
            chunk.close();
            throw e;
        }
        chunks.add(chunk);
        keyValues.add(values);
        rows += chunk.size();
    }

    /** Row references of every kept row in sorted order. */
    private long[] sortedReferences() {
        long[] references = new long[Math.toIntExact(rows)];
        int next = 0;
        for (int chunk = 0; chunk < chunks.size(); chunk++) {
            Chunk rowsOfChunk = chunks.get(chunk);
            for (int row = 0; row < rowsOfChunk.size(); row++) {
                references[next++] = (long) chunk << 32 | rowsOfChunk.position(row);
            }
        }
        List<SortColumn> columns = new ArrayList<>(keys.size());
        for (int index = 0; index < keys.size(); index++) {
            List<FieldVector> vectors = new ArrayList<>(chunks.size());
            for (ColumnValue[] values : keyValues) {
                vectors.add(values[index].vector());
            }
            columns.add(new SortColumn(keys.get(index).expression().type(), keys.get(index), vectors));
        }
        ReferenceSort.sort(references, references.length, (left, right) -> {
            for (SortColumn column : columns) {
                int comparison = column.compare(left, right);
                if (comparison != 0) {
                    return comparison;
                }
            }
            return 0;
        });
        return references;
    }

    /** Keeps only the best {@code limit} rows, copied into one chunk. */
    private void compact() {
        long[] references = sortedReferences();
        int kept = (int) Math.min(limit, references.length);
        Chunk best = RowGather.gather(chunks, references, 0, kept, context.allocator());
        release();
        keep(best);
    }

    @Override
    public void finish() {
        try {
            long[] references = sortedReferences();
            int total = (int) (limit < 0 ? references.length : Math.min(limit, references.length));
            int blockSize = context.settings().maxBlockSize();
            for (int from = 0; from < total; from += blockSize) {
                context.checkAlive();
                try (Chunk output = RowGather.gather(chunks, references, from, Math.min(blockSize, total - from), context.allocator())) {
                    downstream.push(output);
                }
            }
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        } finally {
            release();
        }
        downstream.finish();
    }

    private void release() {
        for (ColumnValue[] values : keyValues) {
            closeValues(values);
        }
        keyValues.clear();
        chunks.forEach(Chunk::close);
        chunks.clear();
        rows = 0;
    }

    private static void closeValues(ColumnValue[] values) {
        for (ColumnValue value : values) {
            if (value != null) {
                value.close();
            }
        }
    }

    @Override
    public void tick(long nowMillis) {
        downstream.tick(nowMillis);
    }

    @Override
    public void close() {
        try {
            release();
        } finally {
            downstream.close();
        }
    }

    /** Plans ORDER BY {@code keys}; {@code limit} is offset + limit of the query, or -1. */
    public static final class Factory implements OperatorFactory {
        private final List<SortKey> keys;
        private final long limit;

        public Factory(List<SortKey> keys, long limit) {
            this.keys = List.copyOf(keys);
            this.limit = limit;
        }

        @Override
        public Operator create(QueryContext context, Operator downstream) {
            return new SortOperator(keys, limit, context, downstream);
        }

        @Override
        public String describe() {
            StringJoiner joiner = new StringJoiner(", ", limit >= 0 ? "TopN " + limit + " (" : "Sort (", ")");
            keys.forEach(key -> joiner.add(key.describe()));
            return joiner.toString();
        }
    }
}
