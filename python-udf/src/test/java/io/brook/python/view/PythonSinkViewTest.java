package io.brook.python.view;

import io.brook.engine.testing.Sql;
import io.brook.python.SharedSessionTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A materialized view into a Python sink whose remote end is down for a while (SPEC 5.1): the
 * view records Python's error with its traceback, retries from its checkpoint, and once the
 * remote takes writes again every row arrives (at least once, as documented for external sinks).
 */
class PythonSinkViewTest extends SharedSessionTest {
    private static final long DEADLINE_MILLIS = 60_000;

    /** The remote end: answers each batch "ok" (kept) or "down" (refused). */
    private ServerSocket server;
    private volatile boolean down = true;
    private final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startRemote() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket connection = server.accept()) {
                    String batch = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                            StandardCharsets.UTF_8)).readLine();
                    boolean refuse = down;
                    if (!refuse && batch != null) {
                        accepted.add(batch);
                    }
                    OutputStream reply = connection.getOutputStream();
                    reply.write((refuse ? "down\n" : "ok\n").getBytes(StandardCharsets.UTF_8));
                    reply.flush();
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }
        });
    }

    @AfterEach
    void stopRemote() throws IOException {
        server.close();
    }

    @Test
    void aFailingPythonSinkIsRetriedAndLosesNoRow() {
        session.execute("CREATE STREAM py_view_orders (id int64, item string)");
        session.execute("""
                CREATE EXTERNAL STREAM py_remote (id int64, item string) AS $$
                import json, socket
                def send(batch):
                    with socket.create_connection(("127.0.0.1", %d), timeout=10) as connection:
                        connection.sendall((json.dumps(batch) + "\\n").encode())
                        return connection.recv(16).decode().strip()
                def py_remote(id, item):
                    reply = send([[i, name.decode()] for i, name in zip(id, item)])
                    if reply != "ok":
                        raise ConnectionError("remote sink is " + reply)
                $$ SETTINGS type='python'""".formatted(server.getLocalPort()));
        session.execute("CREATE MATERIALIZED VIEW py_forward INTO py_remote AS SELECT id, item FROM py_view_orders "
                + "SETTINGS retry_backoff_ms=50");
        session.execute("INSERT INTO py_view_orders VALUES (1, 'pen'), (2, 'ink')");
        session.execute("INSERT INTO py_view_orders VALUES (3, 'pad')");

        await(() -> status().get(1).toString().contains("ConnectionError: remote sink is down"));
        List<Object> failing = status();
        assertTrue(List.of("error", "recovering").contains(failing.get(0)), failing.toString());
        String error = failing.get(1).toString();
        assertTrue(error.startsWith("Python error in write function py_remote of stream py_remote: "
                + "ConnectionError: remote sink is down"), error);
        assertTrue(error.contains("Traceback (most recent call last):"), error);
        assertTrue(error.contains("File \"<stream py_remote>\", line 10, in py_remote"), error);
        assertTrue(accepted.isEmpty());

        down = false;
        session.execute("INSERT INTO py_view_orders VALUES (4, 'cap')");
        await(() -> acceptedIds().containsAll(Set.of(1L, 2L, 3L, 4L)) && "running".equals(status().get(0)));
        session.execute("INSERT INTO py_view_orders VALUES (5, 'mug')");
        await(() -> acceptedIds().contains(5L));
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L), acceptedIds());
        assertTrue(accepted.stream().anyMatch(batch -> batch.contains("[1, \"pen\"]")), accepted.toString());
        assertTrue(status().get(1).toString().contains("Traceback"), "the last error stays visible");
        session.execute("DROP VIEW py_forward");
        session.execute("DROP STREAM py_remote");
        session.execute("DROP STREAM py_view_orders");
    }

    /** The view's state and last error. */
    private static List<Object> status() {
        List<List<Object>> rows = Sql.rows(session,
                "SELECT state, last_error FROM system.materialized_views WHERE name = 'py_forward'");
        assertEquals(1, rows.size(), rows.toString());
        return rows.getFirst();
    }

    private Set<Long> acceptedIds() {
        Set<Long> ids = new TreeSet<>();
        for (String batch : accepted) {
            Matcher row = Pattern.compile("\\[(\\d+), ").matcher(batch);
            while (row.find()) {
                ids.add(Long.parseLong(row.group(1)));
            }
        }
        return ids;
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("gave up waiting; view status " + status());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
