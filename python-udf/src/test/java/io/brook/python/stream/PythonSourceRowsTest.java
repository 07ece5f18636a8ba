package io.brook.python.stream;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.error.BrookException;
import io.brook.engine.testing.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the rows a read function yields become (SPEC 3.3, 3.5), and how a row that does not fit fails. */
class PythonSourceRowsTest {
    private static Engine engine;
    private static Session session;

    @BeforeAll
    static void open() {
        engine = Engine.open(EngineConfig.memory("py-source-rows"));
        session = engine.openSession(Map.of());
    }

    @AfterAll
    static void close() {
        session.close();
        engine.close();
    }

    private static String failure(String sql) {
        return assertThrows(BrookException.class, () -> Sql.rows(session, sql)).getMessage();
    }

    @Test
    void everyScalarTypeComesBack() {
        session.execute("""
                CREATE EXTERNAL STREAM kinds (i8 int8, u16 uint16, i32 int32, i64 int64, u64 uint64, f32 float32,
                    f64 float64, b bool, s string, fs fixed_string(2), d date, dt datetime64(3, 'UTC')) AS $$
                import datetime
                def kinds():
                    utc = datetime.timezone.utc
                    yield (-5, 65535, -7, 1 << 40, (1 << 64) - 1, 0.5, 2.25, True, b'b\\xc3\\xa9', 'ab',
                           datetime.date(2024, 2, 29), datetime.datetime(2024, 1, 2, 3, 4, 5, 6000, tzinfo=utc))
                    yield [1, 2, 3, 4, 5, 6, 7, False, 'plain', b'x', datetime.date(1970, 1, 2),
                           datetime.datetime(1970, 1, 1, 0, 0, 1)]
                $$ SETTINGS type='python'""");
        List<List<Object>> rows = Sql.rows(session, "SELECT i8, u16, i32, i64, u64, f32, f64, b, s, d FROM kinds");
        assertEquals(List.of(
                List.of(-5L, 65535L, -7L, 1L << 40, new java.math.BigDecimal("18446744073709551615"), 0.5f, 2.25, true, "bé",
                        java.time.LocalDate.of(2024, 2, 29)),
                List.of(1L, 2L, 3L, 4L, 5L, 6.0f, 7.0, false, "plain", java.time.LocalDate.of(1970, 1, 2))), rows);
        assertEquals(List.of(List.of("2024-01-02T03:04:05.006Z"), List.of("1970-01-01T00:00:01Z")),
                Sql.rows(session, "SELECT dt FROM kinds").stream().map(r -> List.<Object>of(r.getFirst().toString())).toList());
    }

    @Test
    void nullsAndListsOfOneKindPerColumn() {
        session.execute("""
                CREATE EXTERNAL STREAM holes (n nullable(int64), f nullable(float64), s nullable(string)) AS $$
                def holes():
                    return [(1, None, 'a'), (None, 2.5, None), (3, None, 'c')]
                $$ SETTINGS type='python'""");
        assertEquals(List.of(java.util.Arrays.asList(1L, null, "a"), java.util.Arrays.asList(null, 2.5, null),
                java.util.Arrays.asList(3L, null, "c")), Sql.rows(session, "SELECT n, f, s FROM holes"));
    }

    @Test
    void integersAndBoolsAreAcceptedWhereTheyFit() {
        session.execute("""
                CREATE EXTERNAL STREAM mixed (f float64, i int64, one int8) AS $$
                def mixed():
                    yield (1, True, 1)
                    yield (2.5, 3, -128)
                    yield (True, False, 127)
                $$ SETTINGS type='python'""");
        assertEquals(List.of(List.of(1.0, 1L, 1L), List.of(2.5, 3L, -128L), List.of(1.0, 0L, 127L)),
                Sql.rows(session, "SELECT f, i, one FROM mixed"));
    }

    @Test
    void aValueThatDoesNotFitNamesRowColumnTypeAndRepr() {
        session.execute("""
                CREATE EXTERNAL STREAM bad (a int64, b int8, c float64, d int32) AS $$
                def bad():
                    yield (1, 2, 3.0, 4)
                    yield (1, 2, 3.0, 4)
                    yield (1, 300, 3.0, 4)
                $$ SETTINGS type='python'""");
        String message = failure("SELECT * FROM bad");
        assertEquals("Failed to convert Python object to int8 300 (row 3, column 'b' of stream bad) (CANNOT_CONVERT_TYPE)",
                message);
        session.execute("""
                CREATE EXTERNAL STREAM worse (a int64, c float64) AS $$
                def worse():
                    return [(1, 1.0), (2, 'x')]
                $$ SETTINGS type='python'""");
        assertEquals("Failed to convert Python object to float64 'x' (row 2, column 'c' of stream worse) (CANNOT_CONVERT_TYPE)",
                failure("SELECT * FROM worse"));
        session.execute("""
                CREATE EXTERNAL STREAM empty (a int64) AS $$
                def empty():
                    return [1, None]
                $$ SETTINGS type='python'""");
        assertEquals("Failed to convert Python object to int64 None (row 2, column 'a' of stream empty) (CANNOT_CONVERT_TYPE)",
                failure("SELECT * FROM empty"));
    }

    @Test
    void aRowOfTheWrongLengthFails() {
        session.execute("""
                CREATE EXTERNAL STREAM short (a int64, b int64) AS $$
                def short():
                    yield (1, 2)
                    yield (3,)
                $$ SETTINGS type='python'""");
        assertEquals("Python external stream short: row 2 must have 2 value(s), one per column, but is (3,) (CANNOT_CONVERT_TYPE)",
                failure("SELECT * FROM short"));
    }

    @Test
    void manyBatchesAddUp() {
        session.execute("""
                CREATE EXTERNAL STREAM counter (i int64, v float64) AS $$
                def counter():
                    for i in range(300000):
                        yield (i, float(i))
                $$ SETTINGS type='python'""");
        List<List<Object>> rows = Sql.rows(session, "SELECT count(), sum(v), sum(i) FROM counter");
        List<Object> last = rows.getLast();
        assertEquals(300_000L, ((Number) last.get(0)).longValue());
        assertEquals(300_000.0 * 299_999 / 2, ((Number) last.get(1)).doubleValue());
        assertEquals(300_000L * 299_999 / 2, ((Number) last.get(2)).longValue());
    }
}
