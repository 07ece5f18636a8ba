package io.brook.connector.nats;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

/** A fresh in-memory engine and a session on it for each test. */
abstract class WithEngine {
    protected Engine engine;
    protected Session session;

    @BeforeEach
    void openEngine() {
        engine = Engine.open(EngineConfig.memory(getClass().getSimpleName() + "-" + System.nanoTime()));
        session = engine.openSession(Map.of());
    }

    @AfterEach
    void closeEngine() {
        session.close();
        engine.close();
    }
}
