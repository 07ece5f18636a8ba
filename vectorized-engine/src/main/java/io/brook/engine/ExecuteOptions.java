package io.brook.engine;

/**
 * Per-execution limits from the JDBC statement: {@code setQueryTimeout} (0 = none) and
 * {@code setMaxRows} (0 = no cap; a streaming query ends after that many rows).
 */
public record ExecuteOptions(long timeoutMillis, long maxRows) {
    public static final ExecuteOptions NONE = new ExecuteOptions(0, 0);
}
