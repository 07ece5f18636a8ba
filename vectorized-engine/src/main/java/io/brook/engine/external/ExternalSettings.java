package io.brook.engine.external;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks every external-stream type makes of its settings, with the texts SPEC 4 gives:
 * unknown names, required values, booleans.
 */
public final class ExternalSettings {
    private ExternalSettings() {
    }

    /** Code 115 {@code Unknown setting <name>: for storage ExternalStream} for a name not in {@code known} (lower case). */
    public static void checkKnown(Map<String, String> settings, Set<String> known) {
        for (String name : settings.keySet()) {
            if (!known.contains(name.toLowerCase(Locale.ROOT))) {
                throw new BrookException(ErrorCode.UNKNOWN_SETTING, "Unknown setting " + name + ": for storage ExternalStream");
            }
        }
    }

    /**
     * {@code value} stripped; code 36 {@code Empty `<name>` setting for <type> external stream} when
     * it is missing (null) or blank.
     */
    public static String required(String name, String value, String type) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Empty `" + name + "` setting for " + type + " external stream");
        }
        return stripped;
    }

    /** {@code true}/{@code 1} or {@code false}/{@code 0}, any case; anything else is code 471. */
    public static boolean bool(String name, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                    "Invalid value '" + value + "' for setting `" + name + "`: expected true or false");
        };
    }
}
