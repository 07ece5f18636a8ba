package io.brook.engine.expr.vector;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.operator.ChunkBuilder;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cell values in the forms JSON carries, as the REST API and remote connectors send them. */
@Timeout(30)
class JsonFormsTest {

    @Test
    void valuesBecomeJsonForms() {
        assertEquals("2024-01-02T03:04:05.678Z", JsonForms.value(Instant.parse("2024-01-02T03:04:05.678Z")));
        assertEquals("2024-01-02", JsonForms.value(LocalDate.of(2024, 1, 2)));
        assertEquals(List.of("1970-01-01", 3L), JsonForms.value(List.of(LocalDate.EPOCH, 3L)));
        assertEquals(Map.of("1", "a"), JsonForms.value(Map.of(1L, "a")));
        assertEquals("00000000-0000-0000-0000-000000000000", JsonForms.value(new UUID(0, 0)));
        assertEquals("é", JsonForms.value("é".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(null, JsonForms.value(null));
    }

    @Test
    void rowsOfAChunkSlice() {
        try (BufferAllocator allocator = new RootAllocator();
             Chunk chunk = ChunkBuilder.of(List.of("id", "at"), List.of(BrookType.INT64, BrookType.TP_TIME),
                     List.of(List.of(1L, Instant.EPOCH), Arrays.asList(2L, null), List.of(3L, Instant.EPOCH)), allocator)) {
            assertEquals(List.of(Arrays.asList(2L, null), List.of(3L, "1970-01-01T00:00:00Z")), JsonForms.rows(chunk, 1, 3));
        }
    }
}
