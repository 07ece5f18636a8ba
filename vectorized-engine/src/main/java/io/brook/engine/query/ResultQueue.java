package io.brook.engine.query;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.operator.Operator;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The last operator of a query that hands rows to a client: a small bounded queue of chunks
 * between the query's thread and the reader. A full queue blocks the query, which is the back
 * pressure a slow JDBC client puts on a fast stream.
 */
public final class ResultQueue implements Operator {
    private static final Object END = new Object();
    private final BlockingQueue<Object> items = new ArrayBlockingQueue<>(16);
    private volatile boolean ended;
    private volatile Object terminal;

    @Override
    public void push(Chunk chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        put(chunk.retain());
    }

    @Override
    public void finish() {
        end(null);
    }

    /** Ends the results, normally (null) or with the query's failure. */
    public void end(Throwable failure) {
        if (ended) {
            return;
        }
        ended = true;
        Object last = failure == null ? END : asBrookException(failure);
        // The reader may have gone; never block the query's thread on the final marker.
        while (!items.offer(last)) {
            Object dropped = items.poll();
            if (dropped instanceof Chunk chunk) {
                chunk.close();
            }
        }
    }

    private void put(Chunk chunk) {
        try {
            items.put(chunk);
        } catch (InterruptedException e) {
            chunk.close();
            Thread.currentThread().interrupt();
            throw new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        }
    }

    /**
     * The next chunk, null on timeout or at the end ({@link #isDrained()} tells which); the
     * query's failure is thrown, again on every later call.
     */
    public Chunk take(long maxWaitNanos) throws InterruptedException {
        if (terminal == null) {
            Object item = items.poll(maxWaitNanos, TimeUnit.NANOSECONDS);
            if (item == null) {
                return null;
            }
            if (item instanceof Chunk chunk) {
                return chunk;
            }
            terminal = item;
        }
        if (terminal instanceof BrookException failure) {
            throw failure;
        }
        return null;
    }

    /** True once the end (or the failure) has been read. */
    public boolean isDrained() {
        return terminal != null;
    }

    /** Frees chunks nobody will read. */
    public void discard() {
        Object item;
        while ((item = items.poll()) != null) {
            if (item instanceof Chunk chunk) {
                chunk.close();
            } else if (terminal == null) {
                terminal = item;
            }
        }
    }

    @Override
    public void close() {
    }

    static BrookException asBrookException(Throwable failure) {
        if (failure instanceof BrookException brook) {
            return brook;
        }
        return new BrookException(ErrorCode.LOGICAL_ERROR, String.valueOf(failure.getMessage()), failure);
    }
}
