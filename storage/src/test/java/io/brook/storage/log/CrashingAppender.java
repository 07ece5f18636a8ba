package io.brook.storage.log;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Child-JVM main for {@link CrashDurabilityTest}: appends batches forever, printing
 * {@code ACK <first sn> <count>} after each append returns, until the test kills it.
 *
 * <p>Arguments: log directory, {@code create} or {@code open}, first id, fsync (true/false), and
 * optionally a number of appends after which to leave a half-written entry in the queue (the
 * state a kill in the middle of an append leaves), print {@code TORN} and wait to be killed.
 * Ids go up by one per row from the first id, so the test knows the id of every acknowledged row.
 */
public final class CrashingAppender {
    static final int MAX_BATCH_ROWS = 300;

    private CrashingAppender() {
    }

    public static void main(String[] arguments) {
        Path dir = Path.of(arguments[0]);
        boolean create = arguments[1].equals("create");
        long id = Long.parseLong(arguments[2]);
        LogSettings settings = new LogSettings(-1, -1, Boolean.parseBoolean(arguments[3]));
        PrintStream out = System.out;
        Random random = new Random(id);
        BufferAllocator allocator = new RootAllocator();
        StreamLog log = create
                ? ChronicleStreamLog.create(dir, TestRows.SCHEMA, settings)
                : ChronicleStreamLog.open(dir, settings);
        out.println("READY " + log.nextSn());
        out.flush();
        int tearAfter = arguments.length > 4 ? Integer.parseInt(arguments[4]) : -1;
        for (int appended = 0; ; appended++) {
            if (appended == tearAfter) {
                tearAnEntry(dir.resolve("queue"), log.nextSn());
                out.println("TORN");
                out.flush();
                sleepUntilKilled();
            }
            int rows = 1 + random.nextInt(MAX_BATCH_ROWS);
            SnRange range = TestRows.append(log, allocator, id, rows);
            out.println("ACK " + range.first() + " " + range.count());
            out.flush();
            id += rows;
        }
    }

    /** Starts an excerpt with a valid-looking header and part of a body, and never finishes it. */
    private static void tearAnEntry(Path queueDirectory, long nextSn) {
        SingleChronicleQueue queue = LogQueues.open(queueDirectory, SystemTimeProvider.INSTANCE);
        ExcerptAppender appender = queue.createAppender();
        DocumentContext document = appender.writingDocument();
        document.wire().bytes().writeInt(EntryFormat.VERSION).writeLong(nextSn).writeInt(1_000)
                .writeLong(0).writeLong(0).writeLong(0).writeInt(4_096).writeInt(0)
                .write(new byte[1_000]);
    }

    private static void sleepUntilKilled() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
