package io.brook.tck;

import org.junit.jupiter.api.Test;

import java.util.List;

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
    void theSuiteHasTheCasesTheSpineNeeds() throws Exception {
        long records = GoldenFiles.all().mapToLong(file -> GoldenFile.parse(file.text()).size()).sum();
        assertTrue(records >= 80, "golden files hold " + records + " cases");
    }
}
