package io.brook.storage.log;

import io.brook.storage.ChronicleSettings;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A {@link LogCursor} over a Chronicle tailer.
 *
 * <p>{@link #position()} doubles as the skip rule: an entry that ends at or before it is passed
 * over by its header alone. That one rule serves every start (an sn, "latest", the retention
 * floor), because positions only move forward and the floor is always an entry boundary.
 *
 * <p>The tailer's own single-thread check is off, since a cursor may move between threads; a lock
 * keeps {@link #poll} and {@link #close} (which the log may call from another thread) apart, so
 * the tailer is never released while it is reading mapped memory.
 */
final class ChronicleLogCursor implements LogCursor {
    static {
        ChronicleSettings.disableTelemetry();
    }

    private static final int SCRATCH_BYTES = 64 * 1024;

    private final ChronicleStreamLog log;
    private final ExcerptTailer tailer;
    private final ReentrantLock lock = new ReentrantLock();
    private final byte[] scratch = new byte[SCRATCH_BYTES];
    private final long notBeforeMillis;
    private boolean seekingTime;
    private volatile long position;
    private volatile boolean closed;
    private long decodedEntries;

    /**
     * @param startSn          entries ending at or before this sn are skipped
     * @param notBeforeMillis  until an entry with a max time at least this is found, entries are
     *                         skipped; {@link Long#MIN_VALUE} to skip none
     */
    ChronicleLogCursor(ChronicleStreamLog log, ExcerptTailer tailer, long startSn, long notBeforeMillis) {
        this.log = log;
        this.tailer = tailer;
        this.position = startSn;
        this.notBeforeMillis = notBeforeMillis;
        this.seekingTime = notBeforeMillis != Long.MIN_VALUE;
    }

    @Override
    public LogEntry poll(BufferAllocator allocator) {
        lock.lock();
        try {
            checkOpen();
            while (true) {
                skipRemovedEntries();
                try (DocumentContext document = tailer.readingDocument()) {
                    if (!document.isPresent()) {
                        return null;
                    }
                    LogEntry entry;
                    try {
                        entry = readOrSkip(document, allocator);
                    } catch (RuntimeException e) {
                        // stay on this entry: a full allocator may have room on the next try,
                        // and a corrupt entry keeps failing rather than being silently passed
                        document.rollbackOnClose();
                        throw e;
                    }
                    if (entry != null) {
                        return entry;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Moves past entries retention removed, even if this cursor never got to them. */
    private void skipRemovedEntries() {
        RetentionFloor floor = log.floor();
        if (position < floor.sn()) {
            position = floor.sn();
        }
        if (floor.hasIndex() && tailer.index() < floor.chronicleIndex()) {
            tailer.moveToIndex(floor.chronicleIndex());
        }
    }

    /** Returns the entry in {@code document}, or null after passing over it. */
    private LogEntry readOrSkip(DocumentContext document, BufferAllocator allocator) {
        Bytes<?> bytes = document.wire().bytes();
        StoredHeader header = EntryFormat.readHeader(bytes);
        if (header.endSn() <= position || (seekingTime && header.entry().maxTimeMillis() < notBeforeMillis)) {
            position = Math.max(position, header.endSn());
            return null;
        }
        VectorSchemaRoot batch = EntryFormat.readBody(bytes, header, log.schema(), allocator, scratch);
        seekingTime = false;
        position = header.endSn();
        decodedEntries++;
        return new LogEntry(header.entry(), batch);
    }

    @Override
    public boolean awaitData(long timeout, TimeUnit unit) throws InterruptedException {
        return log.signal().await(() -> {
            checkOpen();
            return position < log.nextSn();
        }, unit.toNanos(timeout));
    }

    @Override
    public long position() {
        return position;
    }

    /** Entries decoded so far; lets tests see that skipped entries were not decoded. */
    long decodedEntries() {
        return decodedEntries;
    }

    @Override
    public void close() {
        if (closeTailer()) {
            log.forget(this);
        }
    }

    /** Closes the tailer; returns false if it was already closed. Used by the log as it closes. */
    boolean closeTailer() {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            tailer.close();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Log cursor is closed");
        }
        log.checkOpen();
    }
}
