package io.brook.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryLocatorTest {
    @TempDir
    Path dir;

    @Test
    void findsTheEntryHoldingAnSnAcrossCycleFiles() {
        SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000));
        try (BufferAllocator allocator = new RootAllocator();
             StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT, clock)) {
            // entry k holds sns 7k..7k+6; three entries per ten-minute cycle
            for (int entry = 0; entry < 40; entry++) {
                TestRows.append(log, allocator, entry * 7L, 7);
                clock.advanceMillis(TimeUnit.MINUTES.toMillis(3) + 20_000);
            }
        }
        try (SingleChronicleQueue queue = LogQueues.open(dir.resolve("queue"), clock);
             ExcerptTailer tailer = queue.createTailer()) {
            assertTrue(queue.lastCycle() - queue.firstCycle() >= 10);
            EntryLocator locator = new EntryLocator(queue, tailer);
            for (long sn = 0; sn < 40 * 7 + 10; sn++) {
                long index = locator.indexOfEntryContaining(sn);
                assertTrue(tailer.moveToIndex(index), "sn " + sn);
                try (DocumentContext document = tailer.readingDocument()) {
                    long firstSn = EntryFormat.readHeader(document.wire().bytes()).firstSn();
                    assertEquals(Math.min(sn / 7, 39) * 7, firstSn, "sn " + sn);
                }
            }
        }
    }

    @Test
    void reportsNoEntryInAnEmptyQueue() {
        try (SingleChronicleQueue queue = LogQueues.open(dir, new SetTimeProvider(0));
             ExcerptTailer tailer = queue.createTailer()) {
            assertEquals(RetentionFloor.NO_INDEX, new EntryLocator(queue, tailer).indexOfEntryContaining(5));
        }
    }
}
