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
 * A {@link LogCursor} over a Chronicle tailer. Which entries it decodes and which it passes over
 * by their header alone is its {@link ReadPosition}'s decision; cursors that share one position
 * split the entries between them.
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
    private final ReadPosition position;
    private volatile boolean closed;
    private long decodedEntries;

    ChronicleLogCursor(ChronicleStreamLog log, ExcerptTailer tailer, ReadPosition position) {
        this.log = log;
        this.tailer = tailer;
        this.position = position;
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
        position.moveToAtLeast(floor.sn());
        if (floor.hasIndex() && tailer.index() < floor.chronicleIndex()) {
            tailer.moveToIndex(floor.chronicleIndex());
        }
    }

    /** Returns the entry in {@code document}, or null after passing over it. */
    private LogEntry readOrSkip(DocumentContext document, BufferAllocator allocator) {
        Bytes<?> bytes = document.wire().bytes();
        StoredHeader header = EntryFormat.readHeader(bytes);
        if (!position.claim(header)) {
            return null;
        }
        VectorSchemaRoot batch;
        try {
            batch = EntryFormat.readBody(bytes, header, log.schema(), allocator, scratch);
        } catch (RuntimeException e) {
            position.unclaim(header);
            throw e;
        }
        decodedEntries++;
        return new LogEntry(header.entry(), batch);
    }

    @Override
    public boolean awaitData(long timeout, TimeUnit unit) throws InterruptedException {
        return log.signal().await(() -> {
            checkOpen();
            return position.sn() < log.nextSn();
        }, unit.toNanos(timeout));
    }

    @Override
    public long position() {
        return position.sn();
    }

    ReadPosition readPosition() {
        return position;
    }

    /** The Chronicle index the tailer will read next, for opening cursors that share the position. */
    long tailerIndex() {
        return tailer.index();
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
