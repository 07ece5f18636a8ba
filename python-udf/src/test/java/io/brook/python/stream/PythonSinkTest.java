package io.brook.python.stream;

import io.brook.engine.StatementResult;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.Sql;
import io.brook.python.Output;
import io.brook.python.SharedSessionTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 3.4: the write side. */
class PythonSinkTest extends SharedSessionTest {
    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void aTwoRowInsertIsExactlyOneCallWithOneSequencePerColumn() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM one_call (id int64, name string, code fixed_string(3), score float64) AS $$
                def one_call(id, name, code, score):
                    assert len(id) == len(name) == len(code) == len(score)
                    assert [type(v).__name__ for v in (id[0], name[0], code[0], score[0])] == ['int', 'bytes', 'bytes', 'float']
                    assert id[-1] == 2 and id[0:1] == [1] and list(zip(id, score)) == [(1, 0.5), (2, 1.5)]
                    name[0] = b'changed'
                    assert name[0] == b'changed'
                    print("one_call: call with", len(id), "rows", [n for n in name], list(code))
                $$ SETTINGS type='python'""");
        try (Output output = new Output()) {
            StatementResult.Update update = (StatementResult.Update) session.execute(
                    "INSERT INTO one_call (id, name, code, score) VALUES (1, 'a', 'xyz', 0.5), (2, 'b', 'ab', 1.5)");
            assertEquals(2, update.count());
            assertTrue(output.await("one_call: call with 2 rows [b'changed', b'b'] [b'xyz', b'ab\\x00']", 5_000),
                    output.text());
            Thread.sleep(100);
            assertEquals(1, count(output.text(), "one_call: call with"), output.text());
        }
    }

    @Test
    void insertSelectDeliversEveryRowInChunks() throws Exception {
        session.execute("CREATE STREAM sink_source (n int64, v float64)");
        List<List<?>> rows = new ArrayList<>();
        for (int i = 1; i <= 5_000; i++) {
            rows.add(List.of((long) i, i * 0.5));
        }
        for (int batch = 0; batch < 4; batch++) {
            session.executeBatch("INSERT INTO sink_source (n, v) VALUES (?, ?)", rows, io.brook.engine.ExecuteOptions.NONE);
        }
        session.execute("""
                CREATE EXTERNAL STREAM chunk_sink (n int64, v float64) AS $$
                def chunk_sink(n, v):
                    print("chunk_sink: chunk of %d rows, sum n %d, sum v %.1f" % (len(n), sum(n), sum(v)))
                $$ SETTINGS type='python'""");
        try (Output output = new Output()) {
            StatementResult.Update update = (StatementResult.Update) session.execute(
                    "INSERT INTO chunk_sink SELECT n, v FROM table(sink_source)");
            assertEquals(20_000, update.count());
            Thread.sleep(100);
            Matcher chunks = Pattern.compile("chunk_sink: chunk of (\\d+) rows, sum n (\\d+), sum v ([0-9.]+)")
                    .matcher(output.text());
            long total = 0;
            long sumN = 0;
            double sumV = 0;
            int calls = 0;
            while (chunks.find()) {
                calls++;
                total += Long.parseLong(chunks.group(1));
                sumN += Long.parseLong(chunks.group(2));
                sumV += Double.parseDouble(chunks.group(3));
            }
            assertEquals(20_000, total, output.text());
            assertEquals(4L * 5_000 * 5_001 / 2, sumN);
            assertEquals(4 * 0.5 * 5_000 * 5_001 / 2, sumV, 1e-6);
            assertTrue(calls >= 1 && calls <= 4, "one call per chunk, not per row: " + calls);
        }
    }

    @Test
    void aListReadIsOneChunkSoASinkFedByItIsCalledOnce() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM list_batch (n int64) AS $$
                def list_batch():
                    return [(i,) for i in range(1, 1001)]
                $$ SETTINGS type='python'""");
        session.execute("""
                CREATE EXTERNAL STREAM batch_sink (n int64) AS $$
                def batch_sink(n):
                    print("batch_sink: call with %d rows, sum %d" % (len(n), sum(n)))
                $$ SETTINGS type='python'""");
        try (Output output = new Output()) {
            session.execute("INSERT INTO batch_sink SELECT n FROM table(list_batch)");
            assertTrue(output.await("batch_sink: call with 1000 rows, sum 500500", 5_000), output.text());
            assertEquals(1, count(output.text(), "batch_sink: call"), output.text());
        }
    }

    @Test
    void aRaisingWriteFailsTheInsertWithThePythonTracebackAndTheEngineGoesOn() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM raising_sink (n int64) AS $$
                def check(n):
                    if n > 1:
                        raise ValueError("n too large: %d" % n)
                def raising_sink(n):
                    for value in n:
                        check(value)
                    print("raising_sink: accepted", list(n))
                $$ SETTINGS type='python'""");
        BrookException e = assertThrows(BrookException.class, () -> session.execute("INSERT INTO raising_sink VALUES (1), (2)"));
        assertEquals(ErrorCode.PYTHON_ERROR, e.code());
        assertTrue(e.text().startsWith("Python error in write function raising_sink of stream raising_sink: "
                + "ValueError: n too large: 2"), e.text());
        assertTrue(e.text().contains("Traceback (most recent call last):"), e.text());
        assertTrue(e.text().contains("File \"<stream raising_sink>\", line 7, in raising_sink"), e.text());
        assertTrue(e.text().contains("File \"<stream raising_sink>\", line 4, in check"), e.text());
        assertFalse(e.text().contains("brook_bridge.py"), "the traceback starts at the user's code: " + e.text());
        try (Output output = new Output()) {
            session.execute("INSERT INTO raising_sink VALUES (1)");
            assertTrue(output.await("raising_sink: accepted [1]", 5_000), output.text());
        }
        assertEquals(1L, Sql.single(session, "SELECT 1"));
    }

    @Test
    void aSinkWithoutAFunctionToCallFails() {
        session.execute("""
                CREATE EXTERNAL STREAM nameless (n int64) AS $$
                def something_else(n):
                    pass
                $$ SETTINGS type='python'""");
        BrookException e = assertThrows(BrookException.class, () -> session.execute("INSERT INTO nameless VALUES (1)"));
        assertTrue(e.text().startsWith("Python external stream sink requires a function name"), e.text());
    }

    @Test
    void initAndDeinitFrameEachInsert() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM framed_sink (n int64) AS $$
                target = None
                def open_target(name):
                    global target
                    target = name
                    print("framed_sink: init", name)
                def framed_sink(n):
                    print("framed_sink: write to", target, list(n))
                def close_target():
                    print("framed_sink: deinit", target)
                $$ SETTINGS type='python', init_function_name='open_target', init_function_parameters='audit',
                   deinit_function_name='close_target'""");
        try (Output output = new Output()) {
            session.execute("INSERT INTO framed_sink VALUES (4)");
            assertTrue(output.await("framed_sink: deinit audit", 5_000), output.text());
            String text = output.text();
            int init = text.indexOf("framed_sink: init audit");
            int write = text.indexOf("framed_sink: write to audit [4]");
            int deinit = text.indexOf("framed_sink: deinit audit");
            assertTrue(init >= 0 && init < write && write < deinit, text);
        }
    }

    @Test
    void writesMayUseJsonThreadsAndStderr() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM threaded_sink (host string, value float64) AS $$
                import json, sys, threading
                def threaded_sink(host, value):
                    out = []
                    worker = threading.Thread(target=lambda: out.append(json.dumps(
                        [{"host": h.decode(), "value": v} for h, v in zip(host, value)])))
                    worker.start()
                    worker.join()
                    print("threaded_sink:", out[0])
                    print("threaded_sink: on stderr", file=sys.stderr)
                $$ SETTINGS type='python'""");
        java.io.PrintStream originalErr = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try (Output output = new Output()) {
            session.execute("INSERT INTO threaded_sink VALUES ('a', 1.5)");
            assertTrue(output.await("threaded_sink: [{\"host\": \"a\", \"value\": 1.5}]", 5_000), output.text());
        } finally {
            System.setErr(originalErr);
        }
        assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("threaded_sink: on stderr"), err.toString());
    }
}
