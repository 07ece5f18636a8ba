package io.brook.python.function;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.Sql;
import io.brook.python.SharedSessionTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 3.8: aggregate Python functions. */
@Timeout(120)
class PythonAggregateFunctionTest extends SharedSessionTest {
    private static final String MEAN = """
            CREATE AGGREGATE FUNCTION %s(v float64) RETURNS nullable(float64) LANGUAGE PYTHON AS $$
            class %s:
                def __init__(self):
                    self.total = 0.0
                    self.count = 0
                def process(self, values):
                    assert type(values) is list
                    for x in values:
                        if x is not None:
                            self.total += x
                            self.count += 1
                def finalize(self):
                    return self.total / self.count if self.count else None
                def serialize(self):
                    return '%%r,%%d' %% (self.total, self.count)
                def deserialize(self, data):
                    total, count = data.split(',')
                    self.total = float(total)
                    self.count = int(count)
            $$""";

    @Test
    void oneInstancePerGroupAndFinalizeAtTheEnd() {
        session.execute(MEAN.formatted("ag_mean", "ag_mean"));
        session.execute("CREATE STREAM ag_input (host string, v nullable(float64))");
        session.execute("INSERT INTO ag_input (host, v) VALUES ('a', 1), ('b', 10), ('a', 2), ('b', NULL), ('c', NULL)");
        assertEquals(Arrays.asList(Arrays.asList("a", 1.5), Arrays.asList("b", 10.0), Arrays.asList("c", null)),
                Sql.rows(session, "SELECT host, ag_mean(v) FROM table(ag_input) GROUP BY host ORDER BY host"));
        // no rows at all: the one global group's fresh instance is finalized
        assertEquals(Arrays.asList(Arrays.asList((Object) null)),
                Sql.rows(session, "SELECT ag_mean(v) FROM table(ag_input) WHERE host = 'none'"));
    }

    @Test
    void manyGroupsInOneChunkGoOverInOneCall() {
        session.execute("""
                CREATE AGGREGATE FUNCTION ag_calls(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
                calls = [0]
                class ag_calls:
                    def __init__(self):
                        self.n = 0
                    def process(self, values):
                        calls[0] += 1
                        self.n += len(values)
                    def finalize(self):
                        return self.n * 1000 + calls[0]
                $$""");
        session.execute("CREATE STREAM ag_groups (k int64)");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add("(" + (i % 100) + ")");
        }
        session.execute("INSERT INTO ag_groups (k) VALUES " + String.join(", ", rows));
        List<List<Object>> result = Sql.rows(session, "SELECT k, ag_calls(k) FROM table(ag_groups) GROUP BY k ORDER BY k");
        assertEquals(100, result.size());
        // every group saw its three rows in one process call, and there were 100 calls in all
        for (List<Object> row : result) {
            assertEquals(3_100L, row.get(1), result.toString());
        }
    }

    @Test
    void createChecksTheClass() {
        BrookException noClass = assertThrows(BrookException.class, () -> session.execute("""
                CREATE AGGREGATE FUNCTION ag_missing(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
                class other:
                    pass
                $$"""));
        assertEquals(ErrorCode.UNKNOWN_FUNCTION, noClass.code());
        BrookException noFinalize = assertThrows(BrookException.class, () -> session.execute("""
                CREATE AGGREGATE FUNCTION ag_partial(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
                class ag_partial:
                    def process(self, values):
                        pass
                $$"""));
        assertTrue(noFinalize.getMessage().contains("has no finalize method"), noFinalize.getMessage());
        BrookException syntax = assertThrows(BrookException.class, () -> session.execute("""
                CREATE AGGREGATE FUNCTION ag_syntax(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
                class ag_syntax:
                    def process(self, values)
                        pass
                $$"""));
        assertEquals(ErrorCode.SYNTAX_ERROR, syntax.code());
        assertTrue(syntax.getMessage().contains("line 3"), syntax.getMessage());
        assertThrows(BrookException.class, () -> Sql.rows(session, "SELECT ag_partial(1)"));
    }

    @Test
    void finalizeValuesAreConvertedToTheReturnType() {
        session.execute("""
                CREATE AGGREGATE FUNCTION ag_bad(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
                class ag_bad:
                    def process(self, values):
                        pass
                    def finalize(self):
                        return 'many'
                $$""");
        session.execute("CREATE STREAM ag_bad_input (v int64)");
        session.execute("INSERT INTO ag_bad_input (v) VALUES (1)");
        BrookException failed = assertThrows(BrookException.class,
                () -> Sql.rows(session, "SELECT ag_bad(v) FROM table(ag_bad_input)"));
        assertEquals(ErrorCode.CANNOT_CONVERT_TYPE, failed.code());
        assertTrue(failed.getMessage().startsWith("Failed to convert Python object to int64 'many'"), failed.getMessage());
    }
}
