package io.brook.jdbc.meta;

import java.util.Map;

/** Opens the engine session behind a new connection, from the connection's properties. */
@FunctionalInterface
public interface SessionSource {

    EngineSession open(Map<String, String> properties);
}
