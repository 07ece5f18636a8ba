package io.brook.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleStreamLogTest {
    private final BufferAllocator allocator = new RootAllocator();

    @TempDir
    Path dir;

    @AfterEach
    void closeAllocator() {
        allocator.close(); // fails the test if a vector leaked
    }

    @Test
    void roundTripKeepsEveryValueAndNull() {
        try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT)) {
            TestRows.append(log, allocator, 0, 100);
            TestRows.append(log, allocator, 100, 1);
            TestRows.append(log, allocator, 101, 4000);
            try (LogCursor cursor = log.openCursor(LogStart.earliest())) {
                List<EntryHeader> headers = new ArrayList<>();
                List<Long> ids = new ArrayList<>();
                TestRows.forEachEntry(cursor, allocator, entry -> {
                    assertEquals(TestRows.SCHEMA, entry.batch().getSchema());
                    TestRows.assertRowsMatchIds(entry.batch());
                    headers.add(entry.header());
                    ids.addAll(TestRows.ids(entry.batch()));
                });
                assertEquals(List.of(
                        new EntryHeader(0, 100, TestRows.timeOf(0), TestRows.timeOf(99)),
                        new EntryHeader(100, 1, TestRows.timeOf(100), TestRows.timeOf(100)),
                        new EntryHeader(101, 4000, TestRows.timeOf(101), TestRows.timeOf(4100))), headers);
                assertEquals(LongStream.range(0, 4101).boxed().toList(), ids);
                assertEquals(4101, cursor.position());
            }
        }
    }

    @Test
    void snRangesAreContiguousAcrossAppendsAndReopen() {
        try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT)) {
            assertEquals(0, log.nextSn());
            assertEquals(new SnRange(0, 3), TestRows.append(log, allocator, 0, 3));
            assertEquals(new SnRange(3, 5), TestRows.append(log, allocator, 3, 5));
            assertEquals(8, log.nextSn());
        }
        try (StreamLog log = ChronicleStreamLog.open(dir, LogSettings.DEFAULT)) {
            assertEquals(TestRows.SCHEMA, log.schema());
            assertEquals(8, log.nextSn());
            assertEquals(8, log.rowCount());
            assertEquals(new SnRange(8, 2), TestRows.append(log, allocator, 8, 2));
            try (LogCursor cursor = log.openCursor(LogStart.earliest())) {
                assertEquals(LongStream.range(0, 10).boxed().toList(), TestRows.drainIds(cursor, allocator));
            }
        }
    }

    @Test
    void sizeAndRowCountGrowWithAppendsAndSurviveReopen() {
        long size;
        try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT)) {
            assertEquals(0, log.sizeBytes());
            TestRows.append(log, allocator, 0, 10);
            long one = log.sizeBytes();
            assertTrue(one > EntryFormat.HEADER_BYTES, "size " + one);
            TestRows.append(log, allocator, 10, 1000);
            size = log.sizeBytes();
            assertTrue(size > one + 1000 * 8, "size " + size);
            assertEquals(1010, log.rowCount());
        }
        try (StreamLog log = ChronicleStreamLog.open(dir, LogSettings.DEFAULT)) {
            assertEquals(size, log.sizeBytes());
        }
    }

    @Test
    void fsyncAppendsAreReadable() {
        try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, new LogSettings(-1, -1, true))) {
            TestRows.append(log, allocator, 0, 10);
            TestRows.append(log, allocator, 10, 10);
            try (LogCursor cursor = log.openCursor(LogStart.earliest())) {
                assertEquals(20, TestRows.drainIds(cursor, allocator).size());
            }
        }
    }

    @Test
    void emptyBatchWritesNothing() {
        try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT)) {
            TestRows.append(log, allocator, 0, 2);
            try (VectorSchemaRoot empty = TestRows.batch(allocator, 0, 0)) {
                assertEquals(new SnRange(2, 0), log.append(empty, 0, 0));
            }
            assertEquals(2, log.nextSn());
            try (LogCursor cursor = log.openCursor(LogStart.fromSn(2))) {
                assertNull(cursor.poll(allocator));
            }
        }
    }

    @Test
    void rejectsBatchOfAnotherSchema() {
        Schema other = new Schema(List.of(new Field("x", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
        try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT);
             VectorSchemaRoot batch = VectorSchemaRoot.create(other, allocator)) {
            batch.setRowCount(0);
            assertThrows(IllegalArgumentException.class, () -> log.append(batch, 0, 0));
            assertEquals(0, log.nextSn());
        }
    }

    @Test
    void rejectsBatchTooLargeForOneEntryAndStaysUsable() {
        Schema schema = new Schema(List.of(new Field("s", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null)));
        byte[] megabyte = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
        int rows = (int) (LogQueues.MAX_ENTRY_BYTES >> 20) + 1;
        try (StreamLog log = ChronicleStreamLog.create(dir, schema, LogSettings.DEFAULT);
             VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
            VarCharVector strings = (VarCharVector) batch.getVector(0);
            for (int row = 0; row < rows; row++) {
                strings.setSafe(row, megabyte);
            }
            batch.setRowCount(rows);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> log.append(batch, 0, 0));
            assertTrue(error.getMessage().contains("too large"), error.getMessage());
            assertEquals(0, log.nextSn());
            batch.setRowCount(3);
            assertEquals(new SnRange(0, 3), log.append(batch, 0, 0));
            try (LogCursor cursor = log.openCursor(LogStart.earliest()); LogEntry entry = cursor.poll(allocator)) {
                assertNotNull(entry);
                assertEquals(3, entry.batch().getRowCount());
                assertNull(cursor.poll(allocator));
            }
        }
    }

    @Test
    void createFailsWhereALogExistsAndOpenFailsWhereNoneDoes() {
        ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT).close();
        assertThrows(IllegalStateException.class, () -> ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT));
        assertThrows(IllegalStateException.class, () -> ChronicleStreamLog.open(dir.resolve("none"), LogSettings.DEFAULT));
    }

    @Test
    void aLogOpensOnlyOnceAtATime() {
        try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT)) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> ChronicleStreamLog.open(dir, LogSettings.DEFAULT));
            assertTrue(error.getMessage().contains("already open"), error.getMessage());
            assertThrows(IllegalStateException.class, () -> ChronicleStreamLog.delete(dir));
            assertEquals(0, log.nextSn());
        }
        ChronicleStreamLog.open(dir, LogSettings.DEFAULT).close();
    }

    @Test
    void closingTheLogClosesItsCursors() {
        StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT);
        TestRows.append(log, allocator, 0, 1);
        LogCursor cursor = log.openCursor(LogStart.earliest());
        log.close();
        assertThrows(IllegalStateException.class, () -> cursor.poll(allocator));
        assertThrows(IllegalStateException.class, () -> TestRows.append(log, allocator, 1, 1));
        cursor.close();
        log.close();
    }

    @Test
    void deleteLeavesFilesThatAreNotTheLogs() throws Exception {
        try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT)) {
            TestRows.append(log, allocator, 0, 5);
        }
        Files.writeString(dir.resolve("notes.txt"), "not part of the log");
        ChronicleStreamLog.delete(dir);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("notes.txt")), left.toList());
        }
    }

    @Test
    void deleteRemovesTheLog() {
        try (StreamLog log = ChronicleStreamLog.create(dir.resolve("s"), TestRows.SCHEMA, LogSettings.DEFAULT)) {
            TestRows.append(log, allocator, 0, 5);
        }
        ChronicleStreamLog.delete(dir.resolve("s"));
        assertFalse(Files.exists(dir.resolve("s")));
        ChronicleStreamLog.delete(dir.resolve("s"));
        try (StreamLog log = ChronicleStreamLog.create(dir.resolve("s"), TestRows.SCHEMA, LogSettings.DEFAULT)) {
            assertEquals(0, log.nextSn());
        }
    }
}
