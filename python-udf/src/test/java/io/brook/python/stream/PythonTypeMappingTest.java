package io.brook.python.stream;

import io.brook.engine.testing.Sql;
import io.brook.python.Output;
import io.brook.python.SharedSessionTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 3.5: every type both ways, nulls as None. */
class PythonTypeMappingTest extends SharedSessionTest {
    private static final String COLUMNS = "(b bool, i8 int8, i16 int16, i32 int32, i64 int64, u8 uint8, u16 uint16, "
            + "u32 uint32, u64 uint64, f32 float32, f64 float64, d date, d32 date32, dt datetime, dt64 datetime64(3), "
            + "s string, fs fixed_string(4), arr array(int64), tup tuple(int64, string), m map(string, int64), "
            + "ni nullable(int64), ns nullable(string), dec decimal(10, 2))";
    @Test
    void sqlValuesArriveAsThePythonTypesOfTheSpec() throws Exception {
        session.execute("CREATE EXTERNAL STREAM types_in " + COLUMNS + """
                 AS $$
                import datetime
                def types_in(b, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, d, d32, dt, dt64, s, fs, arr, tup, m, ni, ns, dec):
                    utc = datetime.timezone.utc
                    expected = [
                        (b, [True, False]), (i8, [-128, 1]), (i16, [-32768, 2]), (i32, [-2147483648, 3]),
                        (i64, [-9223372036854775808, 4]), (u8, [255, 5]), (u16, [65535, 6]), (u32, [4294967295, 7]),
                        (u64, [18446744073709551615, 8]), (f32, [1.5, -0.25]), (f64, [2.25, 1e300]),
                        (d, [datetime.date(2024, 2, 29), datetime.date(1970, 1, 1)]),
                        (d32, [datetime.date(1900, 1, 2), datetime.date(2100, 12, 31)]),
                        (dt, [datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=utc), datetime.datetime(1970, 1, 1, tzinfo=utc)]),
                        (dt64, [datetime.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=utc), datetime.datetime(2000, 1, 1, tzinfo=utc)]),
                        (s, [b'caf\\xc3\\xa9', b'']), (fs, [b'abcd', b'ab\\x00\\x00']),
                        (arr, [[1, 2, 3], []]), (tup, [(1, b'x'), (2, b'')]), (m, [{b'k': 1}, {}]),
                        (ni, [None, 9]), (ns, [b'n', None]),
                    ]
                    for i, (got, want) in enumerate(expected):
                        assert got == want, "column %d: %r != %r" % (i, got, want)
                    assert all(v.tzinfo is not None for v in dt + dt64), "timezone-aware datetimes"
                    assert [str(v) for v in dec] == ['12.34', '-0.50'], dec
                    print("types_in: all values as expected")
                $$ SETTINGS type='python'""");
        try (Output output = new Output()) {
            session.execute("INSERT INTO types_in VALUES "
                    + "(true, -128, -32768, -2147483648, -9223372036854775808, 255, 65535, 4294967295, 18446744073709551615, "
                    + "1.5, 2.25, '2024-02-29', '1900-01-02', '2024-01-02 03:04:05', '2024-01-02 03:04:05.678', 'café', "
                    + "'abcd', [1, 2, 3], (1, 'x'), map('k', 1), null, 'n', 12.34), "
                    + "(false, 1, 2, 3, 4, 5, 6, 7, 8, -0.25, 1e300, '1970-01-01', '2100-12-31', '1970-01-01 00:00:00', "
                    + "'2000-01-01 00:00:00.000', '', 'ab', [], (2, ''), map(), 9, null, -0.5)");
            assertTrue(output.await("types_in: all values as expected", 5_000), output.text());
        }
    }

    @Test
    void pythonValuesBecomeSqlValuesOfTheDeclaredTypes() {
        session.execute("CREATE EXTERNAL STREAM types_out " + COLUMNS + """
                 AS $$
                import datetime
                import decimal
                def types_out():
                    utc = datetime.timezone.utc
                    plus2 = datetime.timezone(datetime.timedelta(hours=2))
                    return [
                        (True, -128, -32768, -2147483648, -9223372036854775808, 255, 65535, 4294967295,
                         18446744073709551615, 1.5, 2.25, datetime.date(2024, 2, 29), datetime.date(1900, 1, 2),
                         datetime.datetime(2024, 1, 2, 5, 4, 5, tzinfo=plus2),
                         datetime.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=utc), 'café', b'abcd',
                         [1, 2, 3], (1, b'x'), {'k': 1}, None, b'n', decimal.Decimal('12.34')),
                        (False, 1, 2, 3, 4, 5, 6, 7, 8, -0.25, 1e300, datetime.date(1970, 1, 1),
                         datetime.date(2100, 12, 31), datetime.datetime(1970, 1, 1, tzinfo=utc),
                         datetime.datetime(2000, 1, 1), b'', 'ab', [], (2, ''), {}, 9, None, -0.5),
                    ]
                $$ SETTINGS type='python'""");
        List<List<Object>> rows = Sql.rows(session, "SELECT * FROM types_out");
        assertEquals(2, rows.size());
        assertEquals(Arrays.asList(true, -128L, -32768L, -2147483648L, Long.MIN_VALUE, 255L, 65535L, 4294967295L,
                new BigDecimal("18446744073709551615"), 1.5f, 2.25, LocalDate.of(2024, 2, 29), LocalDate.of(1900, 1, 2),
                Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-01-02T03:04:05.678Z"), "café", "abcd",
                List.of(1L, 2L, 3L), List.of(1L, "x"), Map.of("k", 1L), null, "n", new BigDecimal("12.34")),
                rows.get(0));
        assertEquals(Arrays.asList(false, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, -0.25f, 1e300, LocalDate.of(1970, 1, 1),
                LocalDate.of(2100, 12, 31), Instant.EPOCH, Instant.parse("2000-01-01T00:00:00Z"), "", "ab\0\0",
                List.of(), List.of(2L, ""), Map.of(), 9L, null, new BigDecimal("-0.50")), rows.get(1));
    }

    @Test
    void datetimesOfAColumnWithATimeZoneArriveInThatZone() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM zoned_instants (t datetime64(3, 'UTC'), new_york array(datetime('America/New_York'))) AS $$
                import datetime
                def zoned_instants():
                    utc = lambda *fields: datetime.datetime(*fields, tzinfo=datetime.timezone.utc)
                    return [(utc(2024, 1, 2, 3, 4, 5, 678000), [utc(2024, 3, 10, 6, 59, 59), utc(2024, 3, 10, 7, 0, 0)]),
                            (utc(2024, 7, 1, 12, 0), []), (utc(2024, 10, 27, 0, 30), []), (utc(2024, 10, 27, 1, 30), [])]
                $$ SETTINGS type='python'""");
        session.execute("""
                CREATE EXTERNAL STREAM zoned_in (t datetime64(3, 'Europe/Berlin'), new_york array(datetime('America/New_York'))) AS $$
                import datetime
                t = []
                new_york = []
                def zoned_in(t_chunk, new_york_chunk):
                    t.extend(t_chunk)
                    new_york.extend(new_york_chunk)
                def check():
                    utc = datetime.timezone.utc
                    hours = lambda n: datetime.timedelta(hours=n)
                    assert [str(v) for v in t] == ['2024-01-02 04:04:05.678000+01:00', '2024-07-01 14:00:00+02:00',
                                                   '2024-10-27 02:30:00+02:00', '2024-10-27 02:30:00+01:00'], [str(v) for v in t]
                    assert t[0] == datetime.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=utc)
                    assert [v.tzname() for v in t] == ['CET', 'CEST', 'CEST', 'CET']
                    assert [v.dst() for v in t] == [hours(0), hours(1), hours(1), hours(0)]
                    # the hour repeated when clocks go back: the second reading has fold 1
                    assert [v.fold for v in t] == [0, 0, 0, 1]
                    assert t[3].astimezone(utc) - t[2].astimezone(utc) == hours(1)
                    assert str(t[0].tzinfo) == 'Europe/Berlin' and t[0].tzinfo is t[1].tzinfo
                    assert (t[0] + datetime.timedelta(days=200)).utcoffset() == hours(2)
                    # the hour skipped when clocks go forward
                    assert [str(v) for v in new_york[0]] == ['2024-03-10 01:59:59-05:00', '2024-03-10 03:00:00-04:00'], new_york
                    assert datetime.datetime(2024, 3, 10, 2, 30, tzinfo=new_york[0][0].tzinfo).utcoffset() == hours(-5)
                    assert datetime.datetime(2024, 3, 10, 2, 30, fold=1, tzinfo=new_york[0][0].tzinfo).utcoffset() == hours(-4)
                    print("zoned_in: all values as expected")
                $$ SETTINGS type='python', deinit_function_name='check'""");
        try (Output output = new Output()) {
            session.execute("INSERT INTO zoned_in SELECT t, new_york FROM table(zoned_instants)");
            assertTrue(output.await("zoned_in: all values as expected", 5_000), output.text());
        }
    }
}
