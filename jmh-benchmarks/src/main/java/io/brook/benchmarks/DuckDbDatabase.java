package io.brook.benchmarks;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The peer: a file-backed DuckDB database in a {@link ScratchDirectory}, loaded with DuckDB's own
 * fastest Java path (its appender) and queried through its JDBC driver.
 */
final class DuckDbDatabase implements AutoCloseable {
    private final ScratchDirectory directory;
    private final DuckDBConnection connection;

    private DuckDbDatabase(ScratchDirectory directory, DuckDBConnection connection) {
        this.directory = directory;
        this.connection = connection;
    }

    static DuckDbDatabase open() throws SQLException {
        ScratchDirectory directory = new ScratchDirectory("duckdb-bench-");
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:" + directory.path().resolve("bench.duckdb"));
            return new DuckDbDatabase(directory, connection.unwrap(DuckDBConnection.class));
        } catch (SQLException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** {@code SET threads}: DuckDB's worker count for this database, by default one per core. */
    void setThreads(int threads) throws SQLException {
        execute("SET threads = " + threads);
    }

    void createTable(String name) throws SQLException {
        execute("CREATE TABLE " + name + " (id BIGINT, host VARCHAR, value DOUBLE)");
    }

    void dropTable(String name) throws SQLException {
        execute("DROP TABLE IF EXISTS " + name);
    }

    /** Appends rows 0 .. rows-1 of {@link BenchmarkData}; closing the appender commits them. */
    long append(String table, long rows) throws SQLException {
        BenchmarkData.Values values = BenchmarkData.values();
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (long id = 0; id < rows; id++) {
                appender.beginRow()
                        .append(id)
                        .append(BenchmarkData.host(id))
                        .append(values.next())
                        .endRow();
            }
        }
        return rows;
    }

    /** Writes what is in the write-ahead log into the database file, as a loaded table would be. */
    void checkpoint() throws SQLException {
        execute("CHECKPOINT");
    }

    GroupTotals sumAndCountByHost(String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return GroupTotals.read(statement.executeQuery(
                    "SELECT host, sum(value), count(*) FROM " + table + " GROUP BY host"));
        }
    }

    long count(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            directory.close();
        }
    }
}
