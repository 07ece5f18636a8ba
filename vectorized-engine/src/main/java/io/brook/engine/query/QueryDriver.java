package io.brook.engine.query;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.operator.Operator;
import org.apache.arrow.memory.OutOfMemoryException;

import java.util.concurrent.TimeUnit;

/**
 * Runs one pipeline: pulls chunks from the source and pushes them through the operators until
 * the source ends, LIMIT is satisfied, or the query is cancelled. Between chunks it calls
 * {@link Operator#tick} at the pipeline's tick interval; with no time-driven operator the
 * thread simply sleeps in the source's wait, so an idle streaming query uses no CPU.
 */
public final class QueryDriver {
    /** Without time-driven operators, wake this rarely (cancel interrupts the wait anyway). */
    private static final long IDLE_WAIT_MILLIS = 10_000;

    private final ChunkSource source;
    private final Operator head;
    private final QueryContext context;
    private final long tickMillis;

    public QueryDriver(ChunkSource source, Operator head, QueryContext context, long tickMillis) {
        this.source = source;
        this.head = head;
        this.context = context;
        this.tickMillis = tickMillis;
    }

    /** Drives the pipeline to its end on the calling thread; throws the query's failure. */
    public void run() {
        context.attachRunner(Thread.currentThread());
        try {
            loop();
        } catch (Throwable failure) {
            throw translate(failure);
        } finally {
            context.attachRunner(null);
            Thread.interrupted();
        }
    }

    private void loop() throws InterruptedException {
        long waitMillis = tickMillis > 0 ? tickMillis : IDLE_WAIT_MILLIS;
        long nextTick = System.currentTimeMillis() + waitMillis;
        while (true) {
            context.checkAlive();
            if (context.isStopRequested()) {
                return;
            }
            long wait = Math.max(0, nextTick - System.currentTimeMillis());
            Chunk chunk = source.next(TimeUnit.MILLISECONDS.toNanos(wait));
            if (chunk != null) {
                try (chunk) {
                    head.push(chunk);
                }
            } else if (source.isFinished()) {
                context.checkAlive();
                if (!context.isStopRequested()) {
                    head.finish();
                }
                return;
            }
            long now = System.currentTimeMillis();
            if (tickMillis > 0 && now >= nextTick) {
                head.tick(now);
                nextTick = now + tickMillis;
            } else if (tickMillis <= 0 && now >= nextTick) {
                nextTick = now + waitMillis;
            }
        }
    }

    private BrookException translate(Throwable failure) {
        BrookException cancelled = context.failure();
        if (cancelled != null) {
            return cancelled;
        }
        if (failure instanceof BrookException brook) {
            return brook;
        }
        if (failure instanceof InterruptedException) {
            return new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        }
        if (failure instanceof OutOfMemoryException memory) {
            return context.memoryExceeded(memory);
        }
        if (failure.getCause() instanceof OutOfMemoryException memory) {
            return context.memoryExceeded(memory);
        }
        return new BrookException(ErrorCode.LOGICAL_ERROR,
                failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure);
    }
}
