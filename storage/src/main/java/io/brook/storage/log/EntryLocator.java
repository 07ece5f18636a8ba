package io.brook.storage.log;

import io.brook.storage.ChronicleSettings;
import java.util.NavigableSet;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Finds the entry holding a given sn by binary search, reading only headers: first over cycle
 * files (by the first sn of each), then over the entries of one cycle, whose Chronicle indexes are
 * contiguous. Sns grow with the index, so both searches are over sorted keys. A cycle with no
 * readable entry (a crash during its first append) is stepped over.
 */
final class EntryLocator {
    static {
        ChronicleSettings.disableTelemetry();
    }

    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final RollCycle rollCycle;

    EntryLocator(SingleChronicleQueue queue, ExcerptTailer tailer) {
        this.queue = queue;
        this.tailer = tailer;
        this.rollCycle = queue.rollCycle();
    }

    /**
     * The Chronicle index of the last entry whose first sn is at most {@code sn}, or
     * {@link RetentionFloor#NO_INDEX} if every entry starts after it. Moves the tailer.
     */
    long indexOfEntryContaining(long sn) {
        int firstCycle = queue.firstCycle();
        int lastCycle = queue.lastCycle();
        if (firstCycle == Integer.MAX_VALUE || lastCycle < firstCycle) {
            return RetentionFloor.NO_INDEX;
        }
        NavigableSet<Long> cycleSet = queue.listCyclesBetween(firstCycle, lastCycle);
        long[] cycles = cycleSet.stream().mapToLong(Long::longValue).toArray();
        int cycle = lastCycleStartingAtOrBefore(cycles, sn);
        if (cycle < 0) {
            return RetentionFloor.NO_INDEX;
        }
        long low = 0;
        long high = tailer.excerptsInCycle(cycle) - 1;
        long found = 0;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            long firstSn = firstSnAt(rollCycle.toIndex(cycle, middle));
            if (firstSn <= sn) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return rollCycle.toIndex(cycle, found);
    }

    private int lastCycleStartingAtOrBefore(long[] cycles, long sn) {
        int low = 0;
        int high = cycles.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int probe = middle;
            long firstSn = Long.MAX_VALUE;
            while (probe <= high && (firstSn = firstSnAt(rollCycle.toIndex((int) cycles[probe], 0))) == Long.MAX_VALUE) {
                probe++;
            }
            if (probe > high) {
                high = middle - 1;
            } else if (firstSn <= sn) {
                found = (int) cycles[probe];
                low = probe + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    /** The first sn of the entry at {@code index}, or {@link Long#MAX_VALUE} if there is none. */
    private long firstSnAt(long index) {
        if (!tailer.moveToIndex(index)) {
            return Long.MAX_VALUE;
        }
        try (DocumentContext document = tailer.readingDocument()) {
            if (!document.isPresent()) {
                return Long.MAX_VALUE;
            }
            return EntryFormat.readHeader(document.wire().bytes()).firstSn();
        }
    }
}
