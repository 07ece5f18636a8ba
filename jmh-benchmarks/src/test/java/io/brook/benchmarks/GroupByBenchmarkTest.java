package io.brook.benchmarks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

/** Runs each GROUP BY benchmark once on small data and checks all 1,000 groups. */
class GroupByBenchmarkTest {
    private static final long ROWS = 10_000;

    @Test
    void brookGroupByReturnsEveryGroup() throws SQLException {
        GroupByBenchmark.BrookData data = new GroupByBenchmark.BrookData();
        data.rows = ROWS;
        data.load();
        try {
            Expected.assertGroupTotals(ROWS, new GroupByBenchmark().brookGroupBy(data));
        } finally {
            data.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "1"})
    void duckdbGroupByReturnsEveryGroup(String threads) throws SQLException {
        GroupByBenchmark.DuckDbData data = new GroupByBenchmark.DuckDbData();
        data.rows = ROWS;
        data.duckdbThreads = threads;
        data.load();
        try {
            Expected.assertGroupTotals(ROWS, new GroupByBenchmark().duckdbGroupBy(data));
        } finally {
            data.close();
        }
    }
}
