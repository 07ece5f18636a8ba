package io.brook.engine.query;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryContextTest {

    @Test
    void cancelRunsListenersAndFailsCheckAlive() {
        try (RootAllocator root = new RootAllocator(); QueryContext context = new QueryContext(1, root, QuerySettings.defaults())) {
            AtomicInteger calls = new AtomicInteger();
            context.onCancel(calls::incrementAndGet);
            context.checkAlive();
            context.cancel();
            context.cancel(new BrookException(ErrorCode.TIMEOUT_EXCEEDED, "second reason is ignored"));
            assertEquals(1, calls.get());
            BrookException failure = assertThrows(BrookException.class, context::checkAlive);
            assertEquals(ErrorCode.QUERY_WAS_CANCELLED, failure.code());
            assertTrue(context.isStopRequested());
            context.onCancel(calls::incrementAndGet);
            assertEquals(2, calls.get(), "a listener added after cancel runs at once");
        }
    }

    @Test
    void cancelInterruptsTheRunner() throws Exception {
        try (RootAllocator root = new RootAllocator(); QueryContext context = new QueryContext(2, root, QuerySettings.defaults())) {
            java.util.concurrent.CountDownLatch attached = new java.util.concurrent.CountDownLatch(1);
            Thread sleeper = Thread.ofVirtual().start(() -> {
                context.attachRunner(Thread.currentThread());
                attached.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException expected) {
                    return;
                }
                throw new AssertionError("not interrupted");
            });
            assertTrue(attached.await(30, java.util.concurrent.TimeUnit.SECONDS), "the runner started");
            context.cancel();
            sleeper.join(30_000);
            assertTrue(!sleeper.isAlive());
        }
    }

    @Test
    void allocatorHasTheQueryLimit() {
        try (RootAllocator root = new RootAllocator();
             QueryContext context = new QueryContext(3, root, QuerySettings.of(java.util.Map.of("max_memory_usage", "4096")))) {
            assertEquals(4096, context.allocator().getLimit());
        }
    }
}
