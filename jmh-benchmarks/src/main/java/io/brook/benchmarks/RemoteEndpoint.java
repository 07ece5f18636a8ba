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

    /** {@code brook server} on loopback over a data directory in {@code directory}. */
    static RemoteEndpoint brookServer(Path directory) {
        BrookServer server = BrookServer.start(ServerOptions.local(0, directory.resolve("data")));
        return new RemoteEndpoint("jdbc:avatica:remote:url=" + server.httpUrl() + ";serialization=protobuf", true, server);
    }

    static RemoteEndpoint brookEmbedded(Path directory) {
        return new RemoteEndpoint("jdbc:brook:file:" + directory.resolve("data"), true, () -> {
        });
    }

    static RemoteEndpoint avaticaHsqldb() throws SQLException {
        ReferenceAvaticaServer server = new ReferenceAvaticaServer();
        return new RemoteEndpoint(server.jdbcUrl(), false, server);
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
