package io.brook.engine.operator.sort;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.testing.CollectingSink;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SortOperatorTest {
    private TestSupport support = TestSupport.create();
    private final Schema schema = Schema.of("g", TypeParser.parse("nullable(string)"), "v", TypeParser.parse("nullable(float64)"), "id", BrookType.INT32);

    @AfterEach
    void close() {
        support.close();
    }

    private List<List<Object>> sort(List<SortKey> keys, long limit, List<List<List<Object>>> batches) {
        CollectingSink sink = new CollectingSink();
        try (SortOperator operator = new SortOperator(keys, limit, support.context(), sink)) {
            for (int index = 0; index < batches.size(); index++) {
                try (Chunk chunk = index % 2 == 0 ? support.chunk(schema, batches.get(index))
                        : support.sparseChunk(schema, batches.get(index), row("zz", 99.0, 99))) {
                    operator.push(chunk);
                }
            }
            operator.finish();
        }
        return sink.rows();
    }

    private static List<Object> ids(List<List<Object>> rows) {
        return rows.stream().map(values -> values.get(2)).toList();
    }

    private final List<List<List<Object>>> batches = List.of(
            List.of(row("b", 2.0, 1), row(null, 1.0, 2), row("a", Double.NaN, 3)),
            List.of(row("a", null, 4), row("b", -1.0, 5), row("a", 2.0, 6)),
            List.of(row("c", 0.0, 7)));

    @Test
    void multipleKeysAscendingAndDescendingWithNullsLast() {
        List<List<Object>> rows = sort(List.of(SortKey.ascending(schema.column("g")), SortKey.descending(schema.column("v"))), -1, batches);
        assertEquals(List.of(6L, 3L, 4L, 1L, 5L, 7L, 2L), ids(rows));
    }

    @Test
    void nullsFirstAndNanNextToNulls() {
        List<List<Object>> ascending = sort(List.of(new SortKey(schema.column("v"), false, true)), -1, batches);
        assertEquals(List.of(4L, 3L, 5L, 7L, 2L, 1L, 6L), ids(ascending));
        List<List<Object>> descending = sort(List.of(SortKey.descending(schema.column("v"))), -1, batches);
        assertEquals(List.of(1L, 6L, 2L, 7L, 5L, 3L, 4L), ids(descending));
    }

    @Test
    void topNKeepsTheBestRowsAcrossCompactions() {
        Random random = new Random(7);
        List<List<List<Object>>> many = new ArrayList<>();
        List<List<Object>> everything = new ArrayList<>();
        for (int batch = 0; batch < 12; batch++) {
            List<List<Object>> rows = new ArrayList<>();
            for (int index = 0; index < 2000; index++) {
                List<Object> values = row("k" + random.nextInt(50), random.nextDouble(), batch * 2000 + index);
                rows.add(values);
                everything.add(values);
            }
            many.add(rows);
        }
        List<List<Object>> top = sort(List.of(SortKey.descending(schema.column("v"))), 25, many);
        everything.sort(Comparator.comparing((List<Object> values) -> (Double) values.get(1)).reversed());
        assertEquals(everything.subList(0, 25).stream().map(values -> ((Integer) values.get(2)).longValue()).toList(), ids(top));
    }

    @Test
    void stableForEqualKeysAndSplitIntoBlocks() {
        support.close();
        support = TestSupport.withSettings(Map.of("max_block_size", "3"));
        CollectingSink sink = new CollectingSink();
        try (SortOperator operator = new SortOperator(List.of(SortKey.ascending(schema.column("g"))), -1, support.context(), sink)) {
            for (List<List<Object>> batch : batches) {
                try (Chunk chunk = support.chunk(schema, batch)) {
                    operator.push(chunk);
                }
            }
            operator.finish();
        }
        assertEquals(List.of(3L, 4L, 6L, 1L, 5L, 7L, 2L), ids(sink.rows()));
        assertEquals(List.of(3, 3, 1), sink.chunkSizes());
        assertEquals(Arrays.asList("a", "a", "a", "b", "b", "c", null), sink.rows().stream().map(values -> values.getFirst()).toList());
    }

    @Test
    void describeForExplain() {
        assertEquals("TopN 10 (g ASC, v DESC NULLS FIRST)", new SortOperator.Factory(List.of(SortKey.ascending(schema.column("g")),
                new SortKey(schema.column("v"), true, true)), 10).describe());
    }
}
