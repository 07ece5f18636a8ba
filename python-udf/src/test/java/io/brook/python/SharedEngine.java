package io.brook.python;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;

import java.util.Map;

/**
 * One in-memory engine for the Python tests of this JVM: each engine has its own GraalPy engine,
 * whose first contexts take seconds to start, so the test classes share one (with distinct
 * stream names) and it is closed when the JVM ends.
 */
public final class SharedEngine {
    private static Engine engine;

    private SharedEngine() {
    }

    public static synchronized Engine engine() {
        if (engine == null) {
            engine = Engine.open(EngineConfig.memory("python-tests"));
            Engine opened = engine;
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close));
        }
        return engine;
    }

    public static Session session() {
        return engine().openSession(Map.of());
    }
}
