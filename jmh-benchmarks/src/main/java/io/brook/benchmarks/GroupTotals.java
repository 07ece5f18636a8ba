package io.brook.benchmarks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The rows of {@code SELECT host, sum(value), count() ... GROUP BY host}, read completely from a
 * JDBC result set. Both engines' results go through this same reader, so reading the 1,000 rows
 * costs them the same, and the tests can check every group.
 */
public final class GroupTotals {
    private final Map<String, Double> sums = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();

    private GroupTotals() {
    }

    /** Reads every row of (host, sum, count) and closes the result set. */
    static GroupTotals read(ResultSet rows) throws SQLException {
        GroupTotals totals = new GroupTotals();
        try (rows) {
            while (rows.next()) {
                String host = rows.getString(1);
                totals.sums.put(host, rows.getDouble(2));
                totals.counts.put(host, rows.getLong(3));
            }
        }
        return totals;
    }

    public int groups() {
        return sums.size();
    }

    public double sum(String host) {
        return sums.getOrDefault(host, Double.NaN);
    }

    public long count(String host) {
        return counts.getOrDefault(host, -1L);
    }
}
