package io.brook.engine.view;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.plan.SettingValues;
import io.brook.engine.query.QuerySettings;
import io.brook.engine.sql.ast.Setting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SETTINGS of CREATE MATERIALIZED VIEW. As in Timeplus, the clause after the SELECT mixes the
 * view's own settings ({@code checkpoint_interval} in seconds, {@code pause_on_start},
 * {@code retry_backoff_ms}) with the query's ({@code seek_to}, {@code default_emit_interval},
 * ...); they are told apart by name, and any other name fails with code 115.
 */
record ViewSettings(long checkpointIntervalMillis, boolean pauseOnStart, long retryBackoffMillis,
                    QuerySettings query) {
    static final long DEFAULT_CHECKPOINT_INTERVAL_MILLIS = 5_000;
    static final long DEFAULT_RETRY_BACKOFF_MILLIS = 1_000;
    /** Retries wait twice as long each time, up to this (or the first wait, if that is longer). */
    static final long MAX_RETRY_BACKOFF_MILLIS = 60_000;

    static ViewSettings of(List<Setting> settings) {
        long checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL_MILLIS;
        boolean pauseOnStart = false;
        long retryBackoff = DEFAULT_RETRY_BACKOFF_MILLIS;
        Map<String, String> query = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : SettingValues.of(settings).entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue();
            switch (name) {
                case "checkpoint_interval" -> checkpointInterval = seconds(name, value);
                case "pause_on_start" -> pauseOnStart = flag(name, value);
                case "retry_backoff_ms" -> retryBackoff = positive(name, value);
                default -> {
                    if (!QuerySettings.isKnown(name)) {
                        throw new BrookException(ErrorCode.UNKNOWN_SETTING, "Unknown setting " + name);
                    }
                    query.put(name, value);
                }
            }
        }
        return new ViewSettings(checkpointInterval, pauseOnStart, retryBackoff, QuerySettings.of(query));
    }

    /** The wait before the retry after one that waited {@code previous}. */
    long nextBackoff(long previous) {
        return Math.min(previous * 2, Math.max(MAX_RETRY_BACKOFF_MILLIS, retryBackoffMillis));
    }

    private static long seconds(String name, String value) {
        try {
            double seconds = Double.parseDouble(value.strip());
            long millis = (long) (seconds * 1000);
            if (seconds > 0 && millis > 0 && Double.isFinite(seconds)) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, value, "a positive number of seconds");
    }

    private static long positive(String name, String value) {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, value, "a positive integer");
    }

    private static boolean flag(String name, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw invalid(name, value, "true or false");
        };
    }

    private static BrookException invalid(String name, String value, String expected) {
        return new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                "Invalid value '" + value + "' for setting " + name + ": expected " + expected);
    }
}
