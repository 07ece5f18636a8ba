package io.brook.server;

import io.brook.engine.external.EngineServices.LocalApiUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.brook.server.ServerFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST API of {@code brook server}: Timeplus-style ingest, JSON and event-stream queries, the local API user. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RestApiTest {
    @TempDir
    Path directory;
    private BrookServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void start() {
        server = BrookServer.start(ServerOptions.local(0, directory.resolve("data")));
        assertEquals(200, query("CREATE STREAM s (id int64, name string)").status());
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        server.close();
    }

    private ServerFixture.Reply query(String sql) {
        return post(server.httpUrl() + "/brook/v1/query", sql);
    }

    @Test
    void ingestTakesTimeplusColumnsAndNewlineDelimitedRows() {
        ServerFixture.Reply columnar = post(server.httpUrl() + "/proton/v1/ingest/streams/s",
                "{\"columns\": [\"id\", \"name\"], \"data\": [[1, \"one\"], [2, \"two\"]]}");
        assertEquals(200, columnar.status(), columnar.body());
        assertTrue(columnar.body().matches("\\{\"request_id\":\"[0-9a-f-]{36}\"}"), columnar.body());
        assertEquals(200, post(server.httpUrl() + "/brook/v1/ingest/streams/s",
                "{\"columns\": [\"name\", \"id\"], \"data\": [[\"three\", 3]]}").status());
        assertEquals(200, post(server.httpUrl() + "/brook/v1/ingest/streams/s",
                "{\"id\": 4, \"name\": \"four\"}\n{\"id\": 5}\n").status());
        ServerFixture.Reply rows = query("{\"query\": \"SELECT id, name FROM table(s) ORDER BY id\"}");
        assertEquals("{\"columns\":[{\"name\":\"id\",\"type\":\"int64\"},{\"name\":\"name\",\"type\":\"string\"}],"
                + "\"data\":[[1,\"one\"],[2,\"two\"],[3,\"three\"],[4,\"four\"],[5,\"\"]],", rows.body().substring(0,
                rows.body().indexOf("\"request_id\"")));
    }

    @Test
    void badIngestGets400WithCodeAndMessageAndWritesNothing() {
        ServerFixture.Reply unknown = post(server.httpUrl() + "/proton/v1/ingest/streams/nope",
                "{\"columns\": [\"id\"], \"data\": [[1]]}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("\"error_msg\":\"Stream nope doesn't exist (UNKNOWN_STREAM)\""), unknown.body());
        assertTrue(unknown.body().contains("\"code\":60"), unknown.body());
        assertTrue(unknown.body().contains("\"request_id\""), unknown.body());
        ServerFixture.Reply malformed = post(server.httpUrl() + "/proton/v1/ingest/streams/s", "{\"columns\": [\"id\"], ");
        assertEquals(400, malformed.status());
        assertTrue(malformed.body().contains("Invalid JSON body"), malformed.body());
        ServerFixture.Reply arity = post(server.httpUrl() + "/proton/v1/ingest/streams/s",
                "{\"columns\": [\"id\", \"name\"], \"data\": [[1, \"ok\"], [2]]}");
        assertEquals(400, arity.status());
        assertTrue(arity.body().contains("Row 2 of \\\"data\\\" must be an array of 2 values"), arity.body());
        ServerFixture.Reply type = post(server.httpUrl() + "/proton/v1/ingest/streams/s",
                "{\"columns\": [\"id\"], \"data\": [[1], [\"not a number\"]]}");
        assertEquals(400, type.status(), type.body());
        assertTrue(query("SELECT count() FROM table(s)").body().contains("\"data\":[[0]]"));
    }

    @Test
    void aStreamingQueryIsAnEventStreamOfRowsAsTheyCome() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.httpUrl() + "/brook/v1/query"))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT id, name FROM s")).build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Iterator<String> lines = response.body().iterator();
        assertEquals("event: columns", lines.next());
        assertTrue(lines.next().startsWith("data: [{\"name\":\"id\""));
        for (int id = 1; id <= 2; id++) {
            assertEquals(200, post(server.httpUrl() + "/proton/v1/ingest/streams/s",
                    "{\"columns\": [\"id\", \"name\"], \"data\": [[" + id + ", \"n" + id + "\"]]}").status());
            Future<String> row = threads.submit(() -> {
                String line = lines.next();
                while (line.isEmpty() || line.startsWith(":")) {
                    line = lines.next();
                }
                return line;
            });
            assertEquals("data: [" + id + ",\"n" + id + "\"]", row.get(20, TimeUnit.SECONDS));
        }
        response.body().close();
    }

    @Test
    void otherStatementsAnswerTheirRowCount() {
        ServerFixture.Reply insert = query("INSERT INTO s (id, name) VALUES (1, 'a'), (2, 'b')");
        assertEquals(200, insert.status());
        assertTrue(insert.body().contains("\"rows\":2"), insert.body());
        ServerFixture.Reply error = query("SELECT nope FROM table(s)");
        assertEquals(400, error.status());
        assertTrue(error.body().contains("\"code\":47"), error.body());
    }

    @Test
    void pythonCodeCallsTheServerBackAsTheLocalApiUserWhoseTokenIsNowhereOnDisk() throws IOException {
        LocalApiUser local = server.engine().enableLocalApiUser();
        assertEquals(200, query("INSERT INTO s (id, name) VALUES (7, 'seven')").status());
        String create = """
                CREATE EXTERNAL STREAM callback (answer string) AS $$
                import base64, json, urllib.request

                url = None

                def setup(parameters):
                    global url
                    url = json.loads(parameters)['url']

                def callback():
                    token = base64.b64encode('{}:{}'.format(__timeplus_local_api_user, __timeplus_local_api_password).encode()).decode()
                    request = urllib.request.Request(url + '/brook/v1/query', data=b'SELECT name FROM table(s)',
                                                     headers={'Authorization': 'Basic ' + token})
                    with urllib.request.urlopen(request) as response:
                        return [json.loads(response.read())['data'][0][0]]
                $$ SETTINGS type='python', mode='batch', init_function_name='setup',
                init_function_parameters='{"url": "%s"}'""".formatted(server.httpUrl());
        ServerFixture.Reply created = query(create);
        assertEquals(200, created.status(), created.body());
        ServerFixture.Reply answer = query("SELECT answer FROM table(callback)");
        assertTrue(answer.body().contains("\"data\":[[\"seven\"]]"), answer.body());
        assertTrue(noFileHolds(directory, local.password()), "the token is in no file of the data directory");
        server.close();
        server = BrookServer.start(ServerOptions.local(0, directory.resolve("data")));
        assertNotEquals(local.password(), server.engine().enableLocalApiUser().password(), "a new token on every start");
    }

    private static boolean noFileHolds(Path root, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                if (indexOf(bytes, needle) >= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start + needle.length <= haystack.length; start++) {
            for (int index = 0; index < needle.length; index++) {
                if (haystack[start + index] != needle[index]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }
}
