package io.brook.engine.statement;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.storage.log.LogSettings;

import java.util.Map;
import java.util.Set;

/**
 * The settings CREATE STREAM accepts: {@code logstore_retention_ms},
 * {@code logstore_retention_bytes} (SPEC 1.2) and {@code logstore_fsync} (force each INSERT to
 * disk before it returns, for power-loss durability; SPEC 1.3).
 */
final class StreamSettings {
    private static final Set<String> KNOWN = Set.of("logstore_retention_ms", "logstore_retention_bytes", "logstore_fsync");

    private StreamSettings() {
    }

    static void validate(Map<String, String> settings) {
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            if (!KNOWN.contains(entry.getKey())) {
                throw new BrookException(ErrorCode.UNKNOWN_SETTING,
                        "Unknown setting " + entry.getKey() + ": for storage Stream");
            }
        }
        logSettings(settings);
    }

    static LogSettings logSettings(Map<String, String> settings) {
        return new LogSettings(number(settings, "logstore_retention_ms"), number(settings, "logstore_retention_bytes"),
                flag(settings, "logstore_fsync"));
    }

    private static long number(Map<String, String> settings, String name) {
        String value = settings.get(name);
        if (value == null) {
            return -1;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed <= 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                    "Invalid value '" + value + "' for setting " + name + ": expected a positive integer");
        }
    }

    private static boolean flag(Map<String, String> settings, String name) {
        String value = settings.get(name);
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                    "Invalid value '" + value + "' for setting " + name + ": expected true or false");
        };
    }
}
