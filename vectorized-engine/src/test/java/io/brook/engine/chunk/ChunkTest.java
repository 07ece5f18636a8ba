package io.brook.engine.chunk;

import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkTest {
    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private BigIntVector longs(long... values) {
        BigIntVector vector = (BigIntVector) Vectors.allocate("v", BrookType.INT64, values.length, allocator);
        for (int index = 0; index < values.length; index++) {
            vector.set(index, values[index]);
        }
        vector.setValueCount(values.length);
        return vector;
    }

    private static List<Object> values(Chunk chunk, int column) {
        List<Object> values = new ArrayList<>();
        for (int row = 0; row < chunk.size(); row++) {
            values.add(VectorReader.value(chunk.column(column), chunk.position(row)));
        }
        return values;
    }

    @Test
    void denseChunkHasNoSelection() {
        try (Chunk chunk = Chunk.of(List.of(longs(1, 2, 3)), 3)) {
            assertTrue(chunk.isDense());
            assertNull(chunk.selection());
            assertEquals(3, chunk.size());
            assertEquals(3, chunk.physicalRowCount());
            assertEquals(List.of(1L, 2L, 3L), values(chunk, 0));
        }
    }

    @Test
    void selectionKeepsVectorsAndNamesLivePositions() {
        try (Chunk chunk = Chunk.of(List.of(longs(10, 20, 30, 40)), 4);
             Chunk selected = chunk.withSelection(new int[] {1, 3}, 2)) {
            assertSame(chunk.column(0), selected.column(0));
            assertEquals(2, selected.size());
            assertEquals(4, selected.physicalRowCount());
            assertEquals(List.of(20L, 40L), values(selected, 0));
            assertEquals(3, selected.position(1));
        }
    }

    @Test
    void slicingASelectedChunkSlicesItsLiveRows() {
        try (Chunk chunk = Chunk.of(List.of(longs(10, 20, 30, 40, 50)), 5);
             Chunk selected = chunk.withSelection(new int[] {0, 2, 3, 4}, 4);
             Chunk slice = selected.slice(1, 2)) {
            assertEquals(List.of(30L, 40L), values(slice, 0));
            assertArrayEquals(new int[] {2, 3}, slice.selection());
            assertThrows(IndexOutOfBoundsException.class, () -> selected.slice(3, 2));
        }
    }

    @Test
    void memoryIsFreedWhenTheLastReferenceCloses() {
        Chunk chunk = Chunk.of(List.of(longs(1, 2, 3)), 3);
        long used = allocator.getAllocatedMemory();
        assertTrue(used > 0);
        Chunk slice = chunk.slice(0, 2);
        Chunk retained = chunk.retain();
        chunk.close();
        assertEquals(used, allocator.getAllocatedMemory(), "slice and retain keep the vectors");
        retained.close();
        assertEquals(used, allocator.getAllocatedMemory());
        assertEquals(List.of(1L, 2L), values(slice, 0));
        slice.close();
        assertEquals(0, allocator.getAllocatedMemory());
    }

    @Test
    void closingTooOftenOrRetainingAfterCloseFails() {
        Chunk chunk = Chunk.of(List.of(longs(1)), 1);
        chunk.close();
        assertThrows(IllegalStateException.class, chunk::retain);
        assertThrows(IllegalStateException.class, chunk::close);
    }

    @Test
    void withColumnsOwnsNewVectorsAndKeepsReusedOnesAlive() {
        BigIntVector input = longs(1, 2, 3);
        Chunk chunk = Chunk.of(List.of(input), 3);
        BigIntVector computed = longs(7, 8, 9);
        Chunk projected = chunk.withColumns(new FieldVector[] {computed, input}, List.of(computed));
        chunk.close();
        assertFalse(input.getDataBuffer().getReferenceManager().getRefCount() == 0, "input column still alive");
        assertEquals(List.of(7L, 8L, 9L), values(projected, 0));
        assertEquals(List.of(1L, 2L, 3L), values(projected, 1));
        projected.close();
        assertEquals(0, allocator.getAllocatedMemory());
    }

    @Test
    void projectionsKeepTheSelection() {
        BigIntVector input = longs(1, 2, 3);
        try (Chunk chunk = Chunk.of(List.of(input), 3);
             Chunk selected = chunk.withSelection(new int[] {2}, 1);
             Chunk projected = selected.withColumns(new FieldVector[] {input}, List.of())) {
            assertEquals(List.of(3L), values(projected, 0));
        }
    }
}
