package io.brook.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end latency of one row (SPEC 3.6, 5.1): {@code INSERT INTO src VALUES (...)} of a
 * single row, the materialized view {@code CREATE MATERIALIZED VIEW v INTO py_sink AS SELECT id,
 * host, value FROM src} picking it up, and the Python sink's write function being called with
 * it. The write function sends the last id of its chunk over a loopback TCP connection that its
 * init function opened (with {@code TCP_NODELAY}) to a socket this benchmark listens on; one
 * invocation is the time from just before the INSERT until that id has been read back, so it
 * covers the INSERT statement through JDBC, the view's wake-up, its pipeline, the Python call
 * and one loopback hop (tens of microseconds). JMH's sample mode keeps every invocation's time,
 * so the result is the distribution: p50 and p99 are the numbers to read.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class ViewLatencyBenchmark {
    private static final int ACCEPT_TIMEOUT_MILLIS = 120_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    static String sinkSql() {
        return """
                CREATE EXTERNAL STREAM py_sink (id int64, host string, value float64) AS $$
                import socket

                connection = None

                def open_connection(port):
                    global connection
                    connection = socket.create_connection(('127.0.0.1', int(port)))
                    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

                def write(id, host, value):
                    connection.sendall(b'%%d\\n' %% id[-1])

                def close_connection():
                    connection.close()
                $$ SETTINGS type='python', init_function_name='open_connection', init_function_parameters='%d',
                    write_function_name='write', deinit_function_name='close_connection'""";
    }

    @State(Scope.Benchmark)
    public static class View {
        BrookDatabase database;
        ServerSocket server;
        Socket arrivals;
        InputStream ids;
        long nextId;

        @Setup(Level.Trial)
        public void open() throws SQLException, IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            server.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
            database = BrookDatabase.inScratch();
            database.execute("CREATE STREAM src (id int64, host string, value float64)");
            database.execute(sinkSql().formatted(server.getLocalPort()));
            database.execute("CREATE MATERIALIZED VIEW v INTO py_sink AS SELECT id, host, value FROM src");
            // the view's query starts at once; its init function connects
            arrivals = server.accept();
            arrivals.setTcpNoDelay(true);
            arrivals.setSoTimeout(READ_TIMEOUT_MILLIS);
            ids = new BufferedInputStream(arrivals.getInputStream());
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException, IOException {
            try {
                database.execute("DROP VIEW v");
                database.close();
            } finally {
                arrivals.close();
                server.close();
            }
        }

        /** Reads ids the sink sent until {@code id}; each arrives once, in order. */
        void awaitArrival(long id) {
            try {
                long seen;
                do {
                    seen = readId();
                } while (seen < id);
                if (seen != id) {
                    throw new IllegalStateException("the sink saw id " + seen + " while " + id + " was awaited");
                }
            } catch (SocketTimeoutException e) {
                throw new IllegalStateException("the sink did not see id " + id + " within " + READ_TIMEOUT_MILLIS + " ms", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private long readId() throws IOException {
            long id = 0;
            int next;
            while ((next = ids.read()) != '\n') {
                if (next < '0' || next > '9') {
                    throw new IOException(next < 0 ? "the sink closed its connection" : "unexpected byte " + next);
                }
                id = id * 10 + (next - '0');
            }
            return id;
        }
    }

    /** One single-row INSERT until the Python sink has been called with it; returns the row's id. */
    @Benchmark
    public long insertToSink(View view) throws SQLException {
        long id = ++view.nextId;
        view.database.executeLargeUpdate("INSERT INTO src (id, host, value) VALUES (" + id + ", 'host-1', 1.5)");
        view.awaitArrival(id);
        return id;
    }
}
