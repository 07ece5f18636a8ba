package io.brook.engine.query;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings a query runs with: connection properties overlaid by the query's own
 * {@code SETTINGS k=v}. Unknown names fail with code 115 and bad values with 471, so a typo
 * never silently changes nothing.
 */
public final class QuerySettings {
    public static final long DEFAULT_MAX_MEMORY = 2L << 30;
    public static final int DEFAULT_BLOCK_SIZE = 65_536;
    private static final Set<String> KNOWN = Set.of(
            "max_memory_usage", "query_mode", "seek_to", "max_execution_time", "max_block_size",
            "enable_optimize_predicate_expression", "default_emit_interval", "max_threads");

    private final Map<String, String> values;

    private QuerySettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static QuerySettings defaults() {
        return new QuerySettings(Map.of());
    }

    /** Validates every name and value; later entries win. */
    public static QuerySettings of(Map<String, String> values) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            check(entry.getKey(), entry.getValue());
        }
        return new QuerySettings(values);
    }

    /** These settings with {@code overrides} on top. */
    public QuerySettings with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return of(merged);
    }

    public static boolean isKnown(String name) {
        return KNOWN.contains(name);
    }

    public long maxMemoryUsage() {
        return values.containsKey("max_memory_usage") ? Long.parseLong(values.get("max_memory_usage")) : DEFAULT_MAX_MEMORY;
    }

    /** True when the query must be bounded ({@code query_mode='table'}). */
    public boolean tableMode() {
        return "table".equals(values.get("query_mode"));
    }

    /** {@code earliest}, {@code latest}, or null when the query did not say. */
    public String seekTo() {
        return values.get("seek_to");
    }

    /** Query timeout in milliseconds, 0 for none. */
    public long maxExecutionMillis() {
        return values.containsKey("max_execution_time")
                ? (long) (Double.parseDouble(values.get("max_execution_time")) * 1000) : 0;
    }

    public int maxBlockSize() {
        return values.containsKey("max_block_size") ? Integer.parseInt(values.get("max_block_size")) : DEFAULT_BLOCK_SIZE;
    }

    /** Threads one query may use (a bounded aggregation splits its scan); by default one per core. */
    public int maxThreads() {
        return values.containsKey("max_threads") ? Integer.parseInt(values.get("max_threads"))
                : Runtime.getRuntime().availableProcessors();
    }

    public String get(String name) {
        return values.get(name);
    }

    public Map<String, String> asMap() {
        return values;
    }

    private static void check(String name, String value) {
        if (!KNOWN.contains(name)) {
            throw new BrookException(ErrorCode.UNKNOWN_SETTING, "Unknown setting " + name);
        }
        boolean valid = switch (name) {
            case "max_memory_usage", "max_block_size" -> isPositiveLong(value);
            case "max_threads" -> isPositiveInt(value);
            case "max_execution_time", "default_emit_interval" -> isNonNegativeNumber(value);
            case "query_mode" -> Set.of("table", "streaming").contains(value.toLowerCase(Locale.ROOT));
            // earliest or latest for any stream; an external stream's type may also take positions
            // (kafka: an offset per partition, nats_jetstream: a stream sequence) and checks them
            case "seek_to" -> Set.of("earliest", "latest").contains(value.toLowerCase(Locale.ROOT))
                    || value.strip().matches("\\d+(\\s*,\\s*\\d+)*");
            default -> true;
        };
        if (!valid) {
            throw new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                    "Invalid value '" + value + "' for setting " + name);
        }
    }

    private static boolean isPositiveLong(String value) {
        try {
            return Long.parseLong(value) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isPositiveInt(String value) {
        try {
            return Integer.parseInt(value) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isNonNegativeNumber(String value) {
        try {
            return Double.parseDouble(value) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
