package io.brook.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The client code every JDBC benchmark shares, whatever the system behind the connection: rows of
 * {@link BenchmarkData} written with one prepared INSERT in JDBC batches, and a query's rows
 * {@code (id, host, value)} read to the end into a {@link Checksum}.
 */
final class JdbcRows {
    private JdbcRows() {
    }

    /** Sums over the rows read, the same whatever order they come in. */
    record Checksum(long rows, long idSum, long hostHashSum, double valueSum) {
        /** The checksum of rows 0 .. rows-1 of {@link BenchmarkData}. */
        static Checksum expected(long rows) {
            long hostHashSum = 0;
            for (long id = 0; id < rows; id++) {
                hostHashSum += BenchmarkData.host(id).hashCode();
            }
            return new Checksum(rows, rows * (rows - 1) / 2, hostHashSum, BenchmarkData.valueSum(rows));
        }
    }

    /**
     * Inserts rows 0 .. rows-1 with the prepared {@code insertSql} (three markers: id, host,
     * value), executing a JDBC batch every {@code batchRows} rows. Returns the rows the batches reported.
     */
    static long insert(Connection connection, String insertSql, long rows, int batchRows) throws SQLException {
        BenchmarkData.Values values = BenchmarkData.values();
        long inserted = 0;
        try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
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

    /** Runs a query of {@code (id, host, value)} asking for {@code fetchRows} rows per fetch, reading every row. */
    static Checksum readAll(Connection connection, String sql, int fetchRows) throws SQLException {
        long rows = 0;
        long idSum = 0;
        long hostHashSum = 0;
        double valueSum = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(fetchRows);
            try (ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    rows++;
                    idSum += result.getLong(1);
                    hostHashSum += result.getString(2).hashCode();
                    valueSum += result.getDouble(3);
                }
            }
        }
        return new Checksum(rows, idSum, hostHashSum, valueSum);
    }

    private static long total(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }
}
