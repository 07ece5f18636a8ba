package io.brook.python.stream;

import io.brook.engine.QueryResult;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.Sql;
import io.brook.python.Output;
import io.brook.python.SharedSessionTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 3.2 (lifecycle) and 3.3 (read) for sources. */
class PythonSourceTest extends SharedSessionTest {

    // ---- lifecycle (SPEC 3.2) ----

    @Test
    void initGetsTheParameterStringWhenThereIsOne() {
        session.execute("""
                CREATE EXTERNAL STREAM with_params (setting string) AS $$
                import json
                config = None
                def setup(parameters):
                    global config
                    config = json.loads(parameters)
                def with_params():
                    return [(config['greeting'],)]
                $$ SETTINGS type='python', init_function_name='setup',
                   init_function_parameters='{"greeting": "hello"}'""");
        assertEquals("hello", Sql.single(session, "SELECT setting FROM with_params"));
    }

    @Test
    void initWithoutParametersIsCalledWithNoArgument() {
        session.execute("""
                CREATE EXTERNAL STREAM no_params (n int64) AS $$
                calls = 0
                def setup():
                    global calls
                    calls += 1
                def no_params():
                    return [(calls,)]
                $$ SETTINGS type='python', init_function_name='setup'""");
        assertEquals(1L, Sql.single(session, "SELECT n FROM no_params"));
    }

    @Test
    void initThatRaisesFailsTheQueryBeforeAnyReadAndDeinitIsNotCalled() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM init_raises (n int64) AS $$
                def setup():
                    raise RuntimeError("no connection")
                def init_raises():
                    print("init_raises: read called")
                    return [(1,)]
                def teardown():
                    print("init_raises: deinit called")
                $$ SETTINGS type='python', init_function_name='setup', deinit_function_name='teardown'""");
        try (Output output = new Output()) {
            BrookException e = fails("SELECT n FROM init_raises");
            assertEquals(ErrorCode.PYTHON_ERROR, e.code());
            assertTrue(e.text().contains("RuntimeError: no connection"), e.text());
            assertTrue(e.text().contains("Traceback"), e.text());
            assertTrue(e.text().contains("File \"<stream init_raises>\", line 3, in setup"), e.text());
            assertFalse(e.text().contains("brook_bridge.py"), e.text());
            Thread.sleep(200);
            assertFalse(output.text().contains("init_raises: read called"), output.text());
            assertFalse(output.text().contains("init_raises: deinit called"), output.text());
        }
    }

    @Test
    void deinitRunsAfterANormalEndAndAfterAnError() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM deinit_normal (n int64) AS $$
                def deinit_normal():
                    yield (1,)
                    yield (2,)
                def teardown():
                    print("deinit_normal: deinit called")
                $$ SETTINGS type='python', deinit_function_name='teardown'""");
        session.execute("""
                CREATE EXTERNAL STREAM deinit_error (n int64) AS $$
                def deinit_error():
                    yield (1,)
                    raise ValueError("broken source")
                def teardown():
                    print("deinit_error: deinit called")
                $$ SETTINGS type='python', deinit_function_name='teardown'""");
        try (Output output = new Output()) {
            assertEquals(List.of(List.of(1L), List.of(2L)), Sql.rows(session, "SELECT n FROM deinit_normal"));
            assertTrue(output.await("deinit_normal: deinit called", 5_000), output.text());
            BrookException e = fails("SELECT n FROM deinit_error");
            assertTrue(e.text().contains("ValueError: broken source"), e.text());
            assertTrue(output.await("deinit_error: deinit called", 5_000), output.text());
        }
    }

    @Test
    void moduleGlobalsNeverCarryOverBetweenQueries() {
        session.execute("""
                CREATE EXTERNAL STREAM fresh_module (n int64) AS $$
                counter = 0
                def fresh_module():
                    global counter
                    counter += 1
                    return [(counter,)]
                $$ SETTINGS type='python'""");
        for (int i = 0; i < 4; i++) {
            assertEquals(1L, Sql.single(session, "SELECT n FROM fresh_module"));
        }
    }

    @Test
    void localApiGlobalsAreAbsentInAnEmbeddedEngineWithoutAUser() {
        session.execute("""
                CREATE EXTERNAL STREAM api_globals (has_user bool) AS $$
                def api_globals():
                    return [('__timeplus_local_api_user' in globals() or '__timeplus_local_api_password' in globals(),)]
                $$ SETTINGS type='python'""");
        assertEquals(false, Sql.single(session, "SELECT has_user FROM api_globals"));
    }

    // ---- read (SPEC 3.3) ----

    @Test
    void aGeneratorStreamsUntilItIsExhaustedAndAListEndsTheQuery() {
        session.execute("""
                CREATE EXTERNAL STREAM gen_rows (n int64, label string) AS $$
                def gen_rows():
                    for i in range(1, 4):
                        yield (i, 'row %d' % i)
                $$ SETTINGS type='python'""");
        session.execute("""
                CREATE EXTERNAL STREAM list_rows (n int64, label string) AS $$
                def list_rows():
                    return [(1, 'a'), [2, b'b']]
                $$ SETTINGS type='python'""");
        assertEquals(List.of(List.of(1L, "row 1"), List.of(2L, "row 2"), List.of(3L, "row 3")),
                Sql.rows(session, "SELECT n, label FROM gen_rows"));
        assertEquals(List.of(List.of(1L, "a"), List.of(2L, "b")), Sql.rows(session, "SELECT * FROM list_rows"));
        assertEquals(List.of(List.of(1L, "a"), List.of(2L, "b")), Sql.rows(session, "SELECT * FROM table(list_rows)"));
    }

    @Test
    void bareScalarsAreRowsOfAOneColumnStream() {
        session.execute("""
                CREATE EXTERNAL STREAM scalars (v float64) AS $$
                def scalars():
                    yield 1.5
                    yield (2.5,)
                    yield 3
                $$ SETTINGS type='python'""");
        assertEquals(List.of(List.of(1.5), List.of(2.5), List.of(3.0)), Sql.rows(session, "SELECT v FROM scalars"));
    }

    @Test
    void modesRequireTheirResultShapeWithTheSpecTexts() {
        session.execute("""
                CREATE EXTERNAL STREAM streaming_list (n int64) AS $$
                def streaming_list():
                    return [(1,)]
                $$ SETTINGS type='python', mode='streaming'""");
        session.execute("""
                CREATE EXTERNAL STREAM batch_gen (n int64) AS $$
                def batch_gen():
                    yield (1,)
                $$ SETTINGS type='python', mode='batch'""");
        session.execute("""
                CREATE EXTERNAL STREAM streaming_gen (n int64) AS $$
                def streaming_gen():
                    yield (1,)
                $$ SETTINGS type='python', mode='streaming'""");
        session.execute("""
                CREATE EXTERNAL STREAM batch_list (n int64) AS $$
                def batch_list():
                    return [(1,)]
                $$ SETTINGS type='python', mode='batch'""");
        assertTrue(fails("SELECT n FROM streaming_list").text()
                .startsWith("Python external stream streaming mode requires generator result"));
        assertTrue(fails("SELECT n FROM batch_gen").text()
                .startsWith("Python external stream batch mode requires list result"));
        assertEquals(1L, Sql.single(session, "SELECT n FROM streaming_gen"));
        assertEquals(1L, Sql.single(session, "SELECT n FROM batch_list"));
    }

    @Test
    void coroutinesAndAsyncGeneratorsAreRefused() {
        session.execute("""
                CREATE EXTERNAL STREAM coroutine_read (n int64) AS $$
                async def coroutine_read():
                    return [(1,)]
                $$ SETTINGS type='python'""");
        session.execute("""
                CREATE EXTERNAL STREAM async_gen_read (n int64) AS $$
                async def async_gen_read():
                    yield (1,)
                $$ SETTINGS type='python'""");
        String expected = "Python external stream does not support coroutine/async generator results. Return a "
                + "synchronous iterator (implementing __iter__/__next__) or a list.";
        assertEquals(expected, fails("SELECT n FROM coroutine_read").text());
        assertEquals(expected, fails("SELECT n FROM async_gen_read").text());
    }

    @Test
    void arityAndConversionErrorsNameRowColumnTypeAndRepr() {
        session.execute("""
                CREATE EXTERNAL STREAM wrong_arity (n int64, v float64) AS $$
                def wrong_arity():
                    return [(1, 1.0), (2, 2.0, 'extra')]
                $$ SETTINGS type='python'""");
        session.execute("""
                CREATE EXTERNAL STREAM wrong_value (n int64, v float64) AS $$
                def wrong_value():
                    yield (1, 1.0)
                    yield (2, 2.0)
                    yield (3, 'abc')
                $$ SETTINGS type='python'""");
        session.execute("""
                CREATE EXTERNAL STREAM none_value (n int64) AS $$
                def none_value():
                    return [(1,), (None,)]
                $$ SETTINGS type='python'""");
        session.execute("""
                CREATE EXTERNAL STREAM too_big (n int8) AS $$
                def too_big():
                    return [(1,), (300,)]
                $$ SETTINGS type='python'""");
        BrookException arity = fails("SELECT n FROM wrong_arity");
        assertEquals(ErrorCode.CANNOT_CONVERT_TYPE, arity.code());
        assertEquals("Python external stream wrong_arity: row 2 must have 2 value(s), one per column, but is "
                + "(2, 2.0, 'extra')", arity.text());
        BrookException value = fails("SELECT n FROM wrong_value");
        assertEquals("Failed to convert Python object to float64 'abc' (row 3, column 'v' of stream wrong_value)",
                value.text());
        assertEquals("Failed to convert Python object to int64 None (row 2, column 'n' of stream none_value)",
                fails("SELECT n FROM none_value").text());
        assertEquals("Failed to convert Python object to int8 300 (row 2, column 'n' of stream too_big)",
                fails("SELECT n FROM too_big").text());
    }

    @Test
    void limitEndsAnEndlessGeneratorClosesItAndRunsDeinit() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM endless (n int64) AS $$
                def endless():
                    i = 0
                    try:
                        while True:
                            i += 1
                            yield (i,)
                    except GeneratorExit:
                        print("endless: generator closed")
                        raise
                    except KeyboardInterrupt:
                        print("endless: KeyboardInterrupt")
                        raise
                def teardown():
                    print("endless: deinit called")
                $$ SETTINGS type='python', deinit_function_name='teardown'""");
        try (Output output = new Output()) {
            // closing the result after its end waits for the generator's close and deinit, and is
            // not a cancel: the generator sees GeneratorExit, never KeyboardInterrupt
            int queries = 10;
            for (int i = 0; i < queries; i++) {
                assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), Sql.rows(session, "SELECT n FROM endless LIMIT 3"));
            }
            assertEquals(queries, count(output.text(), "endless: generator closed"), output.text());
            assertEquals(queries, count(output.text(), "endless: deinit called"), output.text());
            assertEquals(0, count(output.text(), "endless: KeyboardInterrupt"), output.text());
        }
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void whereProjectionsAndAggregatesWorkOnTopInBothQueryKinds() {
        session.execute("""
                CREATE EXTERNAL STREAM readings (host string, value float64) AS $$
                def readings():
                    for i in range(1000):
                        yield ('host-%d' % (i % 3), float(i))
                $$ SETTINGS type='python'""");
        assertEquals(List.of(List.of("host-0", 334L, 166833.0), List.of("host-1", 333L, 166167.0),
                        List.of("host-2", 333L, 166500.0)),
                Sql.rows(session, "SELECT host, count(), sum(value) FROM table(readings) GROUP BY host ORDER BY host"));
        assertEquals(List.of(List.of("HOST-2", 998.0 * 2)),
                Sql.rows(session, "SELECT upper(host), value * 2 FROM readings WHERE value > 997 AND host = 'host-2'"));
        assertEquals(List.of(List.of(1000L, 999.0)), Sql.rows(session, "SELECT count(), max(value) FROM readings"));
    }

    @Test
    void rowsOfASlowGeneratorArriveAsTheyAreYielded() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM slow_rows (n int64) AS $$
                import time
                def slow_rows():
                    yield (1,)
                    time.sleep(60)
                    yield (2,)
                $$ SETTINGS type='python'""");
        try (QueryResult result = (QueryResult) session.execute("SELECT n FROM slow_rows")) {
            Chunk first = null;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (first == null && System.nanoTime() < deadline) {
                first = result.next(1_000_000_000L);
            }
            assertNotNull(first, "the first row arrives while the generator sleeps");
            assertEquals(1, first.size());
            first.close();
            result.cancel();
        }
    }
}
