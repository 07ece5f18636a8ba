package io.brook.engine.stream;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;
import io.brook.storage.log.LogCursor;
import io.brook.storage.log.LogEntry;
import io.brook.storage.log.LogStart;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stream's log as chunks. Bounded (a {@code table(s)} scan) it stops at the end the log
 * had when the query started; streaming it then waits for new entries without spinning. When
 * the query selects {@code _tp_sn}, each chunk gets that column last, computed from the entry's
 * first sequence number.
 */
public final class LogChunkSource implements ChunkSource {
    private final StreamTable stream;
    private final LogStart start;
    private final QueryContext context;
    private final LogCursor cursor;
    private final boolean bounded;
    private final boolean withSequence;
    private final long endSn;
    private final long firstWantedSn;
    private boolean finished;
    private long entryFirstSn = -1;

    public LogChunkSource(StreamTable stream, LogStart start, boolean bounded, boolean withSequence,
                          QueryContext context) {
        this(stream, start, bounded, withSequence, context, stream.log().nextSn(), null);
    }

    private LogChunkSource(StreamTable stream, LogStart start, boolean bounded, boolean withSequence,
                           QueryContext context, long endSn, LogCursor cursor) {
        this.stream = stream;
        this.start = start;
        this.context = context;
        this.bounded = bounded;
        this.withSequence = withSequence;
        this.endSn = endSn;
        this.firstWantedSn = start instanceof LogStart.FromSn fromSn ? fromSn.sn() : Long.MIN_VALUE;
        this.cursor = cursor != null ? cursor : stream.openCursor(start);
    }

    /**
     * One thread's share of a bounded scan that ends before {@code endSn}: reads {@code cursor},
     * one of several cursors sharing a position ({@link io.brook.storage.log.StreamLog#openCursors}),
     * and closes it when closed.
     */
    public static LogChunkSource share(StreamTable stream, LogStart start, LogCursor cursor, long endSn,
                                       boolean withSequence, QueryContext context) {
        return new LogChunkSource(stream, start, true, withSequence, context, endSn, cursor);
    }

    /**
     * The first {@code _tp_sn} of the log entry the last chunk came from. Chunks of scans that
     * share a position sort into log order by it.
     */
    public long entryFirstSn() {
        return entryFirstSn;
    }

    @Override
    public Chunk next(long maxWaitNanos) throws InterruptedException {
        if (finished) {
            return null;
        }
        Chunk chunk = poll();
        if (chunk != null || finished || maxWaitNanos <= 0) {
            return chunk;
        }
        if (cursor.awaitData(maxWaitNanos, TimeUnit.NANOSECONDS)) {
            return poll();
        }
        return null;
    }

    private Chunk poll() {
        LogEntry entry;
        try {
            entry = cursor.poll(context.allocator());
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
        if (entry == null) {
            if (bounded) {
                finished = true;
            }
            return null;
        }
        long firstSn = entry.header().firstSn();
        entryFirstSn = firstSn;
        if (bounded && firstSn >= endSn) {
            entry.close();
            finished = true;
            return null;
        }
        int rows = entry.header().rowCount();
        List<FieldVector> vectors = new ArrayList<>(entry.batch().getFieldVectors());
        if (withSequence) {
            vectors.add(sequenceVector(firstSn, rows));
        }
        Chunk chunk = Chunk.of(vectors, rows);
        if (firstSn < firstWantedSn) {
            return skipBefore(chunk, (int) Math.min(rows, firstWantedSn - firstSn));
        }
        return chunk;
    }

    private FieldVector sequenceVector(long firstSn, int rows) {
        BigIntVector sequence = new BigIntVector(StreamSchema.SEQUENCE_COLUMN, context.allocator());
        try {
            sequence.allocateNew(rows);
        } catch (OutOfMemoryException e) {
            sequence.close();
            throw context.memoryExceeded(e);
        }
        for (int i = 0; i < rows; i++) {
            sequence.set(i, firstSn + i);
        }
        sequence.setValueCount(rows);
        return sequence;
    }

    private static Chunk skipBefore(Chunk chunk, int skipped) {
        try (chunk) {
            return chunk.slice(skipped, chunk.size() - skipped);
        }
    }

    /** The {@code _tp_sn} after the rows handed out so far; a view checkpoints it to resume there. */
    public long position() {
        return cursor.position();
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public String describe() {
        return (bounded ? "LogScan " : "LogTail ") + stream.name() + " from " + start;
    }

    @Override
    public void close() {
        try {
            cursor.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
