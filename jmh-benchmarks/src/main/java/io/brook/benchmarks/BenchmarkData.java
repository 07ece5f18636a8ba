package io.brook.benchmarks;

import java.util.SplittableRandom;

/**
 * The one data set every benchmark uses, so Brook and DuckDB always see the same rows: row
 * {@code i} (from 0) has {@code id = i}, {@code host = 'host-' || (i % 1000)} and a
 * {@code value} in [0, 100) drawn from a generator with a fixed seed, in row order.
 */
public final class BenchmarkData {
    /** The scale the published numbers use; every benchmark takes a {@code rows} parameter. */
    public static final String DEFAULT_ROWS = "10000000";
    public static final int HOSTS = 1000;
    public static final double VALUE_LIMIT = 100.0;
    private static final long SEED = 0x5EED_B700CL;
    // Built once: the loaders hand the same String objects to Brook and DuckDB, so neither pays
    // for string concatenation inside a timed loop.
    private static final String[] HOST_NAMES = new String[HOSTS];

    static {
        for (int host = 0; host < HOSTS; host++) {
            HOST_NAMES[host] = "host-" + host;
        }
    }

    private BenchmarkData() {
    }

    public static String host(long id) {
        return HOST_NAMES[(int) (id % HOSTS)];
    }

    /** The values of rows 0, 1, 2, ... in order; each call starts from row 0 again. */
    public static Values values() {
        return new Values();
    }

    /** {@code sum(value)} of rows 0 .. rows-1, added in row order. */
    public static double valueSum(long rows) {
        Values values = values();
        double total = 0;
        for (long id = 0; id < rows; id++) {
            total += values.next();
        }
        return total;
    }

    /** A pass over the {@code value} column. */
    public static final class Values {
        private final SplittableRandom random = new SplittableRandom(SEED);

        public double next() {
            return random.nextDouble() * VALUE_LIMIT;
        }
    }
}
