package io.brook.python.runtime;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.util.Locale;
import java.util.Properties;

/**
 * How the Python runtime of an engine is set up, read from JVM system properties:
 * <ul>
 *   <li>{@code brook.python.pool_size}: warm contexts kept ready (default: available processors);</li>
 *   <li>{@code brook.python.output}: {@code console} (default) sends Python's stdout and stderr to
 *       the JVM's {@code System.out} and {@code System.err}; {@code log} sends each line to the
 *       SLF4J logger {@code io.brook.python.output} (stdout at INFO, stderr at WARN);</li>
 *   <li>{@code brook.python.allow_threads} (default true): Python may start threads;</li>
 *   <li>{@code brook.python.allow_network} (default true): Python may open sockets.</li>
 * </ul>
 */
public record PythonConfig(int poolSize, Output output, boolean allowThreads, boolean allowNetwork) {

    /** Where {@code print} goes. */
    public enum Output { CONSOLE, LOG }

    public PythonConfig {
        if (poolSize < 0) {
            throw new IllegalArgumentException("pool size " + poolSize);
        }
    }

    public static PythonConfig fromSystemProperties() {
        return from(System.getProperties());
    }

    static PythonConfig from(Properties properties) {
        String pool = properties.getProperty("brook.python.pool_size");
        int poolSize = Runtime.getRuntime().availableProcessors();
        if (pool != null) {
            try {
                poolSize = Integer.parseInt(pool.strip());
            } catch (NumberFormatException e) {
                poolSize = -1;
            }
            if (poolSize < 0) {
                throw new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                        "Invalid brook.python.pool_size '" + pool + "': expected a whole number of contexts, 0 or more");
            }
        }
        String output = properties.getProperty("brook.python.output", "console").strip().toLowerCase(Locale.ROOT);
        Output mode = switch (output) {
            case "console" -> Output.CONSOLE;
            case "log" -> Output.LOG;
            default -> throw new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                    "Invalid brook.python.output '" + output + "': expected console or log");
        };
        return new PythonConfig(poolSize, mode,
                flag(properties, "brook.python.allow_threads"), flag(properties, "brook.python.allow_network"));
    }

    private static boolean flag(Properties properties, String name) {
        String value = properties.getProperty(name, "true").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                    "Invalid " + name + " '" + value + "': expected true or false");
        };
    }
}
