package io.brook.engine;

import java.util.Map;

/**
 * The facade of one Brook engine: its catalog, storage, running queries and views. One engine
 * per data directory (or memory name) per JVM; JDBC connections to the same URL share it.
 */
public final class Engine implements AutoCloseable {
    private final EngineRuntime runtime;

    private Engine(EngineRuntime runtime) {
        this.runtime = runtime;
    }

    /** Opens (creating if needed) the engine for a data directory or memory name. */
    public static Engine open(EngineConfig config) {
        return new Engine(EngineRuntime.start(config));
    }

    /**
     * A session with connection properties: query settings (e.g. {@code query_mode=table},
     * {@code max_memory_usage}) apply to every statement; other properties are ignored.
     */
    public Session openSession(Map<String, String> properties) {
        return new Session(runtime, properties);
    }

    public EngineMetadata metadata() {
        return runtime.metadata();
    }

    public EngineConfig config() {
        return runtime.config();
    }

    /**
     * Turns on the local API user (SPEC 5.3) and returns it: a user name and password made now
     * from a secure random source, held only in memory and different on every start. Code the
     * engine runs (Python) receives them; a server accepts them. Calling it again returns the
     * same user.
     */
    public io.brook.engine.external.EngineServices.LocalApiUser enableLocalApiUser() {
        return runtime.enableLocalApiUser();
    }

    public static String version() {
        return BrookVersion.VERSION;
    }

    @Override
    public void close() {
        runtime.close();
    }
}
