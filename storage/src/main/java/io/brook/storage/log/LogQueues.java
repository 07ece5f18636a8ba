package io.brook.storage.log;

import io.brook.storage.ChronicleSettings;
import java.nio.file.Path;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * Opens the Chronicle queue behind a stream log, configured the one way Brook uses.
 *
 * <p>Roll cycle: ten minutes. Chronicle starts a new file per cycle, and retention can only
 * delete whole files, so the cycle bounds how much expired data lingers on disk (at most about
 * ten minutes' worth beyond the retention limit). Shorter cycles would mean many small files for
 * long retentions (a week is at most ~1,000 files); a cycle holds up to 2^30 entries, far more
 * than ten minutes of appends.
 *
 * <p>Block size: 256 MiB. Chronicle maps files in blocks and limits one excerpt to a quarter of a
 * block, so an entry may be up to 64 MiB encoded. Files are sparse, so the block size costs
 * address space, not disk.
 */
final class LogQueues {
    static {
        ChronicleSettings.disableTelemetry();
    }

    static final long BLOCK_SIZE = 256L << 20;
    static final long MAX_ENTRY_BYTES = BLOCK_SIZE / 4;

    private LogQueues() {
    }

    static RollCycle rollCycle() {
        return RollCycles.TEN_MINUTELY;
    }

    /** Opens or creates the queue in {@code directory}; {@code clock} decides the cycle of an append. */
    static SingleChronicleQueue open(Path directory, TimeProvider clock) {
        return SingleChronicleQueueBuilder.binary(directory)
                .rollCycle(rollCycle())
                .blockSize(BLOCK_SIZE)
                .timeProvider(clock)
                .build();
    }
}
