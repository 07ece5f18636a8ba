package io.brook.benchmarks;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs each Python function benchmark once on small data and checks the answers against plain
 * Java loops; the CPython peer runs only where a {@code python3} is installed.
 */
class PythonUdfBenchmarkTest {
    private static final long ROWS = 10_000;
    private static final int CHUNK_ROWS = 3_000; // several chunks, the last one partial

    private static PythonUdfBenchmark.BrookTable table;
    private final PythonUdfBenchmark benchmark = new PythonUdfBenchmark();

    @BeforeAll
    static void load() throws SQLException {
        table = new PythonUdfBenchmark.BrookTable();
        table.rows = ROWS;
        table.chunkRows = CHUNK_ROWS;
        table.load();
    }

    @AfterAll
    static void close() throws SQLException {
        table.close();
    }

    /** {@code sum(value * 2 + 1)} of the rows, added in row order. */
    private static double expectedSum() {
        BenchmarkData.Values values = BenchmarkData.values();
        double total = 0;
        for (long id = 0; id < ROWS; id++) {
            total += values.next() * 2 + 1;
        }
        return total;
    }

    @Test
    void brookScalarCountsAndSumsEveryResult() throws SQLException {
        double[] countAndSum = benchmark.brookScalar(table);
        assertEquals(ROWS, countAndSum[0]);
        assertEquals(expectedSum(), countAndSum[1], expectedSum() * 1e-12);
        assertArrayEquals(countAndSum, benchmark.brookBuiltinScalar(table), expectedSum() * 1e-12);
    }

    @Test
    void theFunctionGetsTheChunksTheCPythonPeerCuts() throws SQLException {
        table.database.execute(PythonBodies.chunkLength("chunk_length"));
        double[] largest = table.database.lastRowOfTwoNumbers(
                "SELECT count(), max(chunk_length(value)) FROM table(" + PythonUdfBenchmark.TABLE + ")");
        assertEquals(CHUNK_ROWS, largest[1]);
    }

    @Test
    void cpythonScalarAddsUpTheSameResults() {
        assumeTrue(CPythonPeer.available(), "no CPython 3 to compare with");
        PythonUdfBenchmark.CPythonScalar scalar = new PythonUdfBenchmark.CPythonScalar();
        scalar.rows = ROWS;
        scalar.chunkRows = CHUNK_ROWS;
        scalar.start();
        try {
            assertEquals(expectedSum(), benchmark.cpythonScalar(scalar), expectedSum() * 1e-12);
            assertEquals(1, scalar.python.loopNanos().size());
        } finally {
            scalar.close();
        }
    }

    @Test
    void thePythonMeanAndTheBuiltInAvgAgreeWithJava() throws SQLException {
        double[] sums = new double[BenchmarkData.HOSTS];
        long[] counts = new long[BenchmarkData.HOSTS];
        BenchmarkData.Values values = BenchmarkData.values();
        for (long id = 0; id < ROWS; id++) {
            int host = (int) (id % BenchmarkData.HOSTS);
            sums[host] += values.next();
            counts[host]++;
        }
        double[] means = new double[BenchmarkData.HOSTS];
        for (int host = 0; host < BenchmarkData.HOSTS; host++) {
            means[host] = sums[host] / counts[host];
        }
        // the order of additions differs, so the last bits may too
        assertArrayEquals(means, benchmark.brookPythonMean(table), 1e-9);
        assertArrayEquals(means, benchmark.brookBuiltinAvg(table), 1e-9);
        assertArrayEquals(means, benchmark.brookBuiltinAvgOneThread(table), 1e-9);
    }
}
