package io.brook.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryFormatTest {
    @TempDir
    Path dir;

    @Test
    void aDamagedBodyIsReportedAndNotSkipped() {
        try (BufferAllocator allocator = new RootAllocator()) {
            try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT)) {
                TestRows.append(log, allocator, 0, 50);
                TestRows.append(log, allocator, 50, 50);
            }
            flipAByteInTheFirstEntrysBody();
            try (StreamLog log = ChronicleStreamLog.open(dir, LogSettings.DEFAULT);
                 LogCursor cursor = log.openCursor(LogStart.earliest())) {
                IllegalStateException error = assertThrows(IllegalStateException.class, () -> cursor.poll(allocator));
                assertTrue(error.getMessage().contains("corrupt"), error.getMessage());
                // the cursor stays on the damaged entry instead of silently passing it
                assertThrows(IllegalStateException.class, () -> cursor.poll(allocator));
                assertEquals(0, cursor.position());
            }
            try (StreamLog log = ChronicleStreamLog.open(dir, LogSettings.DEFAULT);
                 LogCursor cursor = log.openCursor(LogStart.fromSn(50))) {
                assertEquals(50, TestRows.drainIds(cursor, allocator).size());
            }
        }
    }

    @Test
    void aDamagedByteInTheMiddleOfALargeBodyIsReported() {
        try (BufferAllocator allocator = new RootAllocator()) {
            // tens of thousands of rows: a body of many copy slices
            try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT)) {
                TestRows.append(log, allocator, 0, 40_000);
            }
            try (StreamLog log = ChronicleStreamLog.open(dir, LogSettings.DEFAULT);
                 LogCursor cursor = log.openCursor(LogStart.earliest())) {
                List<Long> ids = TestRows.drainIds(cursor, allocator);
                assertEquals(40_000, ids.size());
                assertEquals(39_999L, ids.getLast());
            }
            flipAByteAt(0.5);
            try (StreamLog log = ChronicleStreamLog.open(dir, LogSettings.DEFAULT);
                 LogCursor cursor = log.openCursor(LogStart.earliest())) {
                IllegalStateException error = assertThrows(IllegalStateException.class, () -> cursor.poll(allocator));
                assertTrue(error.getMessage().contains("corrupt"), error.getMessage());
                assertEquals(0, allocator.getAllocatedMemory(), "nothing of the damaged entry is kept");
            }
        }
    }

    @Test
    void headersRoundTripThroughTheQueue() {
        try (SingleChronicleQueue queue = LogQueues.open(dir, SystemTimeProvider.INSTANCE);
             BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot batch = TestRows.batch(allocator, 7, 3);
             ArrowRecordBatch recordBatch = new VectorUnloader(batch).getRecordBatch()) {
            EntryHeader header = new EntryHeader(42, 3, -5, 9);
            StoredHeader written;
            try (DocumentContext document = queue.createAppender().writingDocument()) {
                written = EntryFormat.write(document.wire().bytes(), header, 1234, recordBatch);
            }
            try (ExcerptTailer tailer = queue.createTailer(); DocumentContext document = tailer.readingDocument()) {
                Bytes<?> bytes = document.wire().bytes();
                assertEquals(EntryFormat.HEADER_BYTES + written.bodyLength(), bytes.readRemaining());
                StoredHeader read = EntryFormat.readHeader(bytes);
                assertEquals(written, read);
                assertEquals(header, read.entry());
                assertEquals(1234, read.byteOffset());
                try (VectorSchemaRoot decoded = EntryFormat.readBody(bytes, read, TestRows.SCHEMA, allocator, new byte[100])) {
                    assertEquals(List.of(7L, 8L, 9L), TestRows.ids(decoded));
                    TestRows.assertRowsMatchIds(decoded);
                }
            }
        }
    }

    private void flipAByteInTheFirstEntrysBody() {
        flipAByteAt(-20);
    }

    /**
     * Flips one byte of the first entry: a negative {@code where} counts bytes back from its end,
     * else it is a fraction of its length.
     */
    private void flipAByteAt(double where) {
        try (SingleChronicleQueue queue = LogQueues.open(dir.resolve("queue"), SystemTimeProvider.INSTANCE);
             ExcerptTailer tailer = queue.createTailer();
             DocumentContext document = tailer.readingDocument()) {
            Bytes<?> bytes = document.wire().bytes();
            long position = where < 0 ? bytes.readLimit() + (long) where
                    : bytes.readPosition() + (long) ((bytes.readLimit() - bytes.readPosition()) * where);
            bytes.writeByte(position, (byte) ~bytes.readByte(position));
        }
    }
}
