package io.brook.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the benchmarks must compute, worked out with plain Java loops over {@link BenchmarkData}. */
final class Expected {
    private Expected() {
    }

    /** {@code sum(value)} of rows 0 .. rows-1 whose value exceeds {@code threshold}. */
    static double filteredSum(long rows, double threshold) {
        BenchmarkData.Values values = BenchmarkData.values();
        double total = 0;
        for (long id = 0; id < rows; id++) {
            double value = values.next();
            if (value > threshold) {
                total += value;
            }
        }
        return total;
    }

    /** Checks every group of a GROUP BY host result against a row-by-row computation. */
    static void assertGroupTotals(long rows, GroupTotals actual) {
        double[] sums = new double[BenchmarkData.HOSTS];
        long[] counts = new long[BenchmarkData.HOSTS];
        BenchmarkData.Values values = BenchmarkData.values();
        for (long id = 0; id < rows; id++) {
            int host = (int) (id % BenchmarkData.HOSTS);
            sums[host] += values.next();
            counts[host]++;
        }
        int groups = (int) Math.min(rows, BenchmarkData.HOSTS);
        assertEquals(groups, actual.groups(), "groups");
        for (int host = 0; host < groups; host++) {
            String name = BenchmarkData.host(host);
            assertEquals(counts[host], actual.count(name), "count of " + name);
            // summation order differs between engines; the difference is in the last bits
            assertEquals(sums[host], actual.sum(name), Math.abs(sums[host]) * 1e-12, "sum of " + name);
        }
    }
}
