package io.brook.storage.log;

import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Reads a stream log's entries in order, from a {@link LogStart} onwards, and can wait for new
 * ones. A cursor is used by one thread at a time, but that thread may change between calls (a
 * query may hop between virtual threads). Entries that retention removed are never returned, even
 * if their files still exist.
 */
public interface LogCursor extends AutoCloseable {

    /**
     * Returns the next entry decoded into vectors allocated from {@code allocator}, or
     * {@code null} when no entry is available right now. The caller closes the entry.
     */
    LogEntry poll(BufferAllocator allocator);

    /**
     * Blocks, without spinning, until an entry may be available to {@link #poll}; returns
     * {@code false} if none arrived within the timeout. A {@code true} may be followed by a
     * {@code null} poll (e.g. when the entries are skipped by the start position), so callers
     * loop.
     *
     * @throws IllegalStateException if the cursor or its log is closed while waiting
     */
    boolean awaitData(long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * The {@code _tp_sn} just after the last entry this cursor returned or passed over; before
     * the first poll, the sn it starts from. Resuming with {@link LogStart#fromSn} at this value
     * continues where this cursor left off.
     */
    long position();

    @Override
    void close();
}
