package io.brook.engine.operator.hash;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.operator.aggregation.EmitPolicy;
import io.brook.engine.operator.aggregation.HashAggregationOperator;
import io.brook.engine.testing.CollectingSink;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupByHashTest {
    private TestSupport support = TestSupport.create();

    @AfterEach
    void close() {
        support.close();
    }

    private int[] groupIds(GroupByHash hash, Chunk chunk) {
        FieldVector[] keys = new FieldVector[chunk.columnCount()];
        for (int column = 0; column < keys.length; column++) {
            keys[column] = chunk.column(column);
        }
        int[] ids = new int[chunk.size()];
        hash.groupIds(keys, chunk, ids);
        return ids;
    }

    private static List<List<Object>> keys(GroupByHash hash, List<BrookType> types, BufferAllocator allocator) {
        int count = hash.groupCount();
        int[] groups = new int[count];
        Arrays.setAll(groups, index -> index);
        FieldVector[] outputs = new FieldVector[types.size()];
        try {
            for (int column = 0; column < outputs.length; column++) {
                outputs[column] = Vectors.allocate(types.get(column), count, allocator);
            }
            hash.writeKeys(groups, 0, count, outputs);
            List<List<Object>> rows = new ArrayList<>();
            for (int group = 0; group < count; group++) {
                List<Object> row = new ArrayList<>();
                for (FieldVector output : outputs) {
                    row.add(VectorReader.value(output, group));
                }
                rows.add(row);
            }
            return rows;
        } finally {
            for (FieldVector output : outputs) {
                if (output != null) {
                    output.close();
                }
            }
        }
    }

    @Test
    void denseIdsInOrderOfFirstAppearanceWithNullsTogether() {
        Schema schema = Schema.of("s", TypeParser.parse("nullable(string)"), "i", TypeParser.parse("nullable(int64)"));
        List<BrookType> types = schema.types();
        try (GroupByHash hash = new GroupByHash(types, support.context().allocator());
             Chunk first = support.chunk(schema, List.of(row("x", 1L), row(null, 1L), row("x", 1L), row(null, null), row("", 1L)));
             Chunk second = support.sparseChunk(schema, List.of(row(null, null), row("x", 2L), row("", 1L)), row("filler", 9L))) {
            assertEquals(List.of(0, 1, 0, 2, 3), Arrays.stream(groupIds(hash, first)).boxed().toList());
            assertEquals(List.of(2, 4, 3), Arrays.stream(groupIds(hash, second)).boxed().toList());
            assertEquals(5, hash.groupCount());
            assertEquals(List.of(List.of("x", 1L), Arrays.asList(null, 1L), Arrays.asList(null, null), List.of("", 1L), List.of("x", 2L)),
                    keys(hash, types, support.context().allocator()));
        }
    }

    @Test
    void shortAndLongStringKeysAroundTheEightByteBoundary() {
        Schema schema = Schema.of("s", TypeParser.parse("nullable(string)"));
        // keys that differ only past byte 8, keys that share a word but not a length, empty and NULL
        List<Object> keys = Arrays.asList("", null, "a", "a\0", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghj",
                "abcdefgh\0", "abcdefghijklmnopq", "abcdefghijklmnopr", "\0", "\0\0\0\0\0\0\0\0");
        List<List<Object>> rows = new ArrayList<>();
        for (Object key : keys) {
            rows.add(row(key));
        }
        List<List<Object>> reversed = new ArrayList<>(rows);
        java.util.Collections.reverse(reversed);
        try (GroupByHash hash = new GroupByHash(schema.types(), support.context().allocator());
             Chunk first = support.chunk(schema, rows);
             Chunk second = support.sparseChunk(schema, reversed, row("filler"))) {
            List<Integer> ids = new ArrayList<>();
            for (int index = 0; index < keys.size(); index++) {
                ids.add(index);
            }
            assertEquals(ids, Arrays.stream(groupIds(hash, first)).boxed().toList(), "every key is its own group");
            assertEquals(ids.reversed(), Arrays.stream(groupIds(hash, second)).boxed().toList(), "and finds it again");
            List<List<Object>> stored = keys(hash, schema.types(), support.context().allocator());
            for (int index = 0; index < keys.size(); index++) {
                assertEquals(keys.get(index), stored.get(index).getFirst());
            }
            try (GroupByHash restored = new GroupByHash(schema.types(), support.context().allocator())) {
                restored.deserialize(hash.serialize());
                assertEquals(ids.reversed(), Arrays.stream(groupIds(restored, second)).boxed().toList(), "after a checkpoint");
                assertEquals(keys.size(), restored.groupCount());
            }
        }
    }

    /** Two copies of {@code key} in a string vector whose data buffer ends right after them. */
    private static Chunk tightStringChunk(BufferAllocator allocator, String key) {
        try (VarCharVector loose = (VarCharVector) Vectors.allocate("k", BrookType.STRING, 2, allocator)) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            loose.setSafe(0, bytes);
            loose.setSafe(1, bytes);
            loose.setValueCount(2);
            VarCharVector tight = new VarCharVector("k", allocator);
            try (ArrowBuf data = loose.getDataBuffer().slice(0, 2L * bytes.length)) {
                data.getReferenceManager().retain();
                tight.loadFieldBuffers(new ArrowFieldNode(2, 0), List.of(loose.getValidityBuffer(), loose.getOffsetBuffer(), data));
            }
            assertEquals(2L * key.length(), tight.getDataBuffer().capacity());
            return Chunk.of(List.of(tight), 2);
        }
    }

    @Test
    void shortKeysAtTheEndOfTheDataBufferAreReadExactly() {
        // a whole-word read of the last key would run past the buffer: the bytes must be read exactly
        try (GroupByHash hash = new GroupByHash(List.of(BrookType.STRING), support.context().allocator())) {
            for (int pass = 0; pass < 2; pass++) {
                for (int length = 0; length <= 9; length++) {
                    String key = "xyzwvuts!".substring(0, length);
                    try (Chunk chunk = tightStringChunk(support.context().allocator(), key)) {
                        assertEquals(List.of(length, length), Arrays.stream(groupIds(hash, chunk)).boxed().toList());
                    }
                }
            }
            try (Chunk chunk = support.chunk(Schema.of("s", BrookType.STRING), List.of(row("xyzwvut"), row("xyz"), row("")))) {
                assertEquals(List.of(7, 3, 0), Arrays.stream(groupIds(hash, chunk)).boxed().toList(),
                        "a key read exactly equals the same key read as a whole word");
            }
        }
    }

    @Test
    void fixedStringKeysShortAndLong() {
        Schema schema = Schema.of("f", TypeParser.parse("fixed_string(3)"), "g", TypeParser.parse("fixed_string(12)"));
        try (GroupByHash hash = new GroupByHash(schema.types(), support.context().allocator());
             Chunk chunk = support.chunk(schema, List.of(row("abc", "123456789012"), row("abd", "123456789012"),
                     row("abc", "123456789013"), row("abc", "123456789012")))) {
            assertEquals(List.of(0, 1, 2, 0), Arrays.stream(groupIds(hash, chunk)).boxed().toList());
        }
    }

    @Test
    void nullsAreOneKeyWhateverTheBufferHoldsUnderThem() {
        BigIntVector vector = (BigIntVector) Vectors.allocate("k", TypeParser.parse("nullable(int64)"), 4, support.context().allocator());
        vector.set(0, 42);
        vector.set(1, 42);
        vector.set(2, 7);
        vector.set(3, 0);
        vector.setNull(1);
        vector.setNull(2);
        vector.setValueCount(4);
        List<BrookType> types = List.of(TypeParser.parse("nullable(int64)"));
        byte[] checkpoint;
        try (GroupByHash hash = new GroupByHash(types, support.context().allocator());
             Chunk chunk = Chunk.of(List.of(vector), 4)) {
            assertEquals(List.of(0, 1, 1, 2), Arrays.stream(groupIds(hash, chunk)).boxed().toList());
            checkpoint = hash.serialize();
        }
        try (GroupByHash restored = new GroupByHash(types, support.context().allocator());
             Chunk chunk = support.chunk(Schema.of("k", types.getFirst()), List.of(row(0L), row((Object) null), row(42L)))) {
            restored.deserialize(checkpoint);
            assertEquals(List.of(2, 1, 0), Arrays.stream(groupIds(restored, chunk)).boxed().toList());
        }
    }

    @Test
    void floatKeysFoldNegativeZeroAndNan() {
        Schema schema = Schema.of("f", BrookType.FLOAT64);
        try (GroupByHash hash = new GroupByHash(schema.types(), support.context().allocator());
             Chunk chunk = support.chunk(schema, List.of(row(0.0), row(-0.0), row(Double.NaN), row(Double.longBitsToDouble(0x7ff8000000000001L)), row(1.5)))) {
            assertEquals(List.of(0, 0, 1, 1, 2), Arrays.stream(groupIds(hash, chunk)).boxed().toList());
        }
    }

    @Test
    void decimalDateAndBoolKeys() {
        Schema schema = Schema.of("d", TypeParser.parse("decimal(20, 2)"), "b", BrookType.BOOL, "u", BrookType.UUID);
        List<List<Object>> rows = List.of(row(new BigDecimal("1.50"), true, "00000000-0000-0000-0000-000000000001"),
                row(new BigDecimal("1.5"), true, "00000000-0000-0000-0000-000000000001"),
                row(new BigDecimal("-1.50"), false, "00000000-0000-0000-0000-000000000001"));
        try (GroupByHash hash = new GroupByHash(schema.types(), support.context().allocator());
             Chunk chunk = support.chunk(schema, rows)) {
            assertEquals(List.of(0, 0, 1), Arrays.stream(groupIds(hash, chunk)).boxed().toList());
            assertEquals(new BigDecimal("-1.50"), keys(hash, schema.types(), support.context().allocator()).get(1).get(0));
        }
    }

    @Test
    void nestedKeysAreNotSupportedYet() {
        BrookException error = assertThrows(BrookException.class,
                () -> new GroupByHash(List.of(TypeParser.parse("array(int32)")), support.context().allocator()));
        assertEquals(ErrorCode.NOT_IMPLEMENTED, error.code());
    }

    @Test
    void serializedKeysRestoreTheSameIds() {
        Schema schema = Schema.of("s", BrookType.STRING, "i", BrookType.INT32);
        byte[] bytes;
        try (GroupByHash hash = new GroupByHash(schema.types(), support.context().allocator());
             Chunk chunk = support.chunk(schema, List.of(row("a", 1), row("b", 2), row("a", 2)))) {
            groupIds(hash, chunk);
            bytes = hash.serialize();
        }
        try (GroupByHash restored = new GroupByHash(schema.types(), support.context().allocator());
             Chunk chunk = support.chunk(schema, List.of(row("a", 2), row("c", 3), row("a", 1)))) {
            restored.deserialize(bytes);
            assertEquals(List.of(2, 3, 0), Arrays.stream(groupIds(restored, chunk)).boxed().toList());
        }
    }

    private static Chunk longChunk(BufferAllocator allocator, long from, int count) {
        BigIntVector vector = (BigIntVector) Vectors.allocate("k", BrookType.INT64, count, allocator);
        for (int row = 0; row < count; row++) {
            vector.set(row, from + row);
        }
        vector.setValueCount(count);
        return Chunk.of(List.of(vector), count);
    }

    private static Chunk stringChunk(BufferAllocator allocator, long from, int count) {
        VarCharVector vector = (VarCharVector) Vectors.allocate("k", BrookType.STRING, count, allocator);
        for (int row = 0; row < count; row++) {
            vector.setSafe(row, ("key-" + (from + row)).getBytes(StandardCharsets.UTF_8));
        }
        vector.setValueCount(count);
        return Chunk.of(List.of(vector), count);
    }

    @Test
    void aMillionDistinctGroupsFitTheDefaultMemoryLimit() {
        int total = 1_000_000;
        int chunkSize = 65_536;
        try (GroupByHash longs = new GroupByHash(List.of(BrookType.INT64), support.context().allocator());
             GroupByHash strings = new GroupByHash(List.of(BrookType.STRING), support.context().allocator())) {
            for (int pass = 0; pass < 2; pass++) {
                for (int from = 0; from < total; from += chunkSize) {
                    int count = Math.min(chunkSize, total - from);
                    try (Chunk chunk = longChunk(support.context().allocator(), from * 7919L, count)) {
                        int[] ids = groupIds(longs, chunk);
                        assertEquals(from, ids[0], "ids are dense and stable across passes");
                        assertEquals(from + count - 1, ids[count - 1]);
                    }
                    try (Chunk chunk = stringChunk(support.context().allocator(), from, count)) {
                        assertEquals(from + 5, groupIds(strings, chunk)[5]);
                    }
                }
            }
            assertEquals(total, longs.groupCount());
            assertEquals(total, strings.groupCount());
            assertTrue(support.context().allocator().getAllocatedMemory() < 256L << 20,
                    "memory used: " + support.context().allocator().getAllocatedMemory());
        }
    }

    @Test
    void aBigAggregationOverAFewMegabytesFailsCleanly() {
        support.close();
        support = TestSupport.withMemoryLimit(4L << 20);
        FunctionRegistry registry = new FunctionRegistry();
        Schema schema = Schema.of("k", BrookType.STRING);
        CollectingSink sink = new CollectingSink();
        try (RootAllocator input = new RootAllocator()) {
            HashAggregationOperator operator = new HashAggregationOperator(List.of(schema.column("k")),
                    List.of(registry.aggregate("count", List.of(), false), registry.aggregate("max", List.of(schema.column("k")), false)),
                    EmitPolicy.onFinish(), support.context(), sink);
            BrookException error = assertThrows(BrookException.class, () -> {
                for (int from = 0; from < 10_000_000; from += 65_536) {
                    try (Chunk chunk = stringChunk(input, from, 65_536)) {
                        operator.push(chunk);
                    }
                }
            });
            assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.code());
            assertTrue(error.text().startsWith("Memory limit (for query) exceeded"), error.text());
            operator.close();
            assertEquals(0, support.context().allocator().getAllocatedMemory(), "everything freed");
        }
        assertTrue(sink.isClosed());
    }
}
