package io.brook.python.function;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.Sql;
import io.brook.python.SharedSessionTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 3.8: scalar Python functions. */
@Timeout(120)
class PythonScalarFunctionTest extends SharedSessionTest {

    @Test
    void aScalarFunctionGetsOneListPerArgumentAndReturnsAList() {
        session.execute("""
                CREATE FUNCTION sf_twice(v int64, w float64) RETURNS float64 LANGUAGE PYTHON AS $$
                def sf_twice(v, w):
                    assert type(v) is list and type(w) is list and len(v) == len(w)
                    return [a * 2 + b for a, b in zip(v, w)]
                $$""");
        session.execute("CREATE STREAM sf_input (v int64, w float64)");
        session.execute("INSERT INTO sf_input (v, w) VALUES (1, 0.5), (2, 0.25), (3, 0)");
        assertEquals(List.of(List.of(1L, 2.5), List.of(2L, 4.25), List.of(3L, 6.0)),
                Sql.rows(session, "SELECT v, sf_twice(v, w) FROM table(sf_input) ORDER BY v"));
        assertEquals(List.of(List.of(2L)), Sql.rows(session, "SELECT count() FROM table(sf_input) WHERE sf_twice(v, w) > 3"));
    }

    private static void numbers(String stream, String type, Object... values) {
        session.execute("CREATE STREAM " + stream + " (x " + type + ")");
        StringBuilder insert = new StringBuilder("INSERT INTO " + stream + " (x) VALUES ");
        for (int i = 0; i < values.length; i++) {
            insert.append(i == 0 ? "" : ", ").append('(').append(values[i] == null ? "NULL" : values[i]).append(')');
        }
        session.execute(insert.toString());
    }

    @Test
    void aFunctionMayChangeAndReturnItsArgument() {
        session.execute("""
                CREATE FUNCTION sf_inplace(v int32) RETURNS int32 LANGUAGE PYTHON AS $$
                def sf_inplace(v):
                    for i in range(len(v)):
                        v[i] = v[i] + 100
                    return v
                $$""");
        numbers("sf_inplace_input", "int32", 1, 2);
        assertEquals(List.of(List.of(101L), List.of(102L)),
                Sql.rows(session, "SELECT to_int64(sf_inplace(x)) FROM table(sf_inplace_input) ORDER BY x"));
    }

    @Test
    void nullsArriveAsNoneAndNoneIsNull() {
        session.execute("""
                CREATE FUNCTION sf_nulls(v nullable(int64)) RETURNS nullable(string) LANGUAGE PYTHON AS $$
                def sf_nulls(v):
                    return [None if x is None else str(x) for x in v]
                $$""");
        numbers("sf_nulls_input", "nullable(int64)", 1, null);
        assertEquals(Arrays.asList(Arrays.asList("1"), Arrays.asList((Object) null)),
                Sql.rows(session, "SELECT sf_nulls(x) FROM table(sf_nulls_input) ORDER BY x NULLS LAST"));
    }

    @Test
    void wrongLengthAndBadValuesFailTheQuery() {
        numbers("sf_errors_input", "int64", 1, 2, 3);
        session.execute("""
                CREATE FUNCTION sf_short(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
                def sf_short(v):
                    return v[1:]
                $$""");
        BrookException shortList = assertThrows(BrookException.class,
                () -> Sql.rows(session, "SELECT sf_short(x) FROM table(sf_errors_input)"));
        assertTrue(shortList.getMessage().contains("2 values for 3 rows"), shortList.getMessage());
        session.execute("""
                CREATE FUNCTION sf_text(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
                def sf_text(v):
                    return ['x%d' % i for i in v]
                $$""");
        BrookException text = assertThrows(BrookException.class,
                () -> Sql.rows(session, "SELECT sf_text(x) FROM table(sf_errors_input)"));
        assertEquals(ErrorCode.CANNOT_CONVERT_TYPE, text.code());
        assertTrue(text.getMessage().startsWith("Failed to convert Python object to int64 'x1'"), text.getMessage());
        session.execute("""
                CREATE FUNCTION sf_raise(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
                def sf_raise(v):
                    raise ValueError('no thanks')
                $$""");
        BrookException raised = assertThrows(BrookException.class,
                () -> Sql.rows(session, "SELECT sf_raise(x) FROM table(sf_errors_input)"));
        assertEquals(ErrorCode.PYTHON_ERROR, raised.code());
        assertTrue(raised.getMessage().contains("ValueError: no thanks") && raised.getMessage().contains("line 3"),
                raised.getMessage());
        assertEquals(List.of(List.of(3L)), Sql.rows(session, "SELECT count() FROM table(sf_errors_input)"));
    }

    @Test
    void nestedValuesOfTheWrongShapeCannotBeConverted() {
        numbers("sf_nested_input", "int64", 1, 2);
        session.execute("""
                CREATE FUNCTION sf_nested(v int64) RETURNS array(int64) LANGUAGE PYTHON AS $$
                def sf_nested(v):
                    return [[x, 'x'] if x == 2 else [x] for x in v]
                $$""");
        BrookException failed = assertThrows(BrookException.class,
                () -> Sql.rows(session, "SELECT sf_nested(x) FROM table(sf_nested_input) ORDER BY x"));
        assertEquals(ErrorCode.CANNOT_CONVERT_TYPE, failed.code());
        assertTrue(failed.getMessage().startsWith("Failed to convert Python object to array(int64) [2, 'x'] (value 2 "),
                failed.getMessage());
        session.execute("""
                CREATE FUNCTION sf_pairs(v int64) RETURNS map(string, tuple(int64, float64)) LANGUAGE PYTHON AS $$
                def sf_pairs(v):
                    return [{'k%d' % x: (x, x / 2)} if x == 1 else {'k': (x,)} for x in v]
                $$""");
        BrookException tuple = assertThrows(BrookException.class,
                () -> Sql.rows(session, "SELECT sf_pairs(x) FROM table(sf_nested_input)"));
        assertEquals(ErrorCode.CANNOT_CONVERT_TYPE, tuple.code());
        assertTrue(tuple.getMessage().contains("{'k': (2,)}"), tuple.getMessage());
    }

    @Test
    void aDatetimeWhereANestedDateGoesIsTakenAsItsDate() {
        session.execute("""
                CREATE FUNCTION sf_days(v int64) RETURNS array(date) LANGUAGE PYTHON AS $$
                import datetime
                def sf_days(v):
                    return [[datetime.datetime(2024, 1, x, 23, 30), datetime.date(2024, 2, x)] for x in v]
                $$""");
        assertEquals(List.of(List.of(List.of(java.time.LocalDate.of(2024, 1, 3), java.time.LocalDate.of(2024, 2, 3)))),
                Sql.rows(session, "SELECT sf_days(3)"));
    }
}
