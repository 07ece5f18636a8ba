package io.brook.benchmarks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs each kernel benchmark once over a few chunks and compares with a plain Java loop. */
class FilterSumKernelBenchmarkTest {
    // two full chunks and a partial one, so chunk boundaries and the loop tails are covered
    private static final long ROWS = 2L * FilterSumKernelBenchmark.CHUNK_ROWS + 1_234;
    private static final double THRESHOLD = 50;

    private final FilterSumKernelBenchmark benchmark = new FilterSumKernelBenchmark();
    private double expected;

    @BeforeEach
    void setUp() {
        benchmark.rows = ROWS;
        benchmark.threshold = THRESHOLD;
        benchmark.setUp();
        expected = Expected.filteredSum(ROWS, THRESHOLD);
    }

    @AfterEach
    void tearDown() {
        benchmark.tearDown();
    }

    @Test
    void filterThenSumMatchesAPlainLoop() {
        assertEquals(expected, benchmark.filterThenSum(), expected * 1e-12);
    }

    @Test
    void filterOperatorThenSumMatchesAPlainLoop() {
        assertEquals(expected, benchmark.filterOperatorThenSum(), expected * 1e-12);
    }

    @Test
    void handWrittenLoopMatchesAPlainLoop() {
        assertEquals(expected, benchmark.handWrittenLoop(), expected * 1e-12);
    }

    @Test
    void filterOnlyCountsThePassingRows() {
        BenchmarkData.Values values = BenchmarkData.values();
        long passing = 0;
        for (long id = 0; id < ROWS; id++) {
            passing += values.next() > THRESHOLD ? 1 : 0;
        }
        assertEquals(passing, benchmark.filterOnly());
    }

    @Test
    void sumOnlyAddsEveryRow() {
        double all = Expected.filteredSum(ROWS, Double.NEGATIVE_INFINITY);
        assertEquals(all, benchmark.sumOnly(), all * 1e-12);
    }

    @Test
    void everyRowCountsWhenTheThresholdIsBelowAllValues() {
        benchmark.tearDown();
        benchmark.threshold = -1;
        benchmark.setUp();
        // the filter passes whole chunks on unchanged, the path a selection-free chunk takes
        double all = Expected.filteredSum(ROWS, -1);
        assertEquals(all, benchmark.filterThenSum(), all * 1e-12);
        assertEquals(all, benchmark.filterOperatorThenSum(), all * 1e-12);
    }
}
