package io.brook.jdbc.meta;

import io.brook.engine.EngineMetadata;
import io.brook.engine.ExecuteOptions;
import io.brook.engine.StatementResult;
import io.brook.engine.catalog.Column;

import java.util.List;

/**
 * What {@link BrookMeta} needs from the engine for one connection. The engine's own
 * {@link io.brook.engine.Session} provides it through {@link FacadeSession}; the interface keeps
 * the Avatica side testable with scripted results and lets a server and the embedded driver
 * open sessions in their own ways.
 */
public interface EngineSession extends AutoCloseable {

    /** Runs one statement; {@code parameters} fill its {@code ?} markers in order. */
    StatementResult execute(String sql, List<?> parameters, ExecuteOptions options);

    /** Runs one statement once per parameter row, as one execution; one update count per row. */
    long[] executeBatch(String sql, List<List<?>> parameterRows, ExecuteOptions options);

    int parameterCount(String sql);

    /** Cancels statements executing without a result set of their own (INSERT ... SELECT). */
    void cancelRunningStatements();

    /** Result columns of a query without running it; empty for other statements. */
    List<Column> describe(String sql);

    EngineMetadata metadata();

    @Override
    void close();
}
