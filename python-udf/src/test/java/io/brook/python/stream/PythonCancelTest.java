package io.brook.python.stream;

import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.python.Output;
import io.brook.python.SharedEngine;
import io.brook.python.SharedSessionTest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 3.3 and 3.7: cancel and timeout stop runaway Python; Python queries run in parallel. */
class PythonCancelTest extends SharedSessionTest {
    /** Reads until the query ends; returns its failure. */
    private static BrookException drainToFailure(QueryResult result) {
        return assertThrows(BrookException.class, () -> {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!result.isFinished() && System.nanoTime() < deadline) {
                Chunk chunk = result.next(500_000_000L);
                if (chunk != null) {
                    chunk.close();
                }
            }
        });
    }

    @Test
    void cancelStopsAReadBlockedInPythonWhichSeesKeyboardInterruptThenDeinitRuns() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM blocked_read (n int64) AS $$
                import time
                def blocked_read():
                    yield (1,)
                    try:
                        time.sleep(600)
                    except KeyboardInterrupt:
                        print("blocked_read: KeyboardInterrupt")
                        raise
                def teardown():
                    print("blocked_read: deinit called")
                $$ SETTINGS type='python', deinit_function_name='teardown'""");
        try (Output output = new Output(); QueryResult result = (QueryResult) session.execute("SELECT n FROM blocked_read")) {
            Chunk first = result.next(30_000_000_000L);
            assertTrue(first != null && first.size() == 1, "first row");
            first.close();
            Thread.sleep(200);
            result.cancel();
            BrookException e = drainToFailure(result);
            assertEquals(ErrorCode.QUERY_WAS_CANCELLED, e.code());
            assertTrue(output.await("blocked_read: deinit called", 5_000), output.text());
            assertTrue(output.text().contains("blocked_read: KeyboardInterrupt"), output.text());
        }
    }

    @Test
    void cancelStopsAnEndlessLoopAndTheTimeoutDoesToo() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM spinning (n int64) AS $$
                def spinning():
                    x = 0
                    while True:
                        x += 1
                def teardown():
                    print("spinning: deinit called")
                $$ SETTINGS type='python', deinit_function_name='teardown'""");
        try (Output output = new Output()) {
            try (QueryResult result = (QueryResult) session.execute("SELECT n FROM spinning")) {
                Thread.sleep(500);
                result.cancel();
                assertEquals(ErrorCode.QUERY_WAS_CANCELLED, drainToFailure(result).code());
            }
            assertTrue(output.await("spinning: deinit called", 5_000), output.text());
            try (QueryResult result = (QueryResult) session.execute(
                    "SELECT n FROM spinning SETTINGS max_execution_time=0.5")) {
                BrookException e = drainToFailure(result);
                assertEquals(ErrorCode.QUERY_WAS_CANCELLED, e.code());
                assertTrue(e.text().contains("timeout"), e.text());
            }
        }
    }

    @Test
    void cancelStopsAWriteThatNeverReturns() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM stuck_sink (n int64) AS $$
                import time
                def stuck_sink(n):
                    print("stuck_sink: writing")
                    while True:
                        time.sleep(0.01)
                def teardown():
                    print("stuck_sink: deinit called")
                $$ SETTINGS type='python', deinit_function_name='teardown'""");
        try (Output output = new Output(); Session other = SharedEngine.session()) {
            java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
            CompletableFuture<Object> insert = CompletableFuture.supplyAsync(() -> other.execute("INSERT INTO stuck_sink VALUES (1)"), thread);
            thread.shutdown();
            assertTrue(output.await("stuck_sink: writing", 30_000), output.text());
            other.cancelRunningStatements();
            Throwable failure = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> insert.get(10, TimeUnit.SECONDS)).getCause();
            assertEquals(ErrorCode.QUERY_WAS_CANCELLED, ((BrookException) failure).code());
            assertTrue(output.await("stuck_sink: deinit called", 5_000), output.text());
        }
    }

    @Test
    void pythonQueriesRunInParallelOnDifferentContexts() throws Exception {
        for (String name : new String[] {"sleepy_a", "sleepy_b"}) {
            session.execute("CREATE EXTERNAL STREAM " + name + " (n int64) AS $$\n"
                    + "import time\n"
                    + "def " + name + "(n):\n"
                    + "    start = time.time()\n"
                    + "    time.sleep(1.5)\n"
                    + "    print('" + name + ": slept from %.3f to %.3f' % (start, time.time()))\n"
                    + "$$ SETTINGS type='python'");
            session.execute("INSERT INTO " + name + " VALUES (0)");
        }
        try (Output output = new Output(); Session a = SharedEngine.session(); Session b = SharedEngine.session()) {
            // own threads: the common pool has a single worker on a two-core machine
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> a.execute("INSERT INTO sleepy_a VALUES (1)"), threads);
            CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> b.execute("INSERT INTO sleepy_b VALUES (1)"), threads);
            threads.shutdown();
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
            double[] a1 = interval(output.text(), "sleepy_a");
            double[] b1 = interval(output.text(), "sleepy_b");
            assertTrue(a1[0] < b1[1] && b1[0] < a1[1], "the two writes overlap in time: " + output.text());
        }
    }

    private static double[] interval(String text, String name) {
        Matcher matcher = Pattern.compile(name + ": slept from ([0-9.]+) to ([0-9.]+)").matcher(text);
        assertTrue(matcher.find(), text);
        return new double[] {Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2))};
    }
}
