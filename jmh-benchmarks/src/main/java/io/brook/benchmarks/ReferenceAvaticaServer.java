package io.brook.benchmarks;

import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.Driver;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference the remote benchmark compares Brook's server with: Apache Avatica's own
 * {@code HttpServer} serving protobuf, over {@code JdbcMeta} on an in-memory HSQLDB database, on
 * loopback. Each instance has a database of its own, gone when the server stops.
 */
final class ReferenceAvaticaServer implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final String database;
    private final HttpServer server;

    ReferenceAvaticaServer() throws SQLException {
        database = "jdbc:hsqldb:mem:reference" + DATABASES.incrementAndGet();
        JdbcMeta meta = new JdbcMeta(database, "SA", "");
        ServerCustomizer<Server> loopbackOnly = jetty -> {
            for (Connector connector : jetty.getConnectors()) {
                ((ServerConnector) connector).setHost("127.0.0.1");
            }
        };
        server = new HttpServer.Builder<Server>()
                .withHandler(new LocalService(meta), Driver.Serialization.PROTOBUF)
                .withServerCustomizers(List.of(loopbackOnly), Server.class)
                .withPort(0)
                .build();
        server.start();
    }

    /** {@code http://127.0.0.1:port}. */
    String httpUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() throws SQLException {
        server.stop();
        // an in-memory HSQLDB database lives until SHUTDOWN, whoever held it
        try (var connection = java.sql.DriverManager.getConnection(database, "SA", "");
             var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
