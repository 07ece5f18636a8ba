package io.brook.storage.log;

import io.brook.storage.ChronicleSettings;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Applies a log's retention limits. A pass walks entry headers from the current floor and removes
 * entries while they are too old (newest event time before {@code now - retentionMillis}) or while
 * the log from them onwards is over {@code retentionBytes}; it stops at the first entry it keeps,
 * so it removes a prefix and sns stay contiguous. Each entry's header is read once over the life
 * of the log, so passes cost what they remove.
 *
 * <p>Order matters for crashes: the new floor is persisted first (cursors and restarts honour it),
 * and only then are files deleted; files left by a crash in between go in the next pass.
 */
final class LogRetention implements AutoCloseable {
    static {
        ChronicleSettings.disableTelemetry();
    }

    /**
     * @param floor          the floor after the pass
     * @param removed        entries the pass removed
     * @param keepFromCycle  cycle files before this one hold only removed entries; -1 if the
     *                       pass saw no entry at all
     */
    record Outcome(RetentionFloor floor, int removed, int keepFromCycle) {
    }

    private final ExcerptTailer tailer;
    private final CycleFiles cycleFiles;
    private final Path floorFile;

    LogRetention(SingleChronicleQueue queue, Path queueDirectory, Path floorFile) {
        this.tailer = queue.createTailer();
        this.tailer.singleThreadedCheckDisabled(true);
        this.cycleFiles = new CycleFiles(queue, queueDirectory);
        this.floorFile = floorFile;
    }

    /**
     * Runs one pass and persists the new floor.
     *
     * @param endByteOffset byte offset just after the last appended entry
     */
    Outcome apply(RetentionFloor floor, long endByteOffset, LogSettings settings, long nowMillis) {
        if (!floor.hasIndex() || !tailer.moveToIndex(floor.chronicleIndex())) {
            tailer.toStart();
        }
        RetentionFloor next = floor;
        int removed = 0;
        int keepFromCycle = -1;
        while (true) {
            try (DocumentContext document = tailer.readingDocument()) {
                if (!document.isPresent()) {
                    break;
                }
                StoredHeader header = EntryFormat.readHeader(document.wire().bytes());
                keepFromCycle = cycleFiles.cycleOf(document.index());
                if (header.endSn() <= floor.sn()) {
                    continue; // removed by an earlier pass, its file not yet deleted
                }
                if (!expired(header, endByteOffset, settings, nowMillis)) {
                    next = RetentionFloor.at(header, document.index());
                    break;
                }
                removed++;
                next = RetentionFloor.after(header);
            }
        }
        if (!next.equals(floor)) {
            next.write(floorFile);
        }
        return new Outcome(next, removed, keepFromCycle);
    }

    /** Deletes the cycle files a pass found to hold only removed entries. */
    void deleteExpiredFiles(Outcome outcome) {
        if (outcome.keepFromCycle() >= 0) {
            cycleFiles.deleteBefore(outcome.keepFromCycle());
        }
    }

    private static boolean expired(StoredHeader header, long endByteOffset, LogSettings settings, long nowMillis) {
        boolean tooOld = settings.limitsAge()
                && header.entry().maxTimeMillis() < nowMillis - settings.retentionMillis();
        boolean overSize = settings.limitsSize()
                && endByteOffset - header.byteOffset() > settings.retentionBytes();
        return tooOld || overSize;
    }

    @Override
    public void close() {
        tailer.close();
    }
}
