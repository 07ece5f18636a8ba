package io.brook.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentAppendTest {
    private static final int THREADS = 4;
    private static final int APPENDS_PER_THREAD = 100;

    @TempDir
    Path dir;

    @Test
    void appendsFromFourThreadsGetUniqueContiguousSns() throws Exception {
        // each thread writes ids thread * 1_000_000 + k and records which sn range each batch got
        var idOfSn = new ConcurrentHashMap<Long, Long>();
        List<SnRange> ranges = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
             StreamLog log = ChronicleStreamLog.create(dir, TestRows.SCHEMA, LogSettings.DEFAULT);
             ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<List<SnRange>>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                long firstId = thread * 1_000_000L;
                results.add(pool.submit(() -> {
                    start.await();
                    List<SnRange> mine = new ArrayList<>();
                    long id = firstId;
                    for (int append = 0; append < APPENDS_PER_THREAD; append++) {
                        int rows = 1 + append % 13;
                        SnRange range = TestRows.append(log, allocator, id, rows);
                        for (int row = 0; row < rows; row++) {
                            idOfSn.put(range.first() + row, id + row);
                        }
                        mine.add(range);
                        id += rows;
                    }
                    return mine;
                }));
            }
            for (Future<List<SnRange>> result : results) {
                ranges.addAll(result.get());
            }
            ranges.sort(Comparator.comparingLong(SnRange::first));
            long expected = 0;
            for (SnRange range : ranges) {
                assertEquals(expected, range.first(), "gap or overlap before " + range);
                expected = range.end();
            }
            assertEquals(expected, log.nextSn());
            assertEquals(THREADS * APPENDS_PER_THREAD, ranges.size());
            try (LogCursor cursor = log.openCursor(LogStart.earliest())) {
                List<Long> ids = TestRows.drainIds(cursor, allocator);
                assertEquals(expected, ids.size());
                for (int sn = 0; sn < ids.size(); sn++) {
                    assertEquals(idOfSn.get((long) sn), ids.get(sn), "row at sn " + sn);
                }
            }
        }
    }
}
