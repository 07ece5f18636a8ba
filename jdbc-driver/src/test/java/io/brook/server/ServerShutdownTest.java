package io.brook.server;

import io.brook.cli.BrookCli;
import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.storage.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.brook.server.ServerFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code brook server} as its own process: it prints its URL, and SIGTERM stops it cleanly (its
 * log lines, a view's checkpoint written, the data directory reopens with every row); the local
 * API token Python code sees is in neither its log nor its data directory (SPEC 5.3).
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerShutdownTest {

    @Test
    void sigtermStopsTheServerCleanly(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("data");
        Path errors = directory.resolve("server.err");
        Process server = ChildJvm.start(BrookCli.class, ChildJvm.brookFlags(), errors, "server", "--port", "0",
                "--data", data.toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("Brook server on http://127.0.0.1:"),
                    first + "\n" + Files.readString(errors));
            String url = first.substring("Brook server on ".length());
            assertTrue(out.readLine().startsWith("JDBC URL: jdbc:brook:remote:" + url));
            StringBuffer rest = new StringBuffer();
            Thread drain = new Thread(() -> out.lines().forEach(line -> rest.append(line).append('\n')));
            drain.setDaemon(true);
            drain.start();
            String query = url + "/brook/v1/query";
            assertEquals(200, post(query, "CREATE STREAM src (id int64)").status());
            assertEquals(200, post(query, "CREATE MATERIALIZED VIEW totals AS SELECT count() AS n FROM src "
                    + "EMIT PERIODIC 100ms SETTINGS checkpoint_interval=3600").status());
            assertEquals(200, post(query, "INSERT INTO src (id) VALUES (1), (2), (3)").status());
            // the local API token, as Python code in this server sees it
            assertEquals(200, post(query, "CREATE EXTERNAL STREAM token (t string) AS $$\n"
                    + "def token():\n    return [__timeplus_local_api_password]\n$$ SETTINGS type='python'").status());
            ServerFixture.Reply reply = post(query, "SELECT t FROM table(token)");
            assertEquals(200, reply.status(), reply.body());
            String token = reply.body().replaceFirst("(?s).*\"data\":\\[\\[\"([^\"]+)\"]].*", "$1");
            assertTrue(token.length() >= 16 && !token.contains("{"), reply.body());
            server.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stops after SIGTERM");
            drain.join(10_000);
            String log = Files.readString(errors) + "\n" + rest;
            // a JVM ended by SIGTERM exits with 128 + 15 once its shutdown hooks have run
            assertEquals(143, server.exitValue(), log);
            assertTrue(log.contains("Brook server started on " + url), log);
            assertTrue(log.contains("Brook server stopped"), log);
            assertTrue(!log.contains(token), "the local API token is in no log line");
            try (java.util.stream.Stream<Path> files = Files.walk(data)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertTrue(!new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(token),
                            "the local API token is in " + file);
                }
            }
        } finally {
            server.destroyForcibly();
        }
        assertTrue(Files.exists(data.resolve("checkpoints").resolve("view_totals.checkpoint")),
                "the view checkpointed on the way down");
        try (Engine engine = Engine.open(EngineConfig.file(data)); Session session = engine.openSession(Map.of());
             QueryResult rows = (QueryResult) session.execute("SELECT count() FROM table(src)")) {
            var chunk = rows.next(TimeUnit.SECONDS.toNanos(20));
            try (chunk) {
                assertEquals(3L, ((Number) io.brook.engine.expr.vector.VectorReader.value(chunk.column(0), 0)).longValue());
            }
        }
    }
}
