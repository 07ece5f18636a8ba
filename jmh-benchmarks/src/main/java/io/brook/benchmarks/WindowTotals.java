package io.brook.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * What a consumer of the windowed aggregation's results keeps: the number of result rows, the
 * counts added up and each group's {@code avg * count} added up (the sum of every value, up to
 * rounding), so a run can be checked at any size. With {@code keepGroups} it also keeps every
 * group, for the tests to compare with plain Java.
 */
final class WindowTotals {
    /** One result row's aggregates. */
    record Group(long count, double average) {
    }

    private final Map<String, Group> groups;
    private long resultRows;
    private long count;
    private double valueSum;

    WindowTotals(boolean keepGroups) {
        this.groups = keepGroups ? new HashMap<>() : null;
    }

    void add(long windowStartMillis, String host, long count, double average) {
        resultRows++;
        this.count += count;
        valueSum += average * count;
        if (groups != null && groups.put(key(windowStartMillis, host), new Group(count, average)) != null) {
            throw new IllegalStateException("window " + windowStartMillis + ", host " + host + " came twice");
        }
    }

    static String key(long windowStartMillis, String host) {
        return windowStartMillis + "/" + host;
    }

    long resultRows() {
        return resultRows;
    }

    long count() {
        return count;
    }

    double valueSum() {
        return valueSum;
    }

    /** Every group, by {@link #key}; only when kept. */
    Map<String, Group> groups() {
        if (groups == null) {
            throw new IllegalStateException("groups were not kept");
        }
        return Map.copyOf(groups);
    }
}
