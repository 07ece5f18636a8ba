package io.brook.engine.chunk;

import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowMaskTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    @Test
    void positionsRoundTripAcrossWords() {
        RowMask mask = new RowMask();
        int[] positions = {0, 5, 63, 64, 127, 128, 129};
        mask.setPositions(130, positions, positions.length);
        assertEquals(3, RowMask.wordCount(130));
        assertEquals(7, mask.passingCount());
        assertFalse(mask.allPass());
        assertArrayEquals(positions, mask.positions());
        // reused for a smaller chunk: nothing of the first one shows
        mask.setPositions(3, new int[] {0, 1, 2}, 3);
        assertTrue(mask.allPass());
        assertArrayEquals(new int[] {0, 1, 2}, mask.positions());
    }

    @Test
    void filledClearsBitsPastTheRows() {
        RowMask mask = new RowMask();
        long[] words = mask.reset(70);
        words[0] = -1L;
        words[1] = -1L;
        mask.filled();
        assertEquals(70, mask.passingCount());
        assertEquals(0x3FL, mask.words()[1]);
    }

    @Test
    void passingAndValidDropsNullRows() {
        try (Float8Vector vector = (Float8Vector) Vectors.allocate("v", TypeParser.parse("nullable(float64)"), 70, allocator);
             Float8Vector dense = (Float8Vector) Vectors.allocate("d", BrookType.FLOAT64, 70, allocator)) {
            dense.setValueCount(70);
            for (int row = 0; row < 70; row++) {
                if (row % 3 != 0) {
                    vector.set(row, row);
                }
            }
            vector.setValueCount(70);
            RowMask mask = new RowMask();
            int[] passing = {0, 1, 2, 3, 66, 67, 69};
            mask.setPositions(70, passing, passing.length);
            assertSame(mask.words(), mask.passingAndValid(dense), "no nulls: the mask itself");
            long[] valid = mask.passingAndValid(vector);
            assertEquals(3, mask.count(valid));
            assertEquals(7, mask.passingCount(), "the mask is unchanged");
            mask.keepValid(vector);
            assertArrayEquals(new int[] {1, 2, 67}, mask.positions());
        }
    }
}
