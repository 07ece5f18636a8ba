package io.brook.jdbc.convert;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.types.BrookType;
import io.brook.jdbc.testing.AllTypes;
import io.brook.jdbc.testing.ChunkBuilder;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ChunkRowsTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    @Test
    void everyTypeReadsBackAsItsRowClass() {
        List<Column> columns = AllTypes.columns();
        Object[] expected = AllTypes.row();
        try (ChunkRows rows = new ChunkRows(ChunkBuilder.of(allocator, columns).row(expected).build(), types(columns))) {
            List<Object> out = new ArrayList<>();
            assertEquals(1, rows.take(10, out));
            Object[] actual = (Object[]) out.getFirst();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], columns.get(i).name());
                if (expected[i] != null && !(expected[i] instanceof List<?>) && !(expected[i] instanceof Map<?, ?>)) {
                    assertEquals(expected[i].getClass(), actual[i].getClass(), columns.get(i).name());
                }
            }
        }
    }

    @Test
    void nullsReadAsNullInEveryType() {
        List<Column> columns = AllTypes.columns().stream()
                .map(column -> Column.of(column.name(), column.type().withNullable(true))).toList();
        Object[] nulls = new Object[columns.size()];
        try (ChunkRows rows = new ChunkRows(ChunkBuilder.of(allocator, columns).row(nulls).build(), types(columns))) {
            List<Object> out = new ArrayList<>();
            rows.take(1, out);
            for (Object value : (Object[]) out.getFirst()) {
                assertNull(value);
            }
        }
    }

    @Test
    void takesOnlyTheLiveRowsOfASelectionInOrder() {
        List<Column> columns = List.of(Column.of("n", BrookType.INT64));
        ChunkBuilder builder = ChunkBuilder.of(allocator, columns);
        for (long i = 0; i < 10; i++) {
            builder.row(i);
        }
        try (Chunk dense = builder.build();
             ChunkRows rows = new ChunkRows(dense.withSelection(new int[] {1, 4, 8, 9}, 3), types(columns))) {
            List<Object> out = new ArrayList<>();
            assertEquals(2, rows.take(2, out));
            assertEquals(1, rows.remaining());
            assertEquals(1, rows.take(5, out));
            assertEquals(List.of(1L, 4L, 8L), out.stream().map(row -> ((Object[]) row)[0]).toList());
        }
    }

    @Test
    void unsignedValuesWidenWithoutWrapping() {
        List<Column> columns = List.of(Column.of("a", BrookType.UINT8), Column.of("b", BrookType.UINT16),
                Column.of("c", BrookType.UINT32), Column.of("d", BrookType.UINT64));
        Object[] row = {(short) 255, 65_535, 4_294_967_295L, new java.math.BigDecimal("18446744073709551615")};
        try (ChunkRows rows = new ChunkRows(ChunkBuilder.of(allocator, columns).row(row).build(), types(columns))) {
            List<Object> out = new ArrayList<>();
            rows.take(1, out);
            assertArrayEquals(row, (Object[]) out.getFirst());
        }
    }

    @Test
    void fixedStringDropsItsZeroPadding() {
        assertEquals("ab", FixedText.decode(new byte[] {'a', 'b', 0, 0}));
        assertEquals("a\0b", FixedText.decode(new byte[] {'a', 0, 'b', 0}));
        assertEquals("", FixedText.decode(new byte[4]));
    }

    private static List<BrookType> types(List<Column> columns) {
        return columns.stream().map(Column::type).toList();
    }
}
