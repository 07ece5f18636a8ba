package io.brook.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A file-backed Brook database reached the way an application reaches it: through the embedded
 * JDBC driver ({@code jdbc:brook:file:<dir>}).
 */
final class BrookDatabase implements AutoCloseable {
    private final Connection connection;
    /** The directory this database owns and removes on close; null when the caller owns it. */
    private final ScratchDirectory scratch;

    private BrookDatabase(Connection connection, ScratchDirectory scratch) {
        this.connection = connection;
        this.scratch = scratch;
    }

    /** Connects to the database in {@code directory}; the caller removes the directory after {@link #close}. */
    static BrookDatabase open(Path directory) throws SQLException {
        return new BrookDatabase(DriverManager.getConnection("jdbc:brook:file:" + directory), null);
    }

    /** A new database in a scratch directory of its own, removed on {@link #close}. */
    static BrookDatabase inScratch() throws SQLException {
        ScratchDirectory directory = new ScratchDirectory("brook-bench-");
        try {
            return new BrookDatabase(DriverManager.getConnection("jdbc:brook:file:" + directory.path()), directory);
        } catch (SQLException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    static String createStreamSql(String name) {
        return "CREATE STREAM " + name + " (id int64, host string, value float64)";
    }

    static String insertSql(String stream) {
        return "INSERT INTO " + stream + " (id, host, value) VALUES (?, ?, ?)";
    }

    void createStream(String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStreamSql(name));
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
        return JdbcRows.insert(connection, insertSql(stream), rows, batchRows);
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

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    long executeLargeUpdate(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeLargeUpdate(sql);
        }
    }

    /**
     * Runs a query with two numeric columns to its end and returns its last row: a global
     * aggregation over a stream emits running results, the last one covers every row.
     */
    double[] lastRowOfTwoNumbers(String sql) throws SQLException {
        double[] last = null;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                last = new double[] {result.getDouble(1), result.getDouble(2)};
            }
        }
        if (last == null) {
            throw new SQLException("no rows from " + sql);
        }
        return last;
    }

    /**
     * Runs {@code SELECT host, <number> ... GROUP BY host} and returns the numbers by host
     * ({@code host-<n>} at index n), NaN for a host with no row.
     */
    double[] numberByHost(String sql) throws SQLException {
        double[] byHost = new double[BenchmarkData.HOSTS];
        java.util.Arrays.fill(byHost, Double.NaN);
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                byHost[Integer.parseInt(result.getString(1).substring("host-".length()))] = result.getDouble(2);
            }
        }
        return byHost;
    }

    /** Reads every row of a windowed aggregation {@code (window_start, host, count, avg)} into {@code totals}. */
    void readWindows(String sql, WindowTotals totals) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                totals.add(result.getLong(1), result.getString(2), result.getLong(3), result.getDouble(4));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            if (scratch != null) {
                scratch.close();
            }
        }
    }
}
