package io.brook.engine.external.format;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.external.ReadOptions;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Messages into chunks: payload decoded straight into vectors, metadata per message, failures leaving nothing. */
@Timeout(30)
class MessageChunkBuilderTest {
    private static final List<Column> COLUMNS = List.of(
            Column.of("name", BrookType.STRING),
            Column.of("_key", BrookType.STRING),
            Column.of("value", BrookType.FLOAT64),
            Column.of("_headers", BrookType.map(BrookType.STRING, BrookType.STRING)),
            Column.of("_time", BrookType.TP_TIME),
            Column.of("tags", BrookType.array(BrookType.STRING)));
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private MessageChunkBuilder builder(ReadOptions options) {
        MessageFormat json = MessageFormat.of(DataFormat.JSON_EACH_ROW,
                COLUMNS.stream().filter(column -> !column.name().startsWith("_")).toList(), false);
        return new MessageChunkBuilder(COLUMNS, name -> name.startsWith("_"), json, options, allocator);
    }

    private static byte[] text(String message) {
        return message.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageChunkBuilder.Metadata metadata(String key, long millis) {
        return column -> switch (column) {
            case "_key" -> key;
            case "_headers" -> Map.of("k", key);
            case "_time" -> Instant.ofEpochMilli(millis);
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static List<List<Object>> rows(Chunk chunk) {
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < chunk.size(); row++) {
            Object[] values = new Object[chunk.columnCount()];
            for (int column = 0; column < values.length; column++) {
                values[column] = VectorReader.value(chunk.column(column), chunk.position(row), COLUMNS.get(column).type());
            }
            rows.add(Arrays.asList(values));
        }
        return rows;
    }

    @Test
    void eachRowOfAMessageGetsThatMessagesMetadata() {
        try (MessageChunkBuilder builder = builder(new ReadOptions(true, null))) {
            builder.add(text("{\"name\":\"a\",\"value\":1.5,\"tags\":[\"x\"]}\n{\"name\":\"b\"}"), metadata("k1", 1_000));
            builder.add(text("{\"value\":2}"), metadata("k2", 2_000));
            try (Chunk chunk = builder.build()) {
                assertEquals(List.of(
                        Arrays.asList("a", "k1", 1.5, Map.of("k", "k1"), Instant.ofEpochMilli(1_000), List.of("x")),
                        Arrays.asList("b", "k1", 0.0, Map.of("k", "k1"), Instant.ofEpochMilli(1_000), List.of()),
                        Arrays.asList("", "k2", 2.0, Map.of("k", "k2"), Instant.ofEpochMilli(2_000), List.of())), rows(chunk));
            }
            assertEquals(0, builder.rowCount(), "a built chunk starts the builder over");
        }
    }

    @Test
    void aMessageThatFailsHalfwayLeavesNoneOfItsRows() {
        try (MessageChunkBuilder builder = builder(new ReadOptions(true, null))) {
            builder.add(text("{\"name\":\"kept\",\"value\":1,\"tags\":[\"t\"]}"), metadata("k1", 1));
            assertThrows(BrookException.class, () -> builder.add(
                    text("{\"name\":\"dropped\",\"tags\":[\"d1\",\"d2\"]}\n{\"name\":\"half\",\"value\":\"x\"}"), metadata("k2", 2)));
            builder.add(text("{\"name\":\"next\",\"value\":3}"), metadata("k3", 3));
            try (Chunk chunk = builder.build()) {
                assertEquals(List.of(
                        Arrays.asList("kept", "k1", 1.0, Map.of("k", "k1"), Instant.ofEpochMilli(1), List.of("t")),
                        Arrays.asList("next", "k3", 3.0, Map.of("k", "k3"), Instant.ofEpochMilli(3), List.of())), rows(chunk));
            }
        }
    }

    @Test
    void metadataTheQueryDoesNotReadIsNeitherAskedForNorFilled() {
        ReadOptions options = new ReadOptions(true, null).withUnreadColumns(Set.of("_headers", "_time"));
        MessageChunkBuilder.Metadata onlyKey = column -> {
            if (!column.equals("_key")) {
                throw new AssertionError("asked for " + column);
            }
            return "k";
        };
        try (MessageChunkBuilder builder = builder(options)) {
            builder.add(text("{\"name\":\"a\",\"value\":1}"), onlyKey);
            try (Chunk chunk = builder.build()) {
                assertEquals(List.of(Arrays.asList("a", "k", 1.0, null, null, List.of())), rows(chunk));
            }
        }
    }
}
