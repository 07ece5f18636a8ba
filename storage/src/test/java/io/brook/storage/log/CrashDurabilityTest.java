package io.brook.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.brook.storage.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM with SIGKILL while it appends, then checks that every append it acknowledged
 * is in the log exactly once with the sns it was given, that sns stay contiguous, and that the log
 * still takes appends. Five rounds on the same log, so recovery after a crash is itself crashed
 * into; odd rounds use fsync.
 */
class CrashDurabilityTest {
    private static final int ROUNDS = 5;
    private static final long IDS_PER_ROUND = 1_000_000_000L;
    private static final String END_OF_OUTPUT = "";

    @TempDir
    Path dir;

    @Test
    void acknowledgedAppendsSurviveSigkill() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path log = dir.resolve("log");
        Map<Long, Integer> acknowledgedRowsPerRound = new HashMap<>();
        Map<Long, List<SnRange>> acknowledgedRangesPerRound = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            String context = "seed " + seed + ", round " + round;
            long firstId = round * IDS_PER_ROUND;
            int killAfter = 20 + random.nextInt(381);
            List<SnRange> acks = runAndKill(log, round == 0, firstId, round % 2 == 1, killAfter, context);
            assertTrue(acks.size() >= killAfter, context);
            acknowledgedRangesPerRound.put(firstId, acks);
            acknowledgedRowsPerRound.put(firstId, acks.stream().mapToInt(range -> (int) range.count()).sum());
            verifyAndAppend(log, acknowledgedRangesPerRound, acknowledgedRowsPerRound, round, context);
        }
    }

    /**
     * A kill in the middle of an append leaves an excerpt that was started and never finished,
     * while the dead process still owns Chronicle's write lock. Forced here, since a random kill
     * rarely lands inside the short write.
     */
    @Test
    void aHalfWrittenEntryDoesNotBreakTheLog() throws Exception {
        Path log = dir.resolve("log");
        List<SnRange> acks = runAndKill(log, true, 0, false, 25, "torn", "TORN", "25");
        assertEquals(25, acks.size());
        long start = System.nanoTime();
        verifyAndAppend(log, Map.of(0L, acks), Map.of(0L, acks.stream().mapToInt(range -> (int) range.count()).sum()),
                0, "torn");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(seconds < 5, "recovering took " + seconds + " s");
        // the entry appended after recovery must follow the acknowledged ones, with no trace of the torn one
        try (BufferAllocator allocator = new RootAllocator();
             StreamLog reopened = ChronicleStreamLog.open(log, LogSettings.DEFAULT)) {
            assertEquals(reopened.nextSn(), readAll(reopened, allocator, "torn, reopened").size());
        }
    }

    /** Runs {@link CrashingAppender} until it acknowledged {@code killAfter} appends, then kills it. */
    private List<SnRange> runAndKill(Path log, boolean create, long firstId, boolean fsync, int killAfter,
                                     String context) throws Exception {
        return runAndKill(log, create, firstId, fsync, killAfter, context, null);
    }

    /**
     * As above; with {@code waitFor} set, kills once the child printed that line instead, and
     * passes {@code extraArguments} on.
     */
    private List<SnRange> runAndKill(Path log, boolean create, long firstId, boolean fsync, int killAfter,
                                     String context, String waitFor, String... extraArguments) throws Exception {
        Path errors = dir.resolve("child-" + firstId + ".err");
        List<String> arguments = new ArrayList<>(List.of(
                log.toString(), create ? "create" : "open", Long.toString(firstId), Boolean.toString(fsync)));
        arguments.addAll(List.of(extraArguments));
        Process child = ChildJvm.start(CrashingAppender.class, ChildJvm.brookFlags(), errors,
                arguments.toArray(String[]::new));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> readCompleteLines(child.getInputStream(), lines));
        List<SnRange> acks = new ArrayList<>();
        try {
            boolean killNow = false;
            while (!killNow) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                if (line == null || line.equals(END_OF_OUTPUT)) {
                    fail("child stopped early (" + context + "): " + Files.readString(errors));
                }
                parseAck(line).ifPresent(acks::add);
                killNow = waitFor == null ? acks.size() >= killAfter : line.equals(waitFor);
            }
        } finally {
            // SIGKILL on Linux; through the handle, because Process.destroyForcibly also closes
            // our end of the pipe, losing acknowledgements the child had already written
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), context);
        }
        reader.join();
        // acknowledgements already written to the pipe when the kill landed count too
        for (String line = lines.take(); !line.equals(END_OF_OUTPUT); line = lines.take()) {
            parseAck(line).ifPresent(acks::add);
        }
        return acks;
    }

    /**
     * Reopens the log, checks it, then appends one batch of marker rows and reads them back. The
     * marker rows use ids at the top of the round's id range.
     */
    private void verifyAndAppend(Path logDir, Map<Long, List<SnRange>> acknowledgedRanges,
                                 Map<Long, Integer> acknowledgedRows, int round, String context) {
        try (BufferAllocator allocator = new RootAllocator();
             StreamLog log = ChronicleStreamLog.open(logDir, LogSettings.DEFAULT)) {
            Map<Long, Long> snOfId = readAll(log, allocator, context);
            assertEquals(log.nextSn(), snOfId.size(), context);
            for (Map.Entry<Long, List<SnRange>> roundAcks : acknowledgedRanges.entrySet()) {
                long id = roundAcks.getKey();
                for (SnRange range : roundAcks.getValue()) {
                    for (long sn = range.first(); sn <= range.last(); sn++, id++) {
                        assertEquals(sn, snOfId.get(id), "acknowledged row id " + id + " (" + context + ")");
                    }
                }
            }
            long roundIds = snOfId.keySet().stream()
                    .filter(id -> id / IDS_PER_ROUND == round && id % IDS_PER_ROUND < IDS_PER_ROUND / 2)
                    .count();
            long unacknowledged = roundIds - acknowledgedRows.get(round * IDS_PER_ROUND);
            assertTrue(unacknowledged >= 0 && unacknowledged <= CrashingAppender.MAX_BATCH_ROWS,
                    unacknowledged + " rows beyond the acknowledged ones (" + context + ")");

            long markerId = round * IDS_PER_ROUND + IDS_PER_ROUND - 10;
            long expectedSn = log.nextSn();
            assertEquals(new SnRange(expectedSn, 3), TestRows.append(log, allocator, markerId, 3), context);
            try (LogCursor cursor = log.openCursor(LogStart.fromSn(expectedSn))) {
                assertEquals(List.of(markerId, markerId + 1, markerId + 2), TestRows.drainIds(cursor, allocator), context);
            }
        }
    }

    /** All rows, checking sns are contiguous from 0 and ids unique; returns each id's sn. */
    private static Map<Long, Long> readAll(StreamLog log, BufferAllocator allocator, String context) {
        Map<Long, Long> snOfId = new HashMap<>();
        long[] expectedSn = {0};
        try (LogCursor cursor = log.openCursor(LogStart.earliest())) {
            TestRows.forEachEntry(cursor, allocator, entry -> {
                assertEquals(expectedSn[0], entry.header().firstSn(), "sn gap (" + context + ")");
                TestRows.assertRowsMatchIds(entry.batch());
                List<Long> ids = TestRows.ids(entry.batch());
                for (int row = 0; row < ids.size(); row++) {
                    Long previous = snOfId.put(ids.get(row), expectedSn[0] + row);
                    assertNull(previous, "id " + ids.get(row) + " stored twice (" + context + ")");
                }
                expectedSn[0] = entry.header().endSn();
            });
        }
        assertEquals(log.nextSn(), expectedSn[0], context);
        return snOfId;
    }

    private static Optional<SnRange> parseAck(String line) {
        if (!line.startsWith("ACK ")) {
            return Optional.empty();
        }
        String[] parts = line.split(" ");
        return Optional.of(new SnRange(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
    }

    /**
     * Passes on only lines ended by a newline: a kill can cut the last line short, and a half
     * "ACK" must not count. Ends with {@link #END_OF_OUTPUT}.
     */
    private static void readCompleteLines(InputStream stream, BlockingQueue<String> lines) {
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int c = reader.read(); c >= 0; c = reader.read()) {
                if (c == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }
}
