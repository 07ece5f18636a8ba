package io.brook.engine;

import io.brook.engine.catalog.Column;

import java.util.List;

/** Engine internals behind the facade: storage, catalog, planner and running queries. */
final class EngineRuntime implements AutoCloseable {
    private final EngineConfig config;

    private EngineRuntime(EngineConfig config) {
        this.config = config;
    }

    static EngineRuntime start(EngineConfig config) {
        return new EngineRuntime(config);
    }

    EngineConfig config() {
        return config;
    }

    EngineMetadata metadata() {
        throw new IllegalStateException("engine wiring in progress");
    }

    StatementResult execute(SessionState state, String sql, List<?> parameters, ExecuteOptions options) {
        throw new IllegalStateException("engine wiring in progress");
    }

    int parameterCount(String sql) {
        throw new IllegalStateException("engine wiring in progress");
    }

    List<Column> describe(SessionState state, String sql) {
        throw new IllegalStateException("engine wiring in progress");
    }

    @Override
    public void close() {
    }
}
