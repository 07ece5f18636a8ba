package io.brook.engine.query;

import io.brook.engine.QueryResult;
import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.operator.Operator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A query running on its own virtual thread, read through a {@link ResultQueue}. Virtual threads
 * are the shared worker pool: a streaming query blocked waiting for data holds no carrier
 * thread and costs no CPU.
 */
public final class RunningQuery implements QueryResult {
    private static final Logger LOG = LoggerFactory.getLogger(RunningQuery.class);

    private final List<Column> columns;
    private final boolean streaming;
    private final QueryContext context;
    private final ResultQueue results;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Runnable onClose;
    private volatile boolean closed;

    private RunningQuery(List<Column> columns, boolean streaming, QueryContext context, ResultQueue results,
                         Runnable onClose) {
        this.columns = List.copyOf(columns);
        this.streaming = streaming;
        this.context = context;
        this.results = results;
        this.onClose = onClose;
    }

    /**
     * Starts the pipeline {@code source -> head -> ... -> results}. {@code head} must end in
     * {@code results}.
     */
    public static RunningQuery start(List<Column> columns, boolean streaming, QueryContext context,
                                     ChunkSource source, Operator head, ResultQueue results,
                                     long tickMillis, Runnable onClose) {
        RunningQuery query = new RunningQuery(columns, streaming, context, results, onClose);
        Thread.ofVirtual().name("brook-query-" + context.queryId()).start(() -> query.drive(source, head, tickMillis));
        return query;
    }

    private void drive(ChunkSource source, Operator head, long tickMillis) {
        try (source; head) {
            new QueryDriver(source, head, context, tickMillis).run();
            results.end(null);
        } catch (Throwable failure) {
            results.end(failure);
        } finally {
            ended.countDown();
        }
    }

    public QueryContext context() {
        return context;
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
        if (closed) {
            throw new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        }
        return results.take(maxWaitNanos);
    }

    @Override
    public boolean isFinished() {
        return results.isDrained();
    }

    @Override
    public long lateRows() {
        return context.lateRows();
    }

    @Override
    public void cancel() {
        context.cancel();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // A client that read the end leaves a query that is only closing its source and operators
        // (a Python source closes its generator and runs deinit then): that is not a cancel.
        if (!results.isDrained()) {
            context.cancel();
        }
        try {
            if (!ended.await(30, TimeUnit.SECONDS)) {
                LOG.warn("Query {} did not stop within 30 s of being closed", context.queryId());
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        results.discard();
        try {
            context.close();
        } catch (IllegalStateException leak) {
            LOG.warn("Query {} freed its memory with a leak: {}", context.queryId(), leak.getMessage());
        }
        onClose.run();
    }
}
