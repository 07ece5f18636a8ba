package io.brook.jdbc;

import io.brook.engine.Session;
import io.brook.jdbc.meta.EngineSession;
import io.brook.jdbc.meta.FacadeSession;
import io.brook.jdbc.meta.SessionSource;

import java.sql.SQLException;
import java.util.Map;

/**
 * Opens sessions on in-process engines: the engine named by the connection's URL (shared
 * through {@link EngineRegistry}), with the connection properties as session settings.
 */
final class EmbeddedSessions implements SessionSource {
    /** The property under which {@link BrookDriver} hands the connection's URL to the Meta. */
    static final String URL_PROPERTY = "brook.url";

    @Override
    public EngineSession open(Map<String, String> properties) {
        BrookUrl url;
        try {
            url = BrookUrl.parse(properties.get(URL_PROPERTY));
        } catch (SQLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        EngineRegistry.Lease lease = EngineRegistry.acquire(url.engine());
        try {
            Session session = lease.engine().openSession(properties);
            return new FacadeSession(lease.engine(), session, lease::release);
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
    }
}
