package io.brook.engine.testing;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.chunk.RowMask;
import io.brook.engine.expr.ColumnReference;
import io.brook.engine.expr.ColumnValue;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.operator.ChunkBuilder;
import io.brook.engine.query.QueryContext;
import io.brook.engine.query.QuerySettings;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.RootAllocator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A query context over a fresh allocator plus helpers to build chunks and read results. Closing
 * it fails the test if any Arrow memory leaked.
 */
public final class TestSupport implements AutoCloseable {
    private final RootAllocator root;
    private final QueryContext context;

    private TestSupport(long memoryLimit, Map<String, String> settings) {
        this.root = new RootAllocator(Long.MAX_VALUE);
        Map<String, String> all = new java.util.HashMap<>(settings);
        if (memoryLimit > 0) {
            all.put("max_memory_usage", String.valueOf(memoryLimit));
        }
        this.context = new QueryContext(1, root, QuerySettings.of(all));
    }

    public static TestSupport create() {
        return new TestSupport(0, Map.of());
    }

    public static TestSupport withMemoryLimit(long bytes) {
        return new TestSupport(bytes, Map.of());
    }

    public static TestSupport withSettings(Map<String, String> settings) {
        return new TestSupport(0, settings);
    }

    public QueryContext context() {
        return context;
    }

    /** A schema of named, typed columns. */
    public record Schema(List<String> names, List<BrookType> types) {
        public static Schema of(Object... nameTypePairs) {
            List<String> names = new ArrayList<>();
            List<BrookType> types = new ArrayList<>();
            for (int index = 0; index < nameTypePairs.length; index += 2) {
                names.add((String) nameTypePairs[index]);
                types.add((BrookType) nameTypePairs[index + 1]);
            }
            return new Schema(names, types);
        }

        public ColumnReference column(String name) {
            int index = names.indexOf(name);
            return new ColumnReference(index, name, types.get(index));
        }
    }

    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    public Chunk chunk(Schema schema, List<List<Object>> rows) {
        return ChunkBuilder.of(schema.names(), schema.types(), rows, context.allocator());
    }

    /**
     * The same rows with a {@code filler} row before each of them and a selection over the
     * real rows only: evaluating over it must give the same results as over {@link #chunk}.
     */
    public Chunk sparseChunk(Schema schema, List<List<Object>> rows, List<Object> filler) {
        List<List<Object>> physical = new ArrayList<>();
        int[] selection = new int[rows.size()];
        for (int index = 0; index < rows.size(); index++) {
            physical.add(filler);
            selection[index] = physical.size();
            physical.add(rows.get(index));
        }
        physical.add(filler);
        try (Chunk dense = chunk(schema, physical)) {
            return dense.withSelection(selection, selection.length);
        }
    }

    /** The expression's values at the chunk's live rows, as Java objects. */
    public List<Object> evaluate(Expression expression, Chunk chunk) {
        try (ColumnValue value = expression.evaluate(chunk, context)) {
            assertEquals(chunk.physicalRowCount(), value.vector().getValueCount(), "value count of " + expression.describe());
            List<Object> values = new ArrayList<>();
            for (int row = 0; row < chunk.size(); row++) {
                values.add(VectorReader.value(value.vector(), chunk.position(row), expression.type()));
            }
            return values;
        }
    }

    /** Evaluates over a dense and a sparse chunk of {@code rows}, checks they agree, returns the values. */
    public List<Object> evaluateRows(Expression expression, Schema schema, List<List<Object>> rows, List<Object> filler) {
        List<Object> dense;
        try (Chunk chunk = chunk(schema, rows)) {
            dense = evaluate(expression, chunk);
        }
        try (Chunk chunk = sparseChunk(schema, rows, filler)) {
            assertEquals(dense, evaluate(expression, chunk), "dense and selected chunks disagree for " + expression.describe());
        }
        return dense;
    }

    /** Live row indexes (0-based, among live rows) where the predicate holds. */
    public List<Integer> select(Expression predicate, Chunk chunk) {
        int[] out = new int[chunk.size()];
        int count = predicate.selectInto(chunk, context, out);
        List<Integer> rows = new ArrayList<>();
        int next = 0;
        for (int row = 0; row < chunk.size() && next < count; row++) {
            if (chunk.position(row) == out[next]) {
                rows.add(row);
                next++;
            }
        }
        assertEquals(count, rows.size(), "selection must be ascending live positions");
        return rows;
    }

    /** Rows whose bit is set in the predicate's row mask over a dense chunk. */
    public List<Integer> mask(Expression predicate, Chunk chunk) {
        RowMask mask = new RowMask();
        predicate.maskInto(chunk, context, mask);
        List<Integer> rows = new ArrayList<>();
        for (int position : mask.positions()) {
            rows.add(position);
        }
        assertEquals(chunk.size(), mask.rowCount());
        long[] words = mask.words();
        for (int bit = chunk.size(); bit < RowMask.wordCount(chunk.size()) * 64; bit++) {
            assertEquals(0, (words[bit >>> 6] >>> bit) & 1, "bit past the rows set at " + bit);
        }
        return rows;
    }

    /**
     * select() over dense and sparse chunks of {@code rows}, checking they agree, and that the
     * row mask of the dense chunk (a filter fused into an aggregation) holds the same rows.
     */
    public List<Integer> selectRows(Expression predicate, Schema schema, List<List<Object>> rows, List<Object> filler) {
        List<Integer> dense;
        try (Chunk chunk = chunk(schema, rows)) {
            dense = select(predicate, chunk);
            assertEquals(dense, mask(predicate, chunk), "row mask and selection disagree for " + predicate.describe());
        }
        try (Chunk chunk = sparseChunk(schema, rows, filler)) {
            assertEquals(dense, select(predicate, chunk), "dense and selected chunks disagree for " + predicate.describe());
        }
        return dense;
    }

    @Override
    public void close() {
        context.close();
        root.close();
    }
}
