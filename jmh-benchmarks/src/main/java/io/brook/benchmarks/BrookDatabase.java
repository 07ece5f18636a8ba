package io.brook.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A file-backed Brook database reached the way an application reaches it: through the embedded
 * JDBC driver ({@code jdbc:brook:file:<dir>}). The data lives in a {@link ScratchDirectory}.
 */
final class BrookDatabase implements AutoCloseable {
    private final ScratchDirectory directory;
    private final Connection connection;

    private BrookDatabase(ScratchDirectory directory, Connection connection) {
        this.directory = directory;
        this.connection = connection;
    }

    static BrookDatabase open() throws SQLException {
        ScratchDirectory directory = new ScratchDirectory("brook-bench-");
        try {
            return new BrookDatabase(directory, DriverManager.getConnection("jdbc:brook:file:" + directory.path()));
        } catch (SQLException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    void createStream(String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE STREAM " + name + " (id int64, host string, value float64)");
        }
    }

    void dropStream(String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP STREAM IF EXISTS " + name);
        }
    }

    /**
     * Inserts rows 0 .. rows-1 of {@link BenchmarkData} with one prepared INSERT, executing a
     * JDBC batch every {@code batchRows} rows. Returns the number of rows the batches reported.
     */
    long insert(String stream, long rows, int batchRows) throws SQLException {
        BenchmarkData.Values values = BenchmarkData.values();
        long inserted = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + stream + " (id, host, value) VALUES (?, ?, ?)")) {
            int pending = 0;
            for (long id = 0; id < rows; id++) {
                insert.setLong(1, id);
                insert.setString(2, BenchmarkData.host(id));
                insert.setDouble(3, values.next());
                insert.addBatch();
                if (++pending == batchRows) {
                    inserted += total(insert.executeLargeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                inserted += total(insert.executeLargeBatch());
            }
        }
        return inserted;
    }

    /** The bounded GROUP BY over everything stored, read to the last row. */
    GroupTotals sumAndCountByHost(String stream) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return GroupTotals.read(statement.executeQuery(
                    "SELECT host, sum(value), count() FROM table(" + stream + ") GROUP BY host"));
        }
    }

    long count(String stream) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count() FROM table(" + stream + ")")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long total(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
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
