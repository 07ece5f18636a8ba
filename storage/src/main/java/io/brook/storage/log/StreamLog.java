package io.brook.storage.log;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The durable, append-only log of one stream. Each append becomes one entry holding a batch of
 * rows; rows are numbered by {@code _tp_sn}, counting from 0 for a new stream, contiguous across
 * appends and restarts.
 */
public interface StreamLog extends AutoCloseable {

    /** The Arrow schema of every entry, fixed when the log was created. */
    Schema schema();

    /**
     * Appends {@code batch} (which must have {@link #schema()}'s fields) as one entry and returns
     * the sn range given to its rows. Returns only once the entry is in the log, so a process
     * killed right after still has it; with {@link LogSettings#fsync()} it is also on disk.
     * Thread-safe. An empty batch writes nothing and returns an empty range at {@link #nextSn()}.
     *
     * @param minTimeMillis smallest event time among the rows, stored in the entry header
     * @param maxTimeMillis largest event time among the rows, stored in the entry header
     * @throws IllegalArgumentException if the batch has other fields, if {@code minTimeMillis >
     *                                  maxTimeMillis}, or if the batch encodes to more than one
     *                                  entry can hold (64 MiB); nothing is appended then
     * @throws IllegalStateException    if the log is closed
     */
    SnRange append(VectorSchemaRoot batch, long minTimeMillis, long maxTimeMillis);

    /** The sn the next appended row will get. */
    long nextSn();

    /** Rows currently kept (appended and not removed by retention). */
    long rowCount();

    /** Bytes of the entries currently kept (headers and encoded rows, not Chronicle's file overhead). */
    long sizeBytes();

    LogCursor openCursor(LogStart start);

    /**
     * Opens {@code count} cursors from {@code start} that share one position, to read one range
     * on several threads: each entry goes to exactly one of them, whichever reaches it first, and
     * the others pass over it by its header. Each cursor is used by one thread and closed by the
     * caller; {@link LogCursor#position()} is the shared position.
     */
    List<LogCursor> openCursors(LogStart start, int count);

    /**
     * Removes the oldest entries that are older than the retention time (by their newest event
     * time) or that push the log over the retention size, and deletes files that hold only
     * removed entries. Retention removes a prefix: it stops at the first entry it must keep.
     *
     * @return the number of entries removed
     */
    int applyRetention(long nowMillis);

    @Override
    void close();
}
