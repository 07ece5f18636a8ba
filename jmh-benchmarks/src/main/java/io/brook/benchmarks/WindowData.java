package io.brook.benchmarks;

/**
 * The rows of the windowed aggregation benchmark, the same for Brook and Esper: row {@code i}
 * (from 0) has the event time {@link #START_MILLIS} {@code + i * 1000 / rowsPerSecond} ms (in
 * order, so no row is late), {@code host = 'host-' || (i % hosts)} and the {@code value} of
 * {@link BenchmarkData}. After the last row, one more event time, the end of the last window,
 * moves event time on so that the last window closes (a row in Brook, a clock step in Esper).
 */
final class WindowData {
    /** 2026-01-01 00:00:00 UTC: whole seconds, so windows of one second start at row 0. */
    static final long START_MILLIS = 1_767_225_600_000L;
    static final long WINDOW_MILLIS = 1_000;

    private final long rows;
    private final long rowsPerSecond;
    private final String[] hostNames;

    WindowData(long rows, int hosts, long rowsPerSecond) {
        if (rows <= 0 || hosts <= 0 || rowsPerSecond <= 0) {
            throw new IllegalArgumentException("rows " + rows + ", hosts " + hosts + ", rows per second " + rowsPerSecond);
        }
        this.rows = rows;
        this.rowsPerSecond = rowsPerSecond;
        // built once, so neither system pays for string concatenation while it is measured
        this.hostNames = new String[hosts];
        for (int host = 0; host < hosts; host++) {
            hostNames[host] = "host-" + host;
        }
    }

    long rows() {
        return rows;
    }

    int hosts() {
        return hostNames.length;
    }

    String host(long row) {
        return hostNames[(int) (row % hostNames.length)];
    }

    long eventMillis(long row) {
        return START_MILLIS + Math.multiplyExact(row, WINDOW_MILLIS) / rowsPerSecond;
    }

    /** How many one-second windows hold rows. */
    long windows() {
        return (eventMillis(rows - 1) - START_MILLIS) / WINDOW_MILLIS + 1;
    }

    /** The event time after the last row that closes the last window: its end. */
    long closingMillis() {
        return START_MILLIS + windows() * WINDOW_MILLIS;
    }

    /** How many (window, host) groups the query emits: each window's distinct hosts. */
    long resultRows() {
        long total = 0;
        long first = 0;
        for (long window = 0; window < windows(); window++) {
            long end = START_MILLIS + (window + 1) * WINDOW_MILLIS;
            long next = firstRowAtOrAfter(end);
            total += Math.min(next - first, hostNames.length);
            first = next;
        }
        return total;
    }

    private long firstRowAtOrAfter(long millis) {
        // eventMillis is non-decreasing: the smallest row whose time is at least millis
        long low = 0;
        long high = rows;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (eventMillis(middle) < millis) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
