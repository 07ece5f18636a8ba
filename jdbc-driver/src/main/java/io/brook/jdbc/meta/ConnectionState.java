package io.brook.jdbc.meta;

import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.Meta;

import java.sql.Connection;
import java.util.Calendar;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One open connection: its engine session, its statements, and the properties JDBC keeps in sync. */
final class ConnectionState implements AutoCloseable {
    final EngineSession session;
    final Calendar calendar;
    private final Map<Integer, StatementState> statements = new ConcurrentHashMap<>();
    private final AtomicInteger nextStatementId = new AtomicInteger();
    private final ConnectionPropertiesImpl properties;
    private volatile long lastUsedNanos = System.nanoTime();

    ConnectionState(EngineSession session, Map<String, String> info) {
        this.session = session;
        String zone = info.get("timeZone");
        // The zone Avatica used to encode date and time parameters on the client side.
        this.calendar = Calendar.getInstance(zone == null ? TimeZone.getDefault() : TimeZone.getTimeZone(zone), Locale.ROOT);
        this.properties = new ConnectionPropertiesImpl(true, false, Connection.TRANSACTION_NONE, null, "default");
    }

    /** Notes a request on this connection, for a server that closes connections left idle. */
    void touch() {
        lastUsedNanos = System.nanoTime();
    }

    /** Nanoseconds since the last request, as of {@code now} ({@link System#nanoTime()}). */
    long idleNanos(long now) {
        return now - lastUsedNanos;
    }

    StatementState newStatement(String sql, Meta.Signature signature) {
        int id = nextStatementId.incrementAndGet();
        StatementState statement = new StatementState(id, sql, signature);
        statements.put(id, statement);
        return statement;
    }

    StatementState statement(int id) {
        return statements.get(id);
    }

    StatementState removeStatement(int id) {
        return statements.remove(id);
    }

    synchronized Meta.ConnectionProperties sync(Meta.ConnectionProperties changes) {
        // Brook has no transactions: every statement commits on its own, whatever is asked.
        String schema = changes.getSchema();
        if (schema != null && !schema.equals(properties.getSchema())) {
            // Connection.setSchema: the session's database, as USE sets it (fails for an unknown one)
            io.brook.engine.StatementResult result = session.execute("USE `" + schema.replace("`", "``") + "`",
                    java.util.List.of(), io.brook.engine.ExecuteOptions.NONE);
            if (result instanceof io.brook.engine.QueryResult query) {
                query.close();
            }
        }
        properties.merge(changes);
        properties.setAutoCommit(true);
        properties.setTransactionIsolation(Connection.TRANSACTION_NONE);
        return properties;
    }

    @Override
    public void close() {
        try {
            for (StatementState statement : statements.values()) {
                statement.closeQuery();
            }
            statements.clear();
        } finally {
            session.close();
        }
    }
}
