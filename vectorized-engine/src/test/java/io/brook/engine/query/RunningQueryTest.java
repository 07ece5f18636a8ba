package io.brook.engine.query;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.operator.ChunkSource;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunningQueryTest {

    /** A source that ends at once and, while it is being closed, watches for a cancel of its query. */
    private static final class WatchingSource implements ChunkSource {
        private final QueryContext context;
        private final CompletableFuture<Boolean> cancelledWhileClosing = new CompletableFuture<>();

        WatchingSource(QueryContext context) {
            this.context = context;
        }

        @Override
        public Chunk next(long maxWaitNanos) {
            return null;
        }

        @Override
        public boolean isFinished() {
            return true;
        }

        @Override
        public String describe() {
            return "watching source";
        }

        @Override
        public void close() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (context.failure() == null && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            cancelledWhileClosing.complete(context.failure() != null);
        }
    }

    @Test
    void closingAQueryWhoseResultsWereAllReadIsNotACancel() throws Exception {
        try (RootAllocator root = new RootAllocator()) {
            QueryContext context = new QueryContext(1, root, QuerySettings.defaults());
            WatchingSource source = new WatchingSource(context);
            ResultQueue results = new ResultQueue();
            RunningQuery query = RunningQuery.start(List.of(), false, context, source, results, results, 0, () -> { });
            while (!query.isFinished()) {
                assertEquals(null, query.next(TimeUnit.SECONDS.toNanos(1)));
            }
            // the end was read while the query's thread may still be closing its source (where a
            // Python source runs the generator's close and deinit): that must not look like a cancel
            query.close();
            assertEquals(false, source.cancelledWhileClosing.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void closingAQueryBeforeItsEndCancelsIt() throws Exception {
        try (RootAllocator root = new RootAllocator()) {
            QueryContext context = new QueryContext(2, root, QuerySettings.defaults());
            ChunkSource endless = new ChunkSource() {
                @Override
                public Chunk next(long maxWaitNanos) throws InterruptedException {
                    TimeUnit.NANOSECONDS.sleep(maxWaitNanos);
                    return null;
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public String describe() {
                    return "endless";
                }

                @Override
                public void close() {
                }
            };
            ResultQueue results = new ResultQueue();
            RunningQuery query = RunningQuery.start(List.of(), true, context, endless, results, results, 0, () -> { });
            query.close();
            assertTrue(context.failure() != null, "closed before its end: cancelled");
        }
    }
}
