package io.brook.benchmarks;

import io.brook.server.BrookServer;
import io.brook.server.ServerOptions;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * One system of the remote benchmark, reached through JDBC, with the SQL its table needs: Brook's
 * server through the stock Avatica driver over protobuf, Brook embedded ({@code jdbc:brook:file:}),
 * or Avatica's reference server over HSQLDB through the same driver and protocol.
 */
final class RemoteEndpoint implements AutoCloseable {
    private final String jdbcUrl;
    private final boolean brook;
    private final AutoCloseable server;

    private RemoteEndpoint(String jdbcUrl, boolean brook, AutoCloseable server) {
        this.jdbcUrl = jdbcUrl;
        this.brook = brook;
        this.server = server;
    }

    /** The systems compared. */
    enum Kind {
        /** {@code brook server} on loopback, reached with the stock Avatica driver over protobuf. */
        BROOK_SERVER,
        /** Brook's embedded driver on a data directory. */
        BROOK_EMBEDDED,
        /** Avatica's reference server over in-memory HSQLDB, reached like {@link #BROOK_SERVER}. */
        AVATICA_HSQLDB
    }

    /** Starts the system (the Brook ones keep their data under {@code directory}). */
    static RemoteEndpoint open(Kind kind, Path directory) throws SQLException {
        return switch (kind) {
            case BROOK_SERVER -> {
                BrookServer server = BrookServer.start(ServerOptions.local(0, directory.resolve("data")));
                yield new RemoteEndpoint(avaticaUrl(server.httpUrl()), true, server);
            }
            case BROOK_EMBEDDED -> new RemoteEndpoint("jdbc:brook:file:" + directory.resolve("data"), true, () -> {
            });
            case AVATICA_HSQLDB -> {
                ReferenceAvaticaServer server = new ReferenceAvaticaServer();
                yield new RemoteEndpoint(avaticaUrl(server.httpUrl()), false, server);
            }
        };
    }

    /** The stock Avatica driver's URL for a server, over protobuf. */
    static String avaticaUrl(String httpUrl) {
        return "jdbc:avatica:remote:url=" + httpUrl + ";serialization=protobuf";
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String createTable(String name) {
        return brook ? BrookDatabase.createStreamSql(name)
                : "CREATE MEMORY TABLE " + name + " (id BIGINT, host VARCHAR(16), value DOUBLE)";
    }

    String dropTable(String name) {
        return (brook ? "DROP STREAM IF EXISTS " : "DROP TABLE IF EXISTS ") + name;
    }

    String insert(String name) {
        return BrookDatabase.insertSql(name);
    }

    String selectAll(String name) {
        return "SELECT id, host, value FROM " + (brook ? "table(" + name + ")" : name);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
