package io.brook.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwaitDataTest {
    private final BufferAllocator allocator = new RootAllocator();
    private StreamLog log;

    @TempDir
    Path dir;

    @BeforeEach
    void createLog() {
        log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT);
        TestRows.append(log, allocator, 0, 3);
    }

    @AfterEach
    void close() {
        log.close();
        allocator.close();
    }

    @Test
    void returnsAtOnceWhenAnEntryIsWaiting() throws InterruptedException {
        try (LogCursor cursor = log.openCursor(LogStart.earliest())) {
            assertTrue(cursor.awaitData(0, TimeUnit.MILLISECONDS));
            TestRows.drainIds(cursor, allocator);
            assertFalse(cursor.awaitData(0, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void wakesWhenAnotherThreadAppends() throws Exception {
        try (LogCursor cursor = log.openCursor(LogStart.latest())) {
            AtomicLong wokenAt = new AtomicLong();
            CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
                try {
                    boolean available = cursor.awaitData(10, TimeUnit.SECONDS);
                    wokenAt.set(System.nanoTime());
                    return available;
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            assertFalse(waiter.isDone());
            long appendedAt = System.nanoTime();
            TestRows.append(log, allocator, 3, 1);
            assertTrue(waiter.get(5, TimeUnit.SECONDS));
            long wakeMillis = TimeUnit.NANOSECONDS.toMillis(wokenAt.get() - appendedAt);
            assertTrue(wakeMillis < 1_000, "woke " + wakeMillis + " ms after the append");
            try (LogEntry entry = cursor.poll(allocator)) {
                assertNotNull(entry);
                assertEquals(3, entry.header().firstSn());
            }
        }
    }

    @Test
    void timesOutWithoutSpinning() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (LogCursor cursor = log.openCursor(LogStart.latest())) {
            CompletableFuture<long[]> result = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    long cpuBefore = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    boolean available = cursor.awaitData(500, TimeUnit.MILLISECONDS);
                    long elapsed = System.nanoTime() - start;
                    long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
                    result.complete(new long[] {available ? 1 : 0, elapsed, cpu});
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            long[] outcome = result.get(5, TimeUnit.SECONDS);
            waiter.join();
            assertEquals(0, outcome[0], "no data arrived, so awaitData must report a timeout");
            assertTrue(outcome[1] >= TimeUnit.MILLISECONDS.toNanos(500), "returned early: " + outcome[1] + " ns");
            long cpuMillis = TimeUnit.NANOSECONDS.toMillis(outcome[2]);
            assertTrue(cpuMillis < 50, "waiting used " + cpuMillis + " ms of CPU in 500 ms");
        }
    }

    @Test
    void closingTheLogWakesWaitersWithAnError() throws Exception {
        LogCursor cursor = log.openCursor(LogStart.latest());
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return cursor.awaitData(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        long closedAt = System.nanoTime();
        log.close();
        Throwable failure = waiter.handle((value, error) -> error).get(5, TimeUnit.SECONDS);
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertTrue(System.nanoTime() - closedAt < TimeUnit.SECONDS.toNanos(2));
    }
}
