package io.brook.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogCursorTest {
    private static final int ENTRIES = 30;
    private static final int ROWS_PER_ENTRY = 10;

    private final BufferAllocator allocator = new RootAllocator();
    private final SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000));
    private StreamLog log;

    @TempDir
    Path dir;

    /** 30 entries of 10 rows, four minutes apart on the append clock: spread over a dozen cycle files. */
    @BeforeEach
    void fillLog() throws Exception {
        log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT, clock);
        for (int entry = 0; entry < ENTRIES; entry++) {
            TestRows.append(log, allocator, (long) entry * ROWS_PER_ENTRY, ROWS_PER_ENTRY);
            clock.advanceMillis(TimeUnit.MINUTES.toMillis(4));
        }
        try (Stream<Path> files = Files.list(dir.resolve("queue"))) {
            assertTrue(files.filter(file -> file.toString().endsWith(".cq4")).count() >= 10);
        }
    }

    @AfterEach
    void close() {
        log.close();
        allocator.close();
    }

    @Test
    void earliestReadsEverythingAndTracksPosition() {
        try (LogCursor cursor = log.openCursor(LogStart.earliest())) {
            assertEquals(0, cursor.position());
            List<Long> ids = TestRows.drainIds(cursor, allocator);
            assertEquals(LongStream.range(0, ENTRIES * ROWS_PER_ENTRY).boxed().toList(), ids);
            assertEquals(ENTRIES * ROWS_PER_ENTRY, cursor.position());
            assertNull(cursor.poll(allocator));
        }
    }

    @Test
    void fromSnStartsAtTheEntryContainingTheSn() {
        for (long sn : new long[] {0, 1, 9, 10, 11, 155, 199, 200, 290, 299}) {
            try (LogCursor cursor = log.openCursor(LogStart.fromSn(sn)); LogEntry first = cursor.poll(allocator)) {
                assertNotNull(first, "sn " + sn);
                assertEquals(sn / ROWS_PER_ENTRY * ROWS_PER_ENTRY, first.header().firstSn(), "sn " + sn);
                assertEquals(first.header().endSn(), cursor.position());
                List<Long> rest = TestRows.drainIds(cursor, allocator);
                assertEquals(ENTRIES * ROWS_PER_ENTRY - first.header().endSn(), rest.size(), "sn " + sn);
            }
        }
    }

    @Test
    void fromSnBeyondTheEndWaitsForTheEntryContainingIt() {
        try (LogCursor cursor = log.openCursor(LogStart.fromSn(305))) {
            assertEquals(305, cursor.position());
            assertNull(cursor.poll(allocator));
            TestRows.append(log, allocator, 300, 3); // sns 300..302: before the start
            assertNull(cursor.poll(allocator));
            TestRows.append(log, allocator, 303, 5); // sns 303..307 contain 305
            try (LogEntry entry = cursor.poll(allocator)) {
                assertNotNull(entry);
                assertEquals(303, entry.header().firstSn());
            }
            assertEquals(308, cursor.position());
        }
    }

    @Test
    void fromTimeSkipsOlderEntriesByHeaderWithoutDecodingThem() {
        // entry k holds ids 10k..10k+9, so its max time is timeOf(10k + 9)
        long from = TestRows.timeOf(125);
        try (LogCursor cursor = log.openCursor(LogStart.fromTime(from))) {
            List<Long> ids = TestRows.drainIds(cursor, allocator);
            assertEquals(120, ids.getFirst());
            assertEquals(ENTRIES * ROWS_PER_ENTRY - 120, ids.size());
            assertEquals(ENTRIES - 12, ((ChronicleLogCursor) cursor).decodedEntries());
        }
    }

    @Test
    void fromTimeAfterEverythingWaitsForNewEntries() {
        try (LogCursor cursor = log.openCursor(LogStart.fromTime(TestRows.timeOf(10_000)))) {
            assertNull(cursor.poll(allocator));
            assertEquals(ENTRIES * ROWS_PER_ENTRY, cursor.position());
            TestRows.append(log, allocator, 10_000, 2);
            assertEquals(List.of(10_000L, 10_001L), TestRows.drainIds(cursor, allocator));
            assertEquals(1, ((ChronicleLogCursor) cursor).decodedEntries());
        }
    }

    @Test
    void latestSeesOnlyEntriesAppendedAfterOpening() {
        try (LogCursor cursor = log.openCursor(LogStart.latest())) {
            assertEquals(300, cursor.position());
            assertNull(cursor.poll(allocator));
            TestRows.append(log, allocator, 300, 4);
            clock.advanceMillis(TimeUnit.MINUTES.toMillis(15)); // the next entry opens a new cycle file
            TestRows.append(log, allocator, 304, 1);
            assertEquals(List.of(300L, 301L, 302L, 303L, 304L), TestRows.drainIds(cursor, allocator));
        }
    }

    @Test
    void aCursorCanMoveBetweenThreads() throws Exception {
        try (LogCursor cursor = log.openCursor(LogStart.earliest());
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < ENTRIES; i++) {
                Future<List<Long>> batch = threads.submit(() -> {
                    try (LogEntry entry = cursor.poll(allocator)) {
                        return TestRows.ids(entry.batch());
                    }
                });
                ids.addAll(batch.get());
            }
            Thread platform = Thread.ofPlatform().start(() -> assertNull(cursor.poll(allocator)));
            platform.join();
            assertEquals(LongStream.range(0, ENTRIES * ROWS_PER_ENTRY).boxed().toList(), ids);
        }
    }

    @Test
    void cursorsSharingAPositionSplitTheEntriesBetweenThemOnThreads() throws Exception {
        for (LogStart start : List.of(LogStart.earliest(), LogStart.fromSn(155), LogStart.fromTime(TestRows.timeOf(125)))) {
            List<LogCursor> cursors = log.openCursors(start, 3);
            try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
                List<Future<List<Long>>> parts = new ArrayList<>();
                for (LogCursor cursor : cursors) {
                    parts.add(threads.submit(() -> TestRows.drainIds(cursor, allocator)));
                }
                List<Long> ids = new ArrayList<>();
                long decoded = 0;
                for (int part = 0; part < parts.size(); part++) {
                    ids.addAll(parts.get(part).get());
                    decoded += ((ChronicleLogCursor) cursors.get(part)).decodedEntries();
                }
                ids.sort(null);
                long first = switch (start) {
                    case LogStart.FromSn fromSn -> fromSn.sn() / ROWS_PER_ENTRY * ROWS_PER_ENTRY;
                    case LogStart.FromTime ignored -> 120;
                    default -> 0;
                };
                assertEquals(LongStream.range(first, ENTRIES * ROWS_PER_ENTRY).boxed().toList(), ids, "every row once, " + start);
                assertEquals(ENTRIES - first / ROWS_PER_ENTRY, decoded, "every entry decoded once, " + start);
                for (LogCursor cursor : cursors) {
                    assertEquals(ENTRIES * ROWS_PER_ENTRY, cursor.position());
                }
            } finally {
                cursors.forEach(LogCursor::close);
            }
        }
    }

    @Test
    void aSharedPositionGivesEachEntryToTheCursorThatGetsThereFirst() {
        List<LogCursor> cursors = log.openCursors(LogStart.earliest(), 2);
        try {
            LogCursor one = cursors.get(0);
            LogCursor two = cursors.get(1);
            List<Long> fromOne = new ArrayList<>();
            try (LogEntry entry = one.poll(allocator)) {
                fromOne.addAll(TestRows.ids(entry.batch()));
            }
            try (LogEntry entry = two.poll(allocator)) {
                assertEquals(10, entry.header().firstSn(), "the second cursor passes over what the first took");
            }
            try (LogEntry entry = one.poll(allocator)) {
                assertEquals(20, entry.header().firstSn());
            }
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), fromOne);
            assertEquals(ENTRIES - 3, TestRows.forEachEntry(two, allocator, entry -> { }));
            assertNull(one.poll(allocator));
        } finally {
            cursors.forEach(LogCursor::close);
        }
    }
}
