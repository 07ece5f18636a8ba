package io.brook.tck;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoldenFileTest {

    @Test
    void readsEveryKindOfRecord() {
        List<GoldenRecord> records = GoldenFile.parse("""
                # comment
                statement ok
                CREATE STREAM s (a int64)

                statement error 60 Stream nope doesn't exist
                SELECT * FROM nope

                query rowsort
                SELECT a
                FROM table(s)
                ----
                1\tx
                2\ty

                streaming q1
                SELECT a FROM s LIMIT 1

                results q1
                ----
                1

                results q2 error 394 Query was cancelled
                """);
        assertEquals(6, records.size());
        assertEquals(new GoldenRecord.StatementOk(2, "CREATE STREAM s (a int64)"), records.get(0));
        assertEquals(new GoldenRecord.StatementError(5, "SELECT * FROM nope", 60, "Stream nope doesn't exist"), records.get(1));
        assertEquals(new GoldenRecord.Query(8, "SELECT a\nFROM table(s)", true, List.of("1\tx", "2\ty")), records.get(2));
        assertEquals(new GoldenRecord.StartStreaming(15, "q1", "SELECT a FROM s LIMIT 1"), records.get(3));
        assertEquals(new GoldenRecord.Results(18, "q1", false, List.of("1")), records.get(4));
        assertEquals(new GoldenRecord.ResultsError(22, "q2", 394, "Query was cancelled"), records.get(5));
    }

    @Test
    void rejectsUnknownRecordsAndQueriesWithoutSeparator() {
        assertThrows(IllegalArgumentException.class, () -> GoldenFile.parse("statment ok\nSELECT 1\n"));
        assertThrows(IllegalArgumentException.class, () -> GoldenFile.parse("query\nSELECT 1\n\n1\n"));
    }

    @Test
    void blankLinesInsideABodyBelongToTheStatement() {
        List<GoldenRecord> records = GoldenFile.parse("""
                statement ok
                CREATE EXTERNAL STREAM py (n int64) AS $$
                import json

                def py():

                    return [(1,)]
                $$ SETTINGS type='python'

                query
                SELECT n, '$$ $$' FROM py
                ----
                1\t$$ $$

                statement error 62 SyntaxError
                CREATE EXTERNAL STREAM bad (n int64) AS $$ def bad(:

                    pass $$ SETTINGS type='python'
                """);
        assertEquals(3, records.size());
        assertEquals(new GoldenRecord.StatementOk(1, """
                CREATE EXTERNAL STREAM py (n int64) AS $$
                import json

                def py():

                    return [(1,)]
                $$ SETTINGS type='python'"""), records.get(0));
        assertEquals(new GoldenRecord.Query(10, "SELECT n, '$$ $$' FROM py", false,
                List.of("1\t$$ $$")), records.get(1));
        assertEquals(new GoldenRecord.StatementError(15, """
                CREATE EXTERNAL STREAM bad (n int64) AS $$ def bad(:

                    pass $$ SETTINGS type='python'""", 62, "SyntaxError"), records.get(2));
    }

    @Test
    void aBlankLineOutsideABodyStillEndsTheRecord() {
        List<GoldenRecord> records = GoldenFile.parse("""
                statement ok
                CREATE EXTERNAL STREAM one (n int64) AS $$ def one(): return [1] $$ SETTINGS type='python'

                statement ok
                DROP STREAM one
                """);
        assertEquals(List.of(
                new GoldenRecord.StatementOk(1, "CREATE EXTERNAL STREAM one (n int64) AS $$ def one(): return [1] $$ SETTINGS type='python'"),
                new GoldenRecord.StatementOk(4, "DROP STREAM one")), records);
    }

    @Test
    void variablesAreReplacedByTheirValues() {
        Map<String, String> variables = Map.of("webhook_url", "http://127.0.0.1:8123", "path_2", "a$1\\b");
        assertEquals("urlopen('http://127.0.0.1:8123/hook') # a$1\\b $ {x} $$",
                GoldenFile.substitute("urlopen('${webhook_url}/hook') # ${path_2} $ {x} $$", variables));
        assertEquals("SELECT 1", GoldenFile.substitute("SELECT 1", Map.of()));
    }

    @Test
    void anUnknownVariableFailsLoudly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GoldenFile.substitute("SELECT '${webhook}'", Map.of("webhook_url", "http://x", "other", "y")));
        assertEquals("unknown variable ${webhook} (the run gives other, webhook_url)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GoldenFile.substitute("${x}", Map.of()));
    }

    @Test
    void theSuiteHasTheCasesTheSpineNeeds() throws Exception {
        long records = GoldenFiles.every().mapToLong(file -> GoldenFile.parse(file.text()).size()).sum();
        assertTrue(records >= 80, "golden files hold " + records + " cases");
    }
}
