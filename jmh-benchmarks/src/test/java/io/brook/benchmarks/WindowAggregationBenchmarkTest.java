package io.brook.benchmarks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Runs each windowed aggregation once on small data (10 windows of 1,000 rows) and checks every
 * (window, host) group against plain Java: with 100 hosts each window holds every host, with
 * 3,000 hosts each window holds a different third of them.
 */
class WindowAggregationBenchmarkTest {
    private static final long ROWS = 10_000;
    private static final long ROWS_PER_SECOND = 1_000;

    @ParameterizedTest
    @ValueSource(ints = {100, 3_000})
    void esperEmitsEveryWindowAndHost(int hosts) {
        WindowAggregationBenchmark.EsperData esper = small(new WindowAggregationBenchmark.EsperData(), hosts);
        esper.make();
        esper.start();
        assertEquals(esper.data.resultRows(), new WindowAggregationBenchmark().esperTumble(esper));
        esper.check();
        assertGroups(esper.data, esper.totals.groups());
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 3_000})
    void brookEmitsEveryWindowAndHost(int hosts) throws SQLException {
        WindowAggregationBenchmark.BrookWindows brook = small(new WindowAggregationBenchmark.BrookWindows(), hosts);
        brook.load();
        try {
            brook.clear();
            assertEquals(brook.data.resultRows(), new WindowAggregationBenchmark().brookTumble(brook));
            brook.check();
            assertGroups(brook.data, brook.totals.groups());
        } finally {
            brook.close();
        }
    }

    private static <T extends WindowAggregationBenchmark.WindowParameters> T small(T state, int hosts) {
        state.rows = ROWS;
        state.hosts = hosts;
        state.rowsPerSecond = ROWS_PER_SECOND;
        state.keepGroups = true;
        return state;
    }

    /** Every group's count and average, worked out row by row. */
    private static void assertGroups(WindowData data, Map<String, WindowTotals.Group> actual) {
        Map<String, double[]> expected = new HashMap<>();
        BenchmarkData.Values values = BenchmarkData.values();
        for (long row = 0; row < data.rows(); row++) {
            long start = data.eventMillis(row) / WindowData.WINDOW_MILLIS * WindowData.WINDOW_MILLIS;
            double[] sumAndCount = expected.computeIfAbsent(WindowTotals.key(start, data.host(row)), key -> new double[2]);
            sumAndCount[0] += values.next();
            sumAndCount[1]++;
        }
        assertEquals(expected.size(), actual.size(), "groups");
        assertEquals(data.resultRows(), expected.size(), "WindowData.resultRows");
        for (Map.Entry<String, double[]> group : expected.entrySet()) {
            WindowTotals.Group result = actual.get(group.getKey());
            assertNotNull(result, group.getKey());
            double[] sumAndCount = group.getValue();
            assertEquals((long) sumAndCount[1], result.count(), "count of " + group.getKey());
            double average = sumAndCount[0] / sumAndCount[1];
            assertEquals(average, result.average(), Math.abs(average) * 1e-12, "average of " + group.getKey());
        }
    }
}
