package io.brook.tck.timeplus;

import io.brook.server.BrookServer;
import io.brook.server.ServerOptions;

import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.StatementResult;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.vector.VectorReader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Brook servers on loopback ports for the timeplus-stream tests, each on its own data directory.
 * The tests drive each server's engine directly (the connector under test talks to the servers
 * over HTTP). A server can be stopped and started again on the same port and data.
 */
final class RemoteServers implements AutoCloseable {
    private final List<Running> servers = new ArrayList<>();

    /** One server: its data directory, its port once started, and the running instance. */
    static final class Running {
        private final Path data;
        private final Path users;
        private int port;
        private BrookServer server;

        private Running(Path data, Path users) {
            this.data = data;
            this.users = users;
        }

        int port() {
            return port;
        }

        String host() {
            return "127.0.0.1:" + port;
        }

        void start() {
            ServerOptions options = ServerOptions.local(port, data);
            server = BrookServer.start(users == null ? options : options.withUsers(users));
            port = server.port();
        }

        void stop() {
            server.close();
            server = null;
        }

        void execute(String sql) {
            try (Session session = server.engine().openSession(Map.of())) {
                StatementResult result = session.execute(sql);
                if (result instanceof QueryResult query) {
                    query.close();
                }
            }
        }

        /** Every row of a bounded query, each row its values joined by {@code |}. */
        List<String> rows(String sql) throws InterruptedException {
            try (Session session = server.engine().openSession(Map.of());
                 QueryResult query = (QueryResult) session.execute(sql)) {
                List<String> result = new ArrayList<>();
                while (!query.isFinished()) {
                    Chunk chunk = query.next(TimeUnit.MILLISECONDS.toNanos(200));
                    if (chunk == null) {
                        continue;
                    }
                    try (chunk) {
                        for (int row = 0; row < chunk.size(); row++) {
                            StringBuilder text = new StringBuilder();
                            for (int column = 0; column < chunk.columnCount(); column++) {
                                text.append(column > 0 ? "|" : "")
                                        .append(VectorReader.value(chunk.column(column), chunk.position(row)));
                            }
                            result.add(text.toString());
                        }
                    }
                }
                return result;
            }
        }

        /** Runs the bounded query until its rows satisfy {@code done}; fails after {@code limit}. */
        List<String> await(String sql, Predicate<List<String>> done, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            List<String> rows = rows(sql);
            while (!done.test(rows)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Still " + rows + " after " + limit + " for " + sql);
                }
                Thread.sleep(100);
                rows = rows(sql);
            }
            return rows;
        }

        io.brook.engine.Engine engine() {
            return server.engine();
        }
    }

    Running start(Path data) {
        return start(data, null);
    }

    /** A server that requires the users of {@code users} (a users file, as {@code brook users add} writes). */
    Running start(Path data, Path users) {
        Running running = new Running(data, users);
        running.start();
        servers.add(running);
        return running;
    }

    @Override
    public void close() {
        for (Running running : servers) {
            if (running.server != null) {
                running.stop();
            }
        }
    }
}
