package io.brook.benchmarks;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs each Python bridge benchmark once on small data. The Brook sink checks every chunk's
 * hosts and the total of the values in its deinit function, which fails the INSERT otherwise;
 * the CPython peer runs only where a {@code python3} is installed.
 */
class PythonBridgeBenchmarkTest {
    private static final long ROWS = 10_000;

    private final PythonBridgeBenchmark benchmark = new PythonBridgeBenchmark();

    @Test
    void brookSinkSeesEveryRowAndTheSum() throws SQLException {
        PythonBridgeBenchmark.BrookSink sink = new PythonBridgeBenchmark.BrookSink();
        sink.rows = ROWS;
        sink.chunkRows = 3_000; // several chunks, the last one partial
        sink.load();
        try {
            assertEquals(ROWS, benchmark.brookSink(sink));
            // the check is real: a sink told to expect another sum fails the INSERT
            sink.database.execute(PythonBodies.checkedSink("py_wrong", ROWS, BenchmarkData.valueSum(ROWS) + 1));
            SQLException failure = assertThrows(SQLException.class, () -> sink.database.executeLargeUpdate(
                    "INSERT INTO py_wrong SELECT host, value FROM table(" + PythonBridgeBenchmark.TABLE + ")"));
            assertTrue(failure.getMessage().contains("AssertionError: saw 10000 rows"), failure.getMessage());
        } finally {
            sink.close();
        }
    }

    @Test
    void cpythonSinkAddsUpTheSameValues() {
        assumeTrue(CPythonPeer.available(), "no CPython 3 to compare with");
        PythonBridgeBenchmark.CPythonSink sink = new PythonBridgeBenchmark.CPythonSink();
        sink.rows = ROWS;
        sink.start();
        try {
            // both add in row order, so the sums agree to the last bit
            assertEquals(BenchmarkData.valueSum(ROWS), benchmark.cpythonSink(sink));
            assertEquals(1, sink.python.loopNanos().size());
        } finally {
            sink.close();
        }
    }

    @Test
    void brookSourceCountsAndSumsEveryRow() throws SQLException {
        PythonBridgeBenchmark.BrookSource source = new PythonBridgeBenchmark.BrookSource();
        source.rows = ROWS;
        source.open();
        try {
            assertArrayEquals(new double[] {ROWS, ROWS * (ROWS - 1) / 2.0}, benchmark.brookSource(source));
        } finally {
            source.close();
        }
    }

    @Test
    void cpythonSourceCountsAndSumsEveryRow() {
        assumeTrue(CPythonPeer.available(), "no CPython 3 to compare with");
        PythonBridgeBenchmark.CPythonSource source = new PythonBridgeBenchmark.CPythonSource();
        source.rows = ROWS;
        source.start();
        try {
            assertEquals(ROWS * (ROWS - 1) / 2.0, benchmark.cpythonSource(source));
        } finally {
            source.close();
        }
    }

    @Test
    void brookTwoRowInsertWritesTwoRows() throws SQLException {
        PythonBridgeBenchmark.BrookWarmSink sink = new PythonBridgeBenchmark.BrookWarmSink();
        sink.open();
        try {
            assertEquals(2, benchmark.brookTwoRowInsert(sink));
            assertEquals(2, benchmark.brookTwoRowInsert(sink));
        } finally {
            sink.close();
        }
    }
}
