package io.brook.python.stream;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a {@code type='python'} external stream (SPEC 3.1), validated with the SPEC's
 * codes and texts, and the function names they resolve to.
 */
public record PythonStreamSettings(
        String readFunction,
        String writeFunction,
        String initFunction,
        String initParameters,
        String deinitFunction,
        ReadMode mode,
        boolean readFunctionConfigured,
        boolean writeFunctionConfigured) {

    /** How a read function's result is taken (SPEC 3.3). */
    public enum ReadMode { AUTO, STREAMING, BATCH }

    static final Set<String> KNOWN = Set.of("type", "read_function_name", "write_function_name",
            "init_function_name", "init_function_parameters", "deinit_function_name", "mode");

    public static PythonStreamSettings of(String streamName, Map<String, String> settings) {
        for (String name : settings.keySet()) {
            if (!KNOWN.contains(name.toLowerCase(Locale.ROOT))) {
                throw new BrookException(ErrorCode.UNKNOWN_SETTING, "Unknown setting " + name + ": for storage ExternalStream");
            }
        }
        String read = blankToNull(settings.get("read_function_name"));
        String write = blankToNull(settings.get("write_function_name"));
        String init = blankToNull(settings.get("init_function_name"));
        String parameters = settings.get("init_function_parameters");
        String deinit = blankToNull(settings.get("deinit_function_name"));
        if (parameters != null && !parameters.isEmpty() && init == null) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "Setting 'init_function_parameters' requires 'init_function_name' to be configured");
        }
        String modeText = settings.getOrDefault("mode", "auto");
        ReadMode mode = switch (modeText.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> ReadMode.AUTO;
            case "streaming" -> ReadMode.STREAMING;
            case "batch" -> ReadMode.BATCH;
            default -> throw new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                    "Invalid value '" + modeText + "' for setting 'mode' of a Python external stream: expected auto, streaming or batch");
        };
        String readFunction = read != null ? read : streamName;
        String writeFunction = write != null ? write : readFunction;
        return new PythonStreamSettings(readFunction, writeFunction, init, parameters == null ? "" : parameters,
                deinit, mode, read != null, write != null);
    }

    /** Setting name to function name, for each function the settings name explicitly. */
    public Map<String, String> configuredFunctions() {
        Map<String, String> configured = new LinkedHashMap<>();
        if (readFunctionConfigured) {
            configured.put("read_function_name", readFunction);
        }
        if (writeFunctionConfigured) {
            configured.put("write_function_name", writeFunction);
        }
        if (initFunction != null) {
            configured.put("init_function_name", initFunction);
        }
        if (deinitFunction != null) {
            configured.put("deinit_function_name", deinitFunction);
        }
        return configured;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
