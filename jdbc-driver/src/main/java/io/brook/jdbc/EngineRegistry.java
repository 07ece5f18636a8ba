package io.brook.jdbc;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * One engine per data directory or memory name in a JVM, shared by every connection to the same
 * URL. Engines are reference counted: the last connection to close closes the engine, which
 * releases its directory (so another process may open it) and, for {@code mem:} URLs, discards
 * the data, as an in-memory database does when its last connection goes.
 */
final class EngineRegistry {
    private static final Map<String, Shared> ENGINES = new HashMap<>();

    private EngineRegistry() {
    }

    /** A reference to the engine for {@code config}, opening it if this JVM has none yet. */
    static synchronized Lease acquire(EngineConfig config) {
        Shared shared = ENGINES.get(config.identity());
        if (shared == null) {
            shared = new Shared(config.identity(), Engine.open(config));
            ENGINES.put(config.identity(), shared);
        }
        shared.references++;
        return new Lease(shared);
    }

    static synchronized boolean isOpen(EngineConfig config) {
        return ENGINES.containsKey(config.identity());
    }

    private static synchronized void release(Shared shared) {
        shared.references--;
        if (shared.references == 0) {
            ENGINES.remove(shared.identity);
            shared.engine.close();
        }
    }

    private static final class Shared {
        private final String identity;
        private final Engine engine;
        private int references;

        private Shared(String identity, Engine engine) {
            this.identity = identity;
            this.engine = engine;
        }
    }

    /** One connection's hold on an engine; {@link #release()} once. */
    static final class Lease {
        private final Shared shared;
        private boolean released;

        private Lease(Shared shared) {
            this.shared = shared;
        }

        Engine engine() {
            return shared.engine;
        }

        synchronized void release() {
            if (!released) {
                released = true;
                EngineRegistry.release(shared);
            }
        }
    }
}
