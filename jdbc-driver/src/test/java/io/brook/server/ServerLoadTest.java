package io.brook.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.brook.server.ServerFixture.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fifty remote clients against one {@code brook server} over loopback for a minute: a third each
 * through Brook's remote JDBC URL, the stock Avatica driver over protobuf and the REST API. Each
 * inserts batches of rows with ids only it uses, and after each batch checks that the server
 * holds exactly the rows it was told were stored. At the end one bounded query must see every
 * acknowledged id exactly once, no request may have failed, and the memory the server keeps must
 * not grow with the rows written in the second half of the run.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerLoadTest {
    /**
     * How long the clients run. A minute is long enough for idle-connection reaping, several
     * log segments and thousands of requests per transport; the test takes about this plus ten seconds.
     */
    private static final Duration LOAD_DURATION = Duration.ofSeconds(60);
    private static final int CLIENTS = 50;
    /** Client {@code c} uses ids {@code c * ID_SPACE ..}, so no two clients share an id. */
    private static final long ID_SPACE = 1_000_000_000L;
    private static final int LARGEST_BATCH = 40;

    @TempDir
    Path directory;
    private BrookServer server;
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

    @BeforeEach
    void start() throws Exception {
        server = BrookServer.start(ServerOptions.local(0, directory.resolve("data")));
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
            execute(connection, LoadClient.CREATE_STREAM);
        }
    }

    @AfterEach
    void stop() {
        clients.shutdownNow();
        server.close();
    }

    @Test
    void fiftyClientsInsertAndQueryForAMinuteWithoutErrorsLostRowsOrGrowingMemory() throws Exception {
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + LOAD_DURATION.toNanos();
        List<Future<Long>> acknowledged = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int number = client;
            acknowledged.add(clients.submit(() -> run(number, deadline, errors)));
        }
        Thread.sleep(LOAD_DURATION.toMillis() / 2);
        MemorySample middle = MemorySample.take();
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) - 2_000));
        MemorySample end = MemorySample.take();
        long[] rows = new long[CLIENTS];
        for (int client = 0; client < CLIENTS; client++) {
            rows[client] = acknowledged.get(client).get(60, TimeUnit.SECONDS);
        }
        assertTrue(errors.isEmpty(), errors.size() + " failed client(s): " + errors);

        long total = everyIdExactlyOnce(rows);
        System.out.printf("%d clients, %d rows acknowledged in %d s; heap after GC %d -> %d MiB, direct %d -> %d MiB%n",
                CLIENTS, total, LOAD_DURATION.toSeconds(), middle.heap() >> 20, end.heap() >> 20,
                middle.direct() >> 20, end.direct() >> 20);
        assertEquals(0, server.openConnections(), "every JDBC connection the clients closed is gone from the server");
        // Bounded memory: the rows live in the stream's memory-mapped log, neither on the heap nor
        // in direct buffers (where Arrow's netty pool allocates), so neither should grow with the
        // rows written. Each sample is taken under load and includes the clients, which keep no
        // rows. On a 2-core machine the second half carries about 2,000 inserts and as many queries
        // (about 40,000 rows); the heap grew by about 5 MiB there. The bounds (a quarter more plus
        // 32 MiB) leave room for JIT, Jetty's buffers and requests in flight, and are crossed by a
        // leak of about 10 KiB per request, such as a request's Arrow batch, statement or result.
        assertTrue(end.heap() <= middle.heap() * 5 / 4 + (32L << 20),
                "heap after GC grew from " + middle.heap() + " to " + end.heap() + " bytes");
        assertTrue(end.direct() <= middle.direct() * 5 / 4 + (32L << 20),
                "direct memory grew from " + middle.direct() + " to " + end.direct() + " bytes");
    }

    /** Inserts and checks until the deadline; returns the rows acknowledged, ids {@code client * ID_SPACE ..}. */
    private long run(int client, long deadline, Queue<String> errors) {
        long first = client * ID_SPACE;
        long acknowledged = 0;
        SplittableRandom random = new SplittableRandom(client);
        try (LoadClient connection = open(client)) {
            while (System.nanoTime() < deadline) {
                int count = 1 + random.nextInt(LARGEST_BATCH);
                long stored = connection.insert(first + acknowledged, count);
                if (stored != count) {
                    errors.add("client " + client + ": " + stored + " of " + count + " rows acknowledged");
                    return acknowledged;
                }
                acknowledged += count;
                LoadClient.Held held = connection.held();
                if (held.rows() != acknowledged || held.maxId() != first + acknowledged - 1) {
                    errors.add("client " + client + " acknowledged " + acknowledged + " rows but the server holds " + held);
                    return acknowledged;
                }
            }
        } catch (Exception e) {
            errors.add("client " + client + " after " + acknowledged + " rows: " + e);
        }
        return acknowledged;
    }

    private LoadClient open(int client) throws Exception {
        return switch (client % 3) {
            case 0 -> new LoadClient.Jdbc(client, server.jdbcUrl());
            case 1 -> new LoadClient.Jdbc(client, "jdbc:avatica:remote:url=" + server.httpUrl() + ";serialization=protobuf");
            default -> new LoadClient.Rest(client, server.httpUrl());
        };
    }

    /**
     * One bounded query over the whole stream: per client, the row count, the distinct ids and
     * the smallest and largest id. Count = distinct = max - min + 1 = acknowledged means every
     * acknowledged id is there exactly once and no other. Returns the rows in all.
     */
    private long everyIdExactlyOnce(long[] acknowledged) throws Exception {
        long total = 0;
        int clientsWithRows = 0;
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT client, count(), count(DISTINCT id), min(id), max(id) "
                     + "FROM table(load) GROUP BY client ORDER BY client")) {
            while (rows.next()) {
                int client = rows.getInt(1);
                long expected = acknowledged[client];
                String what = "client " + client;
                assertEquals(expected, rows.getLong(2), what + ": rows");
                assertEquals(expected, rows.getLong(3), what + ": distinct ids");
                assertEquals(client * ID_SPACE, rows.getLong(4), what + ": smallest id");
                assertEquals(client * ID_SPACE + expected - 1, rows.getLong(5), what + ": largest id");
                total += expected;
                clientsWithRows++;
            }
        }
        assertEquals(CLIENTS, clientsWithRows, "every client stored rows");
        return total;
    }

    /** The JVM's used heap right after a full GC, and the direct buffers in use (where Arrow's netty pool allocates). */
    private record MemorySample(long heap, long direct) {
        static MemorySample take() {
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long direct = 0;
            for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
                if (pool.getName().equals("direct")) {
                    direct = pool.getMemoryUsed();
                }
            }
            return new MemorySample(heap, direct);
        }
    }
}
