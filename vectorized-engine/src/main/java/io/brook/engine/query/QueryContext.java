package io.brook.engine.query;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What one running query owns and shares with its operators: its memory (a child allocator
 * with the query's {@code max_memory_usage} limit), its settings, and its stop state
 * (cancelled, timed out, or finished early by LIMIT).
 */
public final class QueryContext implements AutoCloseable {
    private final long queryId;
    private final BufferAllocator allocator;
    private final QuerySettings settings;
    private final AtomicReference<BrookException> failure = new AtomicReference<>();
    private final java.util.List<Runnable> cancelListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopRequested;
    private volatile Thread runner;
    private final java.util.concurrent.atomic.LongAdder lateRows = new java.util.concurrent.atomic.LongAdder();
    private volatile java.util.function.LongConsumer lateRowSink;
    /** Per-query objects of extensions (a Python module per user function), closed with the query. */
    private final java.util.Map<Object, AutoCloseable> resources = new java.util.LinkedHashMap<>();

    public QueryContext(long queryId, BufferAllocator parent, QuerySettings settings) {
        this.queryId = queryId;
        this.settings = settings;
        this.allocator = parent.newChildAllocator("query-" + queryId, 0, settings.maxMemoryUsage());
    }

    public long queryId() {
        return queryId;
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    public QuerySettings settings() {
        return settings;
    }

    /** A LIMIT (or another operator) has all it needs: the driver stops the source. */
    public void requestStop() {
        stopRequested = true;
    }

    public boolean isStopRequested() {
        return stopRequested || failure.get() != null;
    }

    /** Stops the query from any thread; the runner sees the failure and unwinds. */
    public void cancel(BrookException reason) {
        if (failure.compareAndSet(null, reason)) {
            Thread thread = runner;
            if (thread != null) {
                thread.interrupt();
            }
            for (Runnable listener : cancelListeners) {
                listener.run();
            }
        }
    }

    /**
     * Runs {@code listener} when the query is cancelled (at once if it already is), for work
     * that a thread interrupt does not reach, such as user code running in another runtime.
     */
    public void onCancel(Runnable listener) {
        cancelListeners.add(listener);
        if (failure.get() != null && cancelListeners.remove(listener)) {
            listener.run();
        }
    }

    /** Cancels the query because it ran longer than {@code timeoutMillis} (code 394). */
    public void timeOut(long timeoutMillis) {
        cancel(new BrookException(ErrorCode.QUERY_WAS_CANCELLED,
                "Query was cancelled: it ran longer than its timeout of " + timeoutMillis + " ms"));
    }

    public void cancel() {
        cancel(new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled"));
    }

    /** Called by the thread that drives the query, so cancel can interrupt its waits. */
    public void attachRunner(Thread thread) {
        this.runner = thread;
    }

    /** Throws the cancellation or timeout failure, if any. Operators call it at chunk boundaries. */
    public void checkAlive() {
        BrookException reason = failure.get();
        if (reason != null) {
            throw reason;
        }
    }

    public BrookException failure() {
        return failure.get();
    }

    /** Counts rows a windowed aggregation dropped because every window they fit had closed (SPEC 1.8). */
    public void countLateRows(long rows) {
        lateRows.add(rows);
        java.util.function.LongConsumer sink = lateRowSink;
        if (sink != null) {
            sink.accept(rows);
        }
    }

    /** Also reports late rows to {@code sink} (a materialized view adds them up across its runs). */
    public void onLateRows(java.util.function.LongConsumer sink) {
        this.lateRowSink = sink;
    }

    /** Late rows dropped so far. */
    public long lateRows() {
        return lateRows.sum();
    }

    /** Translates Arrow's allocation failure into the query's clear memory error. */
    public BrookException memoryExceeded(OutOfMemoryException cause) {
        return new BrookException(ErrorCode.MEMORY_LIMIT_EXCEEDED,
                "Memory limit (for query) exceeded: would use more than " + settings.maxMemoryUsage()
                        + " bytes (max_memory_usage)", cause);
    }

    /**
     * The query's object for {@code key}, made by {@code create} on first use and closed when the
     * query's context closes (before its memory is released), in the reverse order of making.
     */
    public <T extends AutoCloseable> T resource(Object key, Class<T> type, java.util.function.Supplier<T> create) {
        synchronized (resources) {
            AutoCloseable existing = resources.get(key);
            if (existing != null) {
                return type.cast(existing);
            }
            T made = create.get();
            resources.put(key, made);
            return made;
        }
    }

    @Override
    public void close() {
        java.util.List<AutoCloseable> made;
        synchronized (resources) {
            made = new java.util.ArrayList<>(resources.values());
            resources.clear();
        }
        RuntimeException failed = null;
        for (int i = made.size() - 1; i >= 0; i--) {
            try {
                made.get(i).close();
            } catch (Exception e) {
                if (failed == null) {
                    failed = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                }
            }
        }
        allocator.close();
        if (failed != null) {
            throw failed;
        }
    }
}
