package io.brook.engine.stream;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Expression;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.operator.Operator;
import io.brook.engine.operator.OperatorFactory;
import io.brook.engine.operator.aggregation.MergedAggregation;
import io.brook.engine.operator.aggregation.PartialAggregation;
import io.brook.engine.query.QueryContext;
import io.brook.storage.log.LogCursor;
import io.brook.storage.log.LogStart;
import org.apache.arrow.memory.OutOfMemoryException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A bounded scan of a stream whose rows only feed an aggregation, on several threads: the log's
 * entries are split between the threads as they go (cursors sharing one position), each thread
 * runs its rows through its own copy of the steps before the aggregation (filters) into a
 * {@link PartialAggregation}, and once all are done the shares are merged. The source then hands
 * out the aggregation's results, as the aggregation operator would have at finish.
 *
 * <p>The query's own thread is one of the threads; the others are platform threads that live
 * for the scan, so they compete fairly with other work instead of holding the shared carriers
 * of virtual threads. All allocate from the query's allocator, so {@code max_memory_usage}
 * bounds them together. A cancel or timeout (seen by every thread at its next chunk) or a
 * failure of any thread stops the others, and the scan waits for all of them before it returns
 * or throws, so nothing runs on after the query has ended.
 */
public final class ParallelAggregationSource implements ChunkSource {
    private final StreamTable stream;
    private final List<Expression> keys;
    private final List<AggregateCall> calls;
    private final QueryContext context;
    private final List<Share> shares = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private MergedAggregation merged;
    private int emitted;
    private boolean finished;

    /** One thread's part: its scan, its steps and its partial aggregation. */
    private record Share(LogChunkSource scan, Operator head, PartialAggregation partial) {
    }

    /**
     * Opens {@code threads} scans from {@code start} to the end stored now, and one pipeline each:
     * {@code steps} (row-by-row operators such as filters) into a partial aggregation of
     * {@code keys} and {@code calls}, which must all be mergeable.
     */
    public ParallelAggregationSource(StreamTable stream, LogStart start, boolean withSequence,
                                     List<OperatorFactory> steps, List<Expression> keys, List<AggregateCall> calls,
                                     int threads, QueryContext context) {
        this.stream = stream;
        this.keys = List.copyOf(keys);
        this.calls = List.copyOf(calls);
        this.context = context;
        long endSn = stream.log().nextSn();
        List<LogCursor> cursors = stream.log().openCursors(start, threads);
        int opened = 0;
        try {
            for (LogCursor cursor : cursors) {
                LogChunkSource scan = LogChunkSource.share(stream, start, cursor, endSn, withSequence, context);
                opened++;
                try {
                    PartialAggregation partial = new PartialAggregation(this.keys, this.calls, context);
                    shares.add(new Share(scan, pipeline(steps, partial), partial));
                } catch (RuntimeException e) {
                    scan.close();
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            cursors.subList(opened, cursors.size()).forEach(LogCursor::close);
            close();
            throw e;
        }
    }

    private Operator pipeline(List<OperatorFactory> steps, PartialAggregation partial) {
        Operator head = partial;
        try {
            for (int index = steps.size() - 1; index >= 0; index--) {
                head = steps.get(index).create(context, head);
            }
            return head;
        } catch (RuntimeException e) {
            head.close(); // closes the steps made so far and the partial aggregation
            throw e;
        }
    }

    /** Threads this scan runs on. */
    public int threadCount() {
        return shares.size();
    }

    @Override
    public Chunk next(long maxWaitNanos) {
        if (finished) {
            return null;
        }
        if (merged == null) {
            aggregate();
        }
        int blockSize = context.settings().maxBlockSize();
        if (emitted >= merged.groupCount()) {
            finished = true;
            return null;
        }
        int count = Math.min(blockSize, merged.groupCount() - emitted);
        try {
            Chunk results = merged.results(emitted, count);
            emitted += count;
            return results;
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    /** Runs every share to its end, the first on this thread, then merges them. */
    private void aggregate() {
        List<Thread> helpers = new ArrayList<>();
        try {
            for (int index = 1; index < shares.size(); index++) {
                Share share = shares.get(index);
                helpers.add(Thread.ofPlatform().daemon()
                        .name("brook-query-" + context.queryId() + "-scan-" + index)
                        .start(() -> run(share)));
            }
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e); // no thread to be had: stop those already started
        }
        if (failure.get() == null) {
            run(shares.getFirst());
        }
        joinAll(helpers);
        Throwable first = failure.get();
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
        List<PartialAggregation> partials = new ArrayList<>(shares.size());
        shares.forEach(share -> partials.add(share.partial()));
        merged = MergedAggregation.of(partials, keys, calls, context);
    }

    private void run(Share share) {
        try {
            while (failure.get() == null) {
                context.checkAlive();
                Chunk chunk = share.scan().next(0);
                if (chunk == null) {
                    if (share.scan().isFinished()) {
                        share.head().finish();
                        return;
                    }
                    continue;
                }
                share.partial().startChunk(share.scan().entryFirstSn());
                try (chunk) {
                    share.head().push(chunk);
                }
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Waits for every helper, even when interrupted (a cancel, which the helpers see on their own). */
    private static void joinAll(List<Thread> helpers) {
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (true) {
                try {
                    helper.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public String describe() {
        return "ParallelScan " + stream.name() + " on " + shares.size() + " threads";
    }

    @Override
    public void close() {
        RuntimeException first = null;
        if (merged != null) {
            merged.close();
        }
        for (Share share : shares) {
            try {
                share.head().close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
            try {
                share.scan().close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
