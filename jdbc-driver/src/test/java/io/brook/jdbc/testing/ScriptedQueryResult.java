package io.brook.jdbc.testing;

import io.brook.engine.QueryResult;
import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A QueryResult whose chunks the test hands over when it likes (from any thread), with the
 * contract the engine promises: next waits, cancel wakes it with code 394, close frees what is
 * left. It counts what was cancelled and closed so tests can check the driver let go.
 */
public final class ScriptedQueryResult implements QueryResult {
    private static final Object END = new Object();
    private static final Object CANCELLED = new Object();

    private final List<Column> columns;
    private final boolean streaming;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger closes = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile boolean finished;

    public ScriptedQueryResult(List<Column> columns, boolean streaming) {
        this.columns = List.copyOf(columns);
        this.streaming = streaming;
    }

    public ScriptedQueryResult push(Chunk chunk) {
        queue.add(chunk);
        return this;
    }

    public ScriptedQueryResult end() {
        queue.add(END);
        return this;
    }

    public ScriptedQueryResult fail(BrookException failure) {
        queue.add(failure);
        return this;
    }

    /** Hands {@code chunk} over after {@code delayMillis}, from another thread. */
    public ScriptedQueryResult pushLater(long delayMillis, Chunk chunk) {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(delayMillis);
                queue.add(chunk);
            } catch (InterruptedException e) {
                chunk.close();
            }
        });
        return this;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean isStreaming() {
        return streaming;
    }

    @Override
    public Chunk next(long maxWaitNanos) throws InterruptedException {
        if (finished) {
            return null;
        }
        Object item = maxWaitNanos <= 0 ? queue.poll() : queue.poll(maxWaitNanos, TimeUnit.NANOSECONDS);
        if (item == null) {
            return null;
        }
        if (item == CANCELLED || cancelled) {
            if (item instanceof Chunk chunk) {
                chunk.close();
            }
            finished = true;
            throw new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        }
        if (item == END) {
            finished = true;
            return null;
        }
        if (item instanceof BrookException failure) {
            finished = true;
            throw failure;
        }
        return (Chunk) item;
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public void cancel() {
        if (!finished) {
            cancelled = true;
            queue.add(CANCELLED);
        }
    }

    public boolean wasCancelled() {
        return cancelled;
    }

    public int closeCount() {
        return closes.get();
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        finished = true;
        Object item;
        while ((item = queue.poll()) != null) {
            if (item instanceof Chunk chunk) {
                chunk.close();
            }
        }
    }
}
