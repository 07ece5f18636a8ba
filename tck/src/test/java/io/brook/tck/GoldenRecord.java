package io.brook.tck;

import java.util.List;

/**
 * One step of a golden file: a statement expected to succeed, a statement expected to fail
 * with a code and message, a query with its expected rows, or the start and end of a
 * streaming query that runs in the background while later steps insert rows.
 */
sealed interface GoldenRecord {

    /** Line of the file where the record starts, for failure messages. */
    int line();

    record StatementOk(int line, String sql) implements GoldenRecord {
    }

    record StatementError(int line, String sql, int code, String messagePrefix) implements GoldenRecord {
    }

    record Query(int line, String sql, boolean sortRows, List<String> expectedRows) implements GoldenRecord {
    }

    /** Starts {@code sql} as a streaming query named {@code name}; its rows are checked by {@link Results}. */
    record StartStreaming(int line, String name, String sql) implements GoldenRecord {
    }

    record Results(int line, String name, boolean sortRows, List<String> expectedRows) implements GoldenRecord {
    }

    /** The query named {@code name} must fail with {@code code} (e.g. 394 after a timeout). */
    record ResultsError(int line, String name, int code, String messagePrefix) implements GoldenRecord {
    }
}
