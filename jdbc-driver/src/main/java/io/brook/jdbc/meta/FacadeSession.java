package io.brook.jdbc.meta;

import io.brook.engine.Engine;
import io.brook.engine.EngineMetadata;
import io.brook.engine.ExecuteOptions;
import io.brook.engine.Session;
import io.brook.engine.StatementResult;
import io.brook.engine.catalog.Column;

import java.util.List;

/** An {@link EngineSession} over the engine facade; {@code onClose} runs after the session closes. */
public final class FacadeSession implements EngineSession {
    private final Engine engine;
    private final Session session;
    private final Runnable onClose;

    public FacadeSession(Engine engine, Session session, Runnable onClose) {
        this.engine = engine;
        this.session = session;
        this.onClose = onClose;
    }

    @Override
    public StatementResult execute(String sql, List<?> parameters, ExecuteOptions options) {
        return session.execute(sql, parameters, options);
    }

    @Override
    public long[] executeBatch(String sql, List<List<?>> parameterRows, ExecuteOptions options) {
        return session.executeBatch(sql, parameterRows, options);
    }

    @Override
    public void cancelRunningStatements() {
        session.cancelRunningStatements();
    }

    @Override
    public int parameterCount(String sql) {
        return session.parameterCount(sql);
    }

    @Override
    public List<Column> describe(String sql) {
        return session.describe(sql);
    }

    @Override
    public EngineMetadata metadata() {
        return engine.metadata();
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            onClose.run();
        }
    }
}
