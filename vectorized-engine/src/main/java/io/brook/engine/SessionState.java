package io.brook.engine;

import io.brook.engine.query.QuerySettings;

import java.util.HashMap;
import java.util.Map;

/** A session's settings: connection properties that are query settings, plus SET statements. */
final class SessionState implements AutoCloseable {
    private volatile QuerySettings settings;
    private volatile String database = "default";
    private final io.brook.engine.query.RunningStatements running = new io.brook.engine.query.RunningStatements();

    private SessionState(QuerySettings settings) {
        this.settings = settings;
    }

    static SessionState fromProperties(Map<String, String> properties) {
        Map<String, String> known = new HashMap<>();
        properties.forEach((name, value) -> {
            if (QuerySettings.isKnown(name)) {
                known.put(name, value);
            }
        });
        return new SessionState(QuerySettings.of(known));
    }

    QuerySettings settings() {
        return settings;
    }

    void set(String name, String value) {
        settings = settings.with(Map.of(name, value));
    }

    io.brook.engine.query.RunningStatements running() {
        return running;
    }

    String database() {
        return database;
    }

    void useDatabase(String name) {
        database = name;
    }

    @Override
    public void close() {
        running.cancelAll();
    }
}
