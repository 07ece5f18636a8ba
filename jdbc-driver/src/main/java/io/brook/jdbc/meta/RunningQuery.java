package io.brook.jdbc.meta;

import io.brook.engine.QueryResult;
import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.types.BrookType;
import io.brook.jdbc.convert.ChunkRows;
import org.apache.calcite.avatica.Meta;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One executing query seen as a sequence of Avatica frames. A frame holds what is there
 * without waiting once at least one row is in hand, so a streaming result reaches the client
 * row by row as it is produced; when no row is there, {@link #nextFrame} waits until one comes,
 * the query ends, or it fails, is cancelled, closed, or passes its timeout (all code 394).
 *
 * <p>The consumer calls {@link #nextFrame}; {@link #cancel} and {@link #close} may come from any
 * thread at any time. The row cap ({@code setMaxRows}) and the timeout are enforced here as
 * well as passed to the engine, so they hold whatever the query is waiting on.
 */
public final class RunningQuery implements AutoCloseable {
    /** How long one wait on the engine lasts before the timeout and the flags are looked at again. */
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final QueryResult result;
    private final List<BrookType> types;
    private final long rowCap;
    private final long timeoutMillis;
    private final long deadline;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean cancelled;
    private volatile boolean closed;
    private boolean timedOut;
    private ChunkRows pending;
    private long delivered;
    private boolean finished;
    private volatile boolean released;
    private BrookException failure;

    /** {@code maxRows} and {@code timeoutMillis}: 0 for none. */
    public RunningQuery(QueryResult result, long maxRows, long timeoutMillis) {
        this.result = result;
        this.types = result.columns().stream().map(Column::type).toList();
        this.rowCap = maxRows > 0 ? maxRows : Long.MAX_VALUE;
        this.timeoutMillis = timeoutMillis;
        this.deadline = timeoutMillis > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis) : 0;
    }

    public List<Column> columns() {
        return result.columns();
    }

    /**
     * The frame returned with the execution: a bounded query waits for its first row (so early
     * failures surface from execute), a streaming one gives whatever is ready, possibly nothing.
     */
    public Meta.Frame firstFrame(int maxRowsInFrame) {
        return frame(0, maxRowsInFrame, result.isStreaming() ? 0 : Long.MAX_VALUE);
    }

    /** The next frame: at least one row unless the result has ended; waits as long as it takes. */
    public Meta.Frame nextFrame(long offset, int maxRowsInFrame) {
        return frame(offset, maxRowsInFrame, Long.MAX_VALUE);
    }

    /**
     * The next frame, waiting at most {@code longestWaitNanos} for a row: then an empty frame that
     * is not the last, after which the client fetches again. A server uses this so that no HTTP
     * request waits for a quiet stream longer than its clients and proxies allow.
     */
    public Meta.Frame nextFrame(long offset, int maxRowsInFrame, long longestWaitNanos) {
        return frame(offset, maxRowsInFrame, longestWaitNanos);
    }

    /** Stops the query from any thread; the consumer's wait ends with code 394. */
    public void cancel() {
        cancelled = true;
        if (!released) {
            result.cancel();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (!released) {
            // Wakes a consumer waiting on the engine, so the lock below does not wait for a row.
            result.cancel();
        }
        lock.lock();
        try {
            release();
        } finally {
            lock.unlock();
        }
    }

    /** {@code waitNanos}: how long to wait for a first row; 0 takes only what is ready, MAX_VALUE waits for one. */
    private Meta.Frame frame(long offset, int maxRowsInFrame, long waitNanos) {
        lock.lock();
        try {
            if (failure != null) {
                throw failure;
            }
            List<Object> rows = new ArrayList<>();
            try {
                long waitUntil = waitNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + waitNanos;
                fill(rows, Math.max(1, maxRowsInFrame), waitUntil);
            } catch (BrookException e) {
                BrookException error = fail(timedOut ? timeout() : e);
                if (rows.isEmpty()) {
                    throw error;
                }
                // The rows that came before the failure are delivered; the next fetch reports it.
                return new Meta.Frame(offset, false, rows);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.cancel();
                throw fail(new BrookException(ErrorCode.QUERY_WAS_CANCELLED,
                        "Query was cancelled: the thread reading its results was interrupted"));
            }
            boolean done = delivered >= rowCap || finished && pending == null;
            if (done) {
                // The cap or the end reached: stop the query now rather than when the client closes.
                release();
            }
            return new Meta.Frame(offset, done, rows);
        } finally {
            lock.unlock();
        }
    }

    private void fill(List<Object> rows, int limit, long waitUntil) throws InterruptedException {
        while (rows.size() < limit && delivered < rowCap) {
            checkStillWanted();
            if (pending != null) {
                int room = (int) Math.min(limit - rows.size(), rowCap - delivered);
                delivered += pending.take(room, rows);
                if (pending.remaining() == 0) {
                    pending.close();
                    pending = null;
                }
                continue;
            }
            if (finished) {
                return;
            }
            long waitLeft = waitUntil == Long.MAX_VALUE ? Long.MAX_VALUE : waitUntil - System.nanoTime();
            boolean wait = rows.isEmpty() && waitLeft > 0;
            Chunk chunk = result.next(wait ? Math.min(waitSliceNanos(), waitLeft) : 0);
            if (chunk == null) {
                if (result.isFinished()) {
                    finished = true;
                    return;
                }
                if (!wait) {
                    return;
                }
                continue;
            }
            if (chunk.isEmpty()) {
                chunk.close();
            } else {
                pending = new ChunkRows(chunk, types);
            }
        }
    }

    private void checkStillWanted() {
        if (closed || cancelled) {
            throw new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        }
        if (deadline != 0 && System.nanoTime() - deadline >= 0) {
            timedOut = true;
            result.cancel();
            throw timeout();
        }
    }

    private long waitSliceNanos() {
        if (deadline == 0) {
            return WAIT_SLICE_NANOS;
        }
        return Math.max(1, Math.min(WAIT_SLICE_NANOS, deadline - System.nanoTime()));
    }

    /** The engine's own words for a timeout, whichever of the two notices it first. */
    private BrookException timeout() {
        return new BrookException(ErrorCode.QUERY_WAS_CANCELLED,
                "Query was cancelled: it ran longer than its timeout of " + timeoutMillis + " ms");
    }

    private BrookException fail(BrookException error) {
        failure = error;
        release();
        return error;
    }

    private void release() {
        if (released) {
            return;
        }
        released = true;
        if (pending != null) {
            pending.close();
            pending = null;
        }
        result.close();
    }
}
