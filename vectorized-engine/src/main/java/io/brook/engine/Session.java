package io.brook.engine;

import java.util.List;
import java.util.Map;

/**
 * One connection's view of the engine: its settings and the statements it runs. Thread-safe
 * for different statements; each execute runs one SQL statement.
 */
public final class Session implements AutoCloseable {
    private final EngineRuntime runtime;
    private final SessionState state;

    Session(EngineRuntime runtime, Map<String, String> properties) {
        this.runtime = runtime;
        this.state = SessionState.fromProperties(properties);
    }

    /**
     * Parses, plans and runs one statement. {@code parameters} fill the {@code ?} markers in
     * order. DDL and INSERT complete before this returns; a query returns a {@link QueryResult}
     * that is already running.
     */
    public StatementResult execute(String sql, List<?> parameters, ExecuteOptions options) {
        return runtime.execute(state, sql, parameters, options);
    }

    public StatementResult execute(String sql) {
        return execute(sql, List.of(), ExecuteOptions.NONE);
    }

    /**
     * Runs one statement once per row of parameters, for JDBC batches. An INSERT ... VALUES
     * with parameters writes all rows at once (one log entry). Returns each row's update count.
     */
    public long[] executeBatch(String sql, List<? extends List<?>> parameterRows, ExecuteOptions options) {
        return runtime.executeBatch(state, sql, parameterRows, options);
    }

    /**
     * Cancels the statements this session is executing that have no {@link QueryResult} of
     * their own (an INSERT ... SELECT, say); they fail with code 394. Queries are cancelled
     * through their {@link QueryResult}.
     */
    public void cancelRunningStatements() {
        state.running().cancelAll();
    }

    /** Number of {@code ?} markers, checking the syntax. */
    public int parameterCount(String sql) {
        return runtime.parameterCount(sql);
    }

    /** Result columns of a query without running it (empty for other statements). */
    public List<io.brook.engine.catalog.Column> describe(String sql) {
        return runtime.describe(state, sql);
    }

    @Override
    public void close() {
        state.close();
    }
}
