package io.brook.engine.testing;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;

import java.util.Map;
import java.util.UUID;

/**
 * An in-memory engine and one session on it, for a test class that opens them before its tests
 * and closes them after, usually beside a broker: {@link #closeAll} closes things in the order
 * given, every one of them even when one fails.
 */
public final class BrookSession implements AutoCloseable {
    private final Engine engine;
    private final Session session;

    private BrookSession(Engine engine, Session session) {
        this.engine = engine;
        this.session = session;
    }

    /** An engine named {@code name} plus a random suffix, so that test classes never share one. */
    public static BrookSession inMemory(String name) {
        Engine engine = Engine.open(EngineConfig.memory(name + "-" + UUID.randomUUID()));
        try {
            return new BrookSession(engine, engine.openSession(Map.of()));
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    public Engine engine() {
        return engine;
    }

    public Session session() {
        return session;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            engine.close();
        }
    }

    /**
     * Closes each of {@code resources} that is not null, in order (an engine before the broker it
     * reads from); the first failure is thrown once all were tried, later ones added as suppressed.
     */
    public static void closeAll(AutoCloseable... resources) throws Exception {
        Exception failure = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
