package io.brook.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * (i) Brook's server over loopback beside Brook embedded and beside Avatica's reference server
 * (its {@code HttpServer} and {@code JdbcMeta} over in-memory HSQLDB). The client code is the
 * same for all ({@link JdbcRows}), and both servers are reached by the stock Avatica driver over
 * protobuf: a prepared INSERT of {@code rows} rows in JDBC batches of {@code batchRows} into a
 * fresh table, and {@code SELECT id, host, value} of {@code rows} stored rows read to the end,
 * {@code fetchRows} per fetch. The client and the server run in the one JVM of the fork.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class RemoteServerBenchmark {
    static final String DEFAULT_ROWS = "1000000";

    /** A system and one JDBC connection to it, for a whole fork. */
    @State(Scope.Benchmark)
    public abstract static class Connected {
        private final RemoteEndpoint.Kind kind;
        ScratchDirectory directory;
        RemoteEndpoint endpoint;
        Connection connection;

        Connected(RemoteEndpoint.Kind kind) {
            this.kind = kind;
        }

        @Setup(Level.Trial)
        public void connect() throws SQLException {
            directory = new ScratchDirectory("brook-remote-");
            endpoint = RemoteEndpoint.open(kind, directory.path());
            connection = DriverManager.getConnection(endpoint.jdbcUrl());
        }

        void execute(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            try (ScratchDirectory removed = directory; RemoteEndpoint stopped = endpoint) {
                connection.close();
            }
        }
    }

    /** A fresh, empty table for each iteration. */
    @State(Scope.Benchmark)
    public abstract static class InsertTarget extends Connected {
        @Param(DEFAULT_ROWS)
        public long rows;
        @Param("10000")
        public int batchRows;
        String table;
        private int created;

        InsertTarget(RemoteEndpoint.Kind kind) {
            super(kind);
        }

        @Setup(Level.Iteration)
        public void createTable() throws SQLException {
            table = "ingest_" + ++created;
            execute(endpoint.createTable(table));
        }

        @TearDown(Level.Iteration)
        public void dropTable() throws SQLException {
            execute(endpoint.dropTable(table));
        }
    }

    /** A table holding {@code rows} rows, loaded once per fork through the same connection. */
    @State(Scope.Benchmark)
    public abstract static class QueryTarget extends Connected {
        static final String TABLE = "remote_rows";
        @Param(DEFAULT_ROWS)
        public long rows;
        @Param("10000")
        public int fetchRows;

        QueryTarget(RemoteEndpoint.Kind kind) {
            super(kind);
        }

        @Setup(Level.Trial)
        public void load() throws SQLException {
            execute(endpoint.createTable(TABLE));
            JdbcRows.insert(connection, endpoint.insert(TABLE), rows, 10_000);
        }
    }

    // One state class per system and task, so that each benchmark method names its system.
    @State(Scope.Benchmark)
    public static class BrookServerInsert extends InsertTarget {
        public BrookServerInsert() {
            super(RemoteEndpoint.Kind.BROOK_SERVER);
        }
    }

    @State(Scope.Benchmark)
    public static class BrookEmbeddedInsert extends InsertTarget {
        public BrookEmbeddedInsert() {
            super(RemoteEndpoint.Kind.BROOK_EMBEDDED);
        }
    }

    @State(Scope.Benchmark)
    public static class AvaticaServerInsert extends InsertTarget {
        public AvaticaServerInsert() {
            super(RemoteEndpoint.Kind.AVATICA_HSQLDB);
        }
    }

    @State(Scope.Benchmark)
    public static class BrookServerQuery extends QueryTarget {
        public BrookServerQuery() {
            super(RemoteEndpoint.Kind.BROOK_SERVER);
        }
    }

    @State(Scope.Benchmark)
    public static class BrookEmbeddedQuery extends QueryTarget {
        public BrookEmbeddedQuery() {
            super(RemoteEndpoint.Kind.BROOK_EMBEDDED);
        }
    }

    @State(Scope.Benchmark)
    public static class AvaticaServerQuery extends QueryTarget {
        public AvaticaServerQuery() {
            super(RemoteEndpoint.Kind.AVATICA_HSQLDB);
        }
    }

    private static long insert(InsertTarget target) throws SQLException {
        return JdbcRows.insert(target.connection, target.endpoint.insert(target.table), target.rows, target.batchRows);
    }

    private static JdbcRows.Checksum query(QueryTarget target) throws SQLException {
        return JdbcRows.readAll(target.connection, target.endpoint.selectAll(QueryTarget.TABLE), target.fetchRows);
    }

    @Benchmark
    public long brookServerInsert(BrookServerInsert target) throws SQLException {
        return insert(target);
    }

    /** Brook without a server: the same client code through the embedded driver. */
    @Benchmark
    public long brookEmbeddedInsert(BrookEmbeddedInsert target) throws SQLException {
        return insert(target);
    }

    @Benchmark
    public long avaticaServerInsert(AvaticaServerInsert target) throws SQLException {
        return insert(target);
    }

    @Benchmark
    public JdbcRows.Checksum brookServerQuery(BrookServerQuery target) throws SQLException {
        return query(target);
    }

    @Benchmark
    public JdbcRows.Checksum brookEmbeddedQuery(BrookEmbeddedQuery target) throws SQLException {
        return query(target);
    }

    @Benchmark
    public JdbcRows.Checksum avaticaServerQuery(AvaticaServerQuery target) throws SQLException {
        return query(target);
    }
}
