package io.brook.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    private static final long MINUTE = TimeUnit.MINUTES.toMillis(1);

    private final BufferAllocator allocator = new RootAllocator();
    private final SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000));

    @TempDir
    Path dir;

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Ten entries of ten rows: entry k has ids (and event times relative to BASE_TIME) 10k..10k+9. */
    private void appendTenEntries(StreamLog log) {
        for (int entry = 0; entry < 10; entry++) {
            TestRows.append(log, allocator, entry * 10L, 10);
        }
    }

    @Test
    void dropsEntriesOlderThanTheRetentionTime() {
        LogSettings settings = new LogSettings(1_000, -1, false);
        try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, settings, clock)) {
            appendTenEntries(log);
            LogCursor early = log.openCursor(LogStart.earliest());
            long now = TestRows.timeOf(45) + 1_000; // entries whose max time is before timeOf(45) go
            assertEquals(4, log.applyRetention(now));
            assertEquals(0, log.applyRetention(now));
            assertEquals(60, log.rowCount());
            assertEquals(100, log.nextSn());
            // a cursor opened before retention ran must not return what it removed
            assertEquals(LongStream.range(40, 100).boxed().toList(), TestRows.drainIds(early, allocator));
            early.close();
            try (LogCursor cursor = log.openCursor(LogStart.earliest())) {
                assertEquals(40, cursor.position());
                assertEquals(LongStream.range(40, 100).boxed().toList(), TestRows.drainIds(cursor, allocator));
            }
            try (LogCursor cursor = log.openCursor(LogStart.fromSn(5))) {
                assertEquals(40, TestRows.drainIds(cursor, allocator).getFirst());
            }
        }
    }

    @Test
    void keepsTheLogUnderTheRetentionSize() {
        long entryBytes;
        try (StreamLog log = ChronicleStreamLog.create(dir.resolve("probe"), TestRows.SCHEMA, LogSettings.DEFAULT)) {
            TestRows.append(log, allocator, 0, 10);
            entryBytes = log.sizeBytes();
        }
        // room for three and a half entries (all entries of 10 rows encode to about the same size)
        LogSettings settings = new LogSettings(-1, entryBytes * 7 / 2, false);
        try (StreamLog log = ChronicleStreamLog.create(dir.resolve("log"), TestRows.SCHEMA, settings, clock)) {
            appendTenEntries(log);
            assertTrue(log.sizeBytes() > settings.retentionBytes());
            assertEquals(7, log.applyRetention(0));
            assertTrue(log.sizeBytes() <= settings.retentionBytes(), "size " + log.sizeBytes());
            assertEquals(30, log.rowCount());
            try (LogCursor cursor = log.openCursor(LogStart.earliest())) {
                assertEquals(LongStream.range(70, 100).boxed().toList(), TestRows.drainIds(cursor, allocator));
            }
        }
    }

    @Test
    void deletesACycleFileOnlyWhenAllItsEntriesAreGone() {
        Path queue = dir.resolve("queue");
        try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, new LogSettings(1_000, -1, false), clock)) {
            // cycle A: entries 0-2, cycle B: entries 3-5, cycle C: entries 6-9
            for (int entry = 0; entry < 10; entry++) {
                TestRows.append(log, allocator, entry * 10L, 10);
                if (entry == 2 || entry == 5) {
                    clock.advanceMillis(15 * MINUTE);
                }
            }
            List<Path> files = cycleFiles(queue);
            assertEquals(3, files.size());
            LogCursor lagging = log.openCursor(LogStart.earliest());
            try (LogEntry first = lagging.poll(allocator)) {
                assertEquals(0, first.header().firstSn()); // the lagging cursor now maps file A
            }
            assertEquals(2, log.applyRetention(TestRows.timeOf(25) + 1_000)); // part of A: no file goes
            assertEquals(files, cycleFiles(queue));
            assertEquals(2, log.applyRetention(TestRows.timeOf(45) + 1_000)); // rest of A, part of B
            assertEquals(files.subList(1, 3), cycleFiles(queue));
            assertEquals(LongStream.range(40, 100).boxed().toList(), TestRows.drainIds(lagging, allocator));
            lagging.close();
            try (LogCursor cursor = log.openCursor(LogStart.earliest())) {
                assertEquals(40, TestRows.drainIds(cursor, allocator).getFirst());
            }
        }
    }

    @Test
    void removedEntriesStayRemovedAfterReopen() {
        LogSettings settings = new LogSettings(1_000, -1, false);
        try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, settings, clock)) {
            appendTenEntries(log);
            assertEquals(3, log.applyRetention(TestRows.timeOf(35) + 1_000));
        }
        try (StreamLog log = ChronicleStreamLog.open(dir, settings)) {
            assertEquals(70, log.rowCount());
            assertEquals(100, log.nextSn());
            try (LogCursor cursor = log.openCursor(LogStart.earliest())) {
                assertEquals(LongStream.range(30, 100).boxed().toList(), TestRows.drainIds(cursor, allocator));
            }
        }
    }

    @Test
    void removingEverythingKeepsTheSnsGoing() {
        LogSettings settings = new LogSettings(1_000, -1, false);
        try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, settings, clock)) {
            appendTenEntries(log);
            clock.advanceMillis(30 * MINUTE);
            TestRows.append(log, allocator, 100, 5);
            assertEquals(11, log.applyRetention(TestRows.timeOf(1_000_000)));
            assertEquals(0, log.rowCount());
            assertEquals(0, log.sizeBytes());
            assertEquals(1, cycleFiles(dir.resolve("queue")).size()); // the last entry's file stays
            try (LogCursor cursor = log.openCursor(LogStart.earliest())) {
                assertNull(cursor.poll(allocator));
                assertEquals(105, cursor.position());
            }
        }
        try (StreamLog log = ChronicleStreamLog.open(dir, settings)) {
            assertEquals(105, log.nextSn());
            assertEquals(new SnRange(105, 2), TestRows.append(log, allocator, 105, 2));
            try (LogCursor cursor = log.openCursor(LogStart.earliest())) {
                assertEquals(List.of(105L, 106L), TestRows.drainIds(cursor, allocator));
            }
        }
    }

    @Test
    void withoutLimitsNothingIsRemoved() {
        try (StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT, clock)) {
            appendTenEntries(log);
            assertEquals(0, log.applyRetention(Long.MAX_VALUE));
            assertEquals(100, log.rowCount());
            assertFalse(cycleFiles(dir.resolve("queue")).isEmpty());
        }
    }

    private static List<Path> cycleFiles(Path queue) {
        try (Stream<Path> files = Files.list(queue)) {
            return files.filter(file -> file.toString().endsWith(".cq4")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
