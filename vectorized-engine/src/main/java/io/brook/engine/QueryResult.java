package io.brook.engine;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;

import java.util.List;

/**
 * The rows of a running query. Bounded queries end by themselves; streaming ones run until
 * LIMIT, {@link #cancel()}, a timeout, or their source ends. Chunks carry {@link #columns()} in
 * order; each chunk returned is owned by the caller, who closes it.
 */
public non-sealed interface QueryResult extends StatementResult, AutoCloseable {

    List<Column> columns();

    boolean isStreaming();

    /**
     * The next chunk of results, waiting at most {@code maxWaitNanos}; null if none came in
     * time or the query has ended (then {@link #isFinished()} is true). A failure of the query,
     * its cancellation (code 394) or its timeout is thrown here as a BrookException.
     */
    Chunk next(long maxWaitNanos) throws InterruptedException;

    boolean isFinished();

    /**
     * Rows a windowed aggregation of this query dropped so far because every window they fit had
     * already closed (SPEC 1.8); 0 for other queries.
     */
    default long lateRows() {
        return 0;
    }

    /** Stops the query from any thread; a waiting {@link #next} throws code 394. */
    void cancel();

    /** Stops the query if it still runs and frees its memory. */
    @Override
    void close();
}
