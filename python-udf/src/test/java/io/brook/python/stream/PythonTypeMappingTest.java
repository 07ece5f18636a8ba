package io.brook.python.stream;

import io.brook.engine.Session;
import io.brook.python.Output;
import io.brook.python.SharedEngine;
import io.brook.python.SharedSessionTest;
import io.brook.python.Sql;
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
}
