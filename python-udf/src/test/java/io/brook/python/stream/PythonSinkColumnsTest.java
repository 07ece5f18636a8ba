package io.brook.python.stream;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.StatementResult;
import io.brook.engine.error.BrookException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a write function receives (SPEC 3.4, 3.5, 3.7). The Python bodies assert what they see,
 * so a wrong value fails the INSERT with the assertion's message.
 */
class PythonSinkColumnsTest {
    private static Engine engine;
    private static Session session;

    @BeforeAll
    static void open() {
        engine = Engine.open(EngineConfig.memory("py-sink-columns"));
        session = engine.openSession(Map.of());
    }

    @AfterAll
    static void close() {
        session.close();
        engine.close();
    }

    private static long insert(String sql) {
        return ((StatementResult.Update) session.execute(sql)).count();
    }

    @Test
    void everyScalarTypeArrivesAsItsPythonType() {
        session.execute("""
                CREATE EXTERNAL STREAM scalars (i8 int8, i16 int16, i32 int32, i64 int64, u8 uint8, u16 uint16,
                    u32 uint32, u64 uint64, f32 float32, f64 float64, b bool, s string, fs fixed_string(3),
                    d date, d32 date32, dt datetime64(3, 'UTC')) AS $$
                import datetime
                calls = 0
                def write(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, b, s, fs, d, d32, dt):
                    global calls
                    calls += 1
                    assert calls == 1, calls
                    assert i8 == [-128, 127], i8
                    assert i16 == [-32768, 32767], i16
                    assert i32 == [-2147483648, 2147483647], i32
                    assert i64 == [-9223372036854775808, 9223372036854775807], i64
                    assert u8 == [0, 255] and u16 == [0, 65535] and u32 == [0, 4294967295], (u8, u16, u32)
                    assert u64 == [0, 9223372036854775807], u64
                    assert f32 == [1.5, -0.25] and f64 == [2.25, 1e300], (f32, f64)
                    assert b == [True, False], b
                    assert s == [b'h\\xc3\\xa9llo', b''], s
                    assert fs == [b'ab\\x00', b'xyz'], fs
                    assert d == [datetime.date(2024, 2, 29), datetime.date(1970, 1, 1)], d
                    assert d32 == [datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)], d32
                    utc = datetime.timezone.utc
                    assert dt == [datetime.datetime(2024, 2, 29, 23, 59, 59, 123000, tzinfo=utc),
                                  datetime.datetime(1970, 1, 1, tzinfo=utc)], dt
                    for column in (i8, i64, u64, f64, b, s, fs, d, dt):
                        assert type(column) is list, type(column)
                    assert [type(v) for v in (i8[0], u32[1], u64[1], f32[0], f64[0], b[0], s[0], fs[0])] == \\
                        [int, int, int, float, float, bool, bytes, bytes]
                $$ SETTINGS type='python', write_function_name='write'""");
        assertEquals(2, insert("""
                INSERT INTO scalars VALUES
                (-128, -32768, -2147483648, -9223372036854775808, 0, 0, 0, 0, 1.5, 2.25, true, 'héllo', 'ab',
                 '2024-02-29', '1900-01-01', '2024-02-29 23:59:59.123'),
                (127, 32767, 2147483647, 9223372036854775807, 255, 65535, 4294967295, 9223372036854775807, -0.25, 1e300,
                 false, '', 'xyz', '1970-01-01', '2100-12-31', '1970-01-01 00:00:00')"""));
    }

    @Test
    void uint64AboveTheLongRangeStaysExact() {
        session.execute("""
                CREATE EXTERNAL STREAM big (u uint64) AS $$
                def write(u):
                    assert u == [18446744073709551615, 9223372036854775808, 1], u
                $$ SETTINGS type='python', write_function_name='write'""");
        assertEquals(3, insert("INSERT INTO big VALUES (18446744073709551615), (9223372036854775808), (1)"));
    }

    @Test
    void nullsArriveAsNoneInEveryKindOfColumn() {
        session.execute("""
                CREATE EXTERNAL STREAM holes (n nullable(int64), f nullable(float64), s nullable(string),
                    b nullable(bool), d nullable(date), i nullable(int16)) AS $$
                import datetime
                def write(n, f, s, b, d, i):
                    assert n == [1, None, 3], n
                    assert f == [None, 2.5, None], f
                    assert s == [b'a', None, b'a'], s
                    assert b == [None, True, None], b
                    assert d == [None, None, datetime.date(2000, 1, 1)], d
                    assert i == [None, None, None], i
                $$ SETTINGS type='python', write_function_name='write'""");
        assertEquals(3, insert("""
                INSERT INTO holes VALUES (1, NULL, 'a', NULL, NULL, NULL), (NULL, 2.5, NULL, true, NULL, NULL),
                (3, NULL, 'a', NULL, '2000-01-01', NULL)"""));
    }

    @Test
    void columnsAreOrdinaryListsTheFunctionMayChange() {
        session.execute("""
                CREATE EXTERNAL STREAM lists (k string, v float64, n int64) AS $$
                def write(k, v, n):
                    assert len(k) == len(v) == len(n) == 3
                    assert v[-1] == 3.0 and v[1:] == [2.0, 3.0] and k[::2] == [b'x', b'x']
                    assert list(zip(k, v, n)) == [(b'x', 1.0, 10), (b'y', 2.0, 20), (b'x', 3.0, 30)]
                    assert sum(v) == 6.0 and sorted(n, reverse=True) == [30, 20, 10]
                    v[0] = 'replaced'
                    k[1] = None
                    n.append(40)
                    assert v == ['replaced', 2.0, 3.0] and k == [b'x', None, b'x'] and n[-1] == 40
                    assert k[0] is k[2]  # a repeated value is one object
                $$ SETTINGS type='python', write_function_name='write'""");
        assertEquals(3, insert("INSERT INTO lists VALUES ('x', 1.0, 10), ('y', 2.0, 20), ('x', 3.0, 30)"));
    }

    @Test
    void emptyStringsAndNothingElse() {
        session.execute("""
                CREATE EXTERNAL STREAM blanks (s string, t fixed_string(2)) AS $$
                def write(s, t):
                    assert s == [b'', b''] and t == [b'\\x00\\x00', b'\\x00\\x00'], (s, t)
                $$ SETTINGS type='python', write_function_name='write'""");
        assertEquals(2, insert("INSERT INTO blanks VALUES ('', ''), ('', '')"));
    }

    @Test
    void aFailedAssertionFailsTheInsertWithItsMessage() {
        session.execute("""
                CREATE EXTERNAL STREAM picky (v int64) AS $$
                def write(v):
                    assert v == [2], 'got %r' % (v,)
                $$ SETTINGS type='python', write_function_name='write'""");
        BrookException failure = assertThrows(BrookException.class, () -> insert("INSERT INTO picky VALUES (1)"));
        assertTrue(failure.getMessage().contains("AssertionError: got [1]"), failure.getMessage());
    }

    /**
     * Many chunks through one sink: a column whose values repeat (sent once, then by number), one
     * whose values never repeat (cut from a blob), and one that repeats a little but holds more
     * distinct values than a dictionary may keep, so it starts over along the way.
     */
    @Test
    void stringsStayRightAcrossManyChunks() {
        session.execute("""
                CREATE EXTERNAL STREAM numbers (id int64) AS $$
                def numbers():
                    for i in range(250000):
                        yield i
                $$ SETTINGS type='python'""");
        session.execute("CREATE STREAM strings (id int64, rep string, uniq string, third string)");
        insert("INSERT INTO strings (id, rep, uniq, third) SELECT id, concat('k', to_string(id % 7)), "
                + "concat('u', to_string(id)), concat('v', to_string(int_div(id, 3))) FROM numbers");
        session.execute("""
                CREATE EXTERNAL STREAM checker (id int64, rep string, uniq string, third string) AS $$
                seen = 0
                def write(id, rep, uniq, third):
                    global seen
                    for i, r, u, t in zip(id, rep, uniq, third):
                        assert r == b'k%d' % (i % 7), (i, r)
                        assert u == b'u%d' % i, (i, u)
                        assert t == b'v%d' % (i // 3), (i, t)
                    seen += len(id)
                def done():
                    assert seen == 250000, seen
                $$ SETTINGS type='python', write_function_name='write', deinit_function_name='done'""");
        assertEquals(250_000, insert("INSERT INTO checker SELECT id, rep, uniq, third FROM table(strings)"));
    }
}
