package io.brook.storage.log;

import io.brook.storage.ChronicleSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A {@link StreamLog} kept in one Chronicle Queue: each append is one excerpt holding an
 * {@link EntryFormat entry}. Chronicle writes through memory-mapped files, so an excerpt is in the
 * operating system's page cache once the write returns and survives the process being killed. An
 * excerpt half-written by a killed process is never seen by readers, also after the next process
 * takes over Chronicle's write lock and appends (the crash tests check both). See {@link LogDirectory} for the files and {@link LogQueues} for the queue's settings.
 *
 * <p>State that would need a scan is derived from headers instead: the next sn and byte offset
 * from the last entry, the oldest kept entry from the persisted {@link RetentionFloor}.
 */
public final class ChronicleStreamLog implements StreamLog {
    static {
        ChronicleSettings.disableTelemetry();
    }

    private final LogDirectory directory;
    private final Schema schema;
    private final LogSettings settings;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final CycleFileSync cycleFileSync = new CycleFileSync();
    private final LogRetention retention;
    private final AppendSignal signal = new AppendSignal();
    private final ReentrantLock appendLock = new ReentrantLock();
    private final ReentrantLock retentionLock = new ReentrantLock();
    private final Set<ChronicleLogCursor> cursors = ConcurrentHashMap.newKeySet();
    private volatile long nextSn;
    private volatile long nextByteOffset;
    private volatile RetentionFloor floor;
    private volatile boolean closed;

    private ChronicleStreamLog(LogDirectory directory, Schema schema, LogSettings settings, TimeProvider clock) {
        this.directory = directory;
        this.schema = schema;
        this.settings = settings;
        this.queue = LogQueues.open(directory.queueDirectory(), clock);
        try {
            this.appender = queue.createAppender();
            appender.singleThreadedCheckDisabled(true);
            this.retention = new LogRetention(queue, directory.queueDirectory(), directory.floorFile());
            recoverPositions();
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    /** Creates a log for {@code schema} in {@code dir}; fails if {@code dir} already holds one. */
    public static StreamLog create(Path dir, Schema schema, LogSettings settings) {
        return create(dir, schema, settings, SystemTimeProvider.INSTANCE);
    }

    /** Opens the log in {@code dir}, continuing its sns where they stopped. */
    public static StreamLog open(Path dir, LogSettings settings) {
        return open(dir, settings, SystemTimeProvider.INSTANCE);
    }

    /** Deletes the log in {@code dir}, which must not be open; does nothing if there is none. */
    public static void delete(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (LogDirectory directory = LogDirectory.lock(dir)) {
            directory.deleteAll();
        }
    }

    /** As {@link #create(Path, Schema, LogSettings)}, with the clock that decides append cycles. */
    static ChronicleStreamLog create(Path dir, Schema schema, LogSettings settings, TimeProvider clock) {
        LogDirectory directory = LogDirectory.lock(dir);
        try {
            if (directory.holdsLog()) {
                throw new IllegalStateException("A stream log already exists in " + dir);
            }
            directory.writeSchema(schema);
            return new ChronicleStreamLog(directory, schema, settings, clock);
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    static ChronicleStreamLog open(Path dir, LogSettings settings, TimeProvider clock) {
        LogDirectory directory = LogDirectory.lock(dir);
        try {
            if (!directory.holdsLog()) {
                throw new IllegalStateException("No stream log in " + dir);
            }
            return new ChronicleStreamLog(directory, directory.readSchema(), settings, clock);
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Reads the last entry (for the next sn) and the floor (for the oldest kept entry). */
    private void recoverPositions() {
        StoredHeader last = null;
        RetentionFloor first = RetentionFloor.EMPTY;
        try (ExcerptTailer tailer = newTailer()) {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            try (DocumentContext document = tailer.readingDocument()) {
                if (document.isPresent()) {
                    last = EntryFormat.readHeader(document.wire().bytes());
                }
            }
            tailer.direction(TailerDirection.FORWARD).toStart();
            try (DocumentContext document = tailer.readingDocument()) {
                if (document.isPresent()) {
                    first = RetentionFloor.at(EntryFormat.readHeader(document.wire().bytes()), document.index());
                }
            }
        }
        RetentionFloor recovered = RetentionFloor.read(directory.floorFile()).orElse(first);
        // the floor can be past the last entry only if everything was removed
        nextSn = Math.max(last == null ? 0 : last.endSn(), recovered.sn());
        nextByteOffset = Math.max(last == null ? 0 : last.endByteOffset(), recovered.byteOffset());
        floor = recovered;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public SnRange append(VectorSchemaRoot batch, long minTimeMillis, long maxTimeMillis) {
        checkAppendable(batch, minTimeMillis, maxTimeMillis);
        int rowCount = batch.getRowCount();
        long firstSn;
        appendLock.lock();
        try {
            checkOpen();
            firstSn = nextSn;
            if (rowCount == 0) {
                return new SnRange(firstSn, 0);
            }
            StoredHeader stored = writeEntry(new EntryHeader(firstSn, rowCount, minTimeMillis, maxTimeMillis), batch);
            if (settings.fsync()) {
                cycleFileSync.force(appender.currentFile());
            }
            nextByteOffset = stored.endByteOffset();
            nextSn = stored.endSn();
        } finally {
            appendLock.unlock();
        }
        signal.signalAll();
        return new SnRange(firstSn, rowCount);
    }

    private StoredHeader writeEntry(EntryHeader header, VectorSchemaRoot batch) {
        try (ArrowRecordBatch recordBatch = new VectorUnloader(batch).getRecordBatch();
             DocumentContext document = appender.writingDocument()) {
            try {
                return EntryFormat.write(document.wire().bytes(), header, nextByteOffset, recordBatch);
            } catch (RuntimeException e) {
                document.rollbackOnClose();
                throw e;
            }
        }
    }

    private void checkAppendable(VectorSchemaRoot batch, long minTimeMillis, long maxTimeMillis) {
        if (!batch.getSchema().getFields().equals(schema.getFields())) {
            throw new IllegalArgumentException("Batch schema " + batch.getSchema()
                    + " does not match the log's schema " + schema);
        }
        if (minTimeMillis > maxTimeMillis) {
            throw new IllegalArgumentException("minTimeMillis " + minTimeMillis
                    + " is after maxTimeMillis " + maxTimeMillis);
        }
    }

    @Override
    public long nextSn() {
        return nextSn;
    }

    @Override
    public long rowCount() {
        return Math.max(0, nextSn - floor.sn());
    }

    @Override
    public long sizeBytes() {
        return Math.max(0, nextByteOffset - floor.byteOffset());
    }

    @Override
    public LogCursor openCursor(LogStart start) {
        checkOpen();
        ExcerptTailer tailer = newTailer();
        try {
            return register(switch (start) {
                case LogStart.Earliest ignored -> fromFloor(tailer, Long.MIN_VALUE);
                case LogStart.FromTime fromTime -> fromFloor(tailer, fromTime.millis());
                case LogStart.Latest ignored -> fromEnd(tailer, -1);
                case LogStart.FromSn fromSn -> fromSn(tailer, fromSn.sn());
            });
        } catch (RuntimeException e) {
            tailer.close();
            throw e;
        }
    }

    @Override
    public List<LogCursor> openCursors(LogStart start, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        List<LogCursor> opened = new ArrayList<>(count);
        try {
            ChronicleLogCursor first = (ChronicleLogCursor) openCursor(start);
            opened.add(first);
            long index = first.tailerIndex();
            while (opened.size() < count) {
                // each further cursor starts where the first one does; starting earlier would only
                // mean passing over more entries by their headers
                ExcerptTailer tailer = newTailer();
                try {
                    if (!tailer.moveToIndex(index)) {
                        tailer.toStart();
                    }
                    opened.add(register(new ChronicleLogCursor(this, tailer, first.readPosition())));
                } catch (RuntimeException e) {
                    tailer.close();
                    throw e;
                }
            }
            return List.copyOf(opened);
        } catch (RuntimeException e) {
            opened.forEach(LogCursor::close);
            throw e;
        }
    }

    private ChronicleLogCursor register(ChronicleLogCursor cursor) {
        cursors.add(cursor);
        if (closed) {
            cursor.close(); // lost a race with close(): do not leak the tailer
            checkOpen();
        }
        return cursor;
    }

    private ChronicleLogCursor fromFloor(ExcerptTailer tailer, long notBeforeMillis) {
        RetentionFloor current = floor;
        if (!current.hasIndex() || !tailer.moveToIndex(current.chronicleIndex())) {
            tailer.toStart();
        }
        return new ChronicleLogCursor(this, tailer, new ReadPosition(current.sn(), notBeforeMillis));
    }

    /**
     * Positions at the end under the append lock, so no entry slips between reading the next sn
     * and moving the tailer. With {@code sn} negative, starts at the current end ("latest").
     */
    private ChronicleLogCursor fromEnd(ExcerptTailer tailer, long sn) {
        appendLock.lock();
        try {
            tailer.toEnd();
            return new ChronicleLogCursor(this, tailer, new ReadPosition(Math.max(sn, nextSn), Long.MIN_VALUE));
        } finally {
            appendLock.unlock();
        }
    }

    private ChronicleLogCursor fromSn(ExcerptTailer tailer, long sn) {
        RetentionFloor current = floor;
        if (sn <= current.sn()) {
            return fromFloor(tailer, Long.MIN_VALUE);
        }
        if (sn >= nextSn) {
            appendLock.lock();
            try {
                if (sn >= nextSn) {
                    return fromEnd(tailer, sn);
                }
            } finally {
                appendLock.unlock();
            }
        }
        // the entry exists and appends only add after it, so the search needs no lock
        long index = new EntryLocator(queue, tailer).indexOfEntryContaining(sn);
        if (index == RetentionFloor.NO_INDEX || !tailer.moveToIndex(index)) {
            return fromFloor(tailer, Long.MIN_VALUE);
        }
        return new ChronicleLogCursor(this, tailer, new ReadPosition(sn, Long.MIN_VALUE));
    }

    @Override
    public int applyRetention(long nowMillis) {
        retentionLock.lock();
        try {
            checkOpen();
            LogRetention.Outcome outcome = retention.apply(floor, nextByteOffset, settings, nowMillis);
            floor = outcome.floor();
            retention.deleteExpiredFiles(outcome);
            return outcome.removed();
        } finally {
            retentionLock.unlock();
        }
    }

    @Override
    public void close() {
        appendLock.lock();
        retentionLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                for (ChronicleLogCursor cursor : List.copyOf(cursors)) {
                    cursor.closeTailer();
                }
                cursors.clear();
                retention.close();
                appender.close();
                cycleFileSync.close();
                queue.close();
            } finally {
                directory.close();
            }
        } finally {
            retentionLock.unlock();
            appendLock.unlock();
            signal.signalAll(); // waiting cursors wake up and see the log closed
        }
    }

    RetentionFloor floor() {
        return floor;
    }

    AppendSignal signal() {
        return signal;
    }

    void forget(ChronicleLogCursor cursor) {
        cursors.remove(cursor);
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Stream log " + directory.root() + " is closed");
        }
    }

    private ExcerptTailer newTailer() {
        ExcerptTailer tailer = queue.createTailer();
        // cursors move between threads (virtual threads included); each is used by one at a time
        tailer.singleThreadedCheckDisabled(true);
        return tailer;
    }

    @Override
    public String toString() {
        return "ChronicleStreamLog[" + directory.root() + ", nextSn=" + nextSn + "]";
    }
}
