package io.brook.connector.pulsar;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.Sql;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code type='pulsar'} external streams (SPEC 4.3) against the in-process standalone broker. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PulsarStreamTest {
    private static final AtomicInteger ENGINES = new AtomicInteger();
    private static PulsarBroker broker;
    private static PulsarClient client;

    private Engine engine;
    private Session session;
    private String topic;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = PulsarBroker.get();
        client = broker.client();
    }

    @AfterAll
    static void closeClient() throws Exception {
        client.close();
    }

    @BeforeEach
    void openEngine() {
        engine = Engine.open(EngineConfig.memory("pulsar-stream-test-" + ENGINES.incrementAndGet()));
        session = engine.openSession(Map.of());
        topic = PulsarBroker.topic("stream");
    }

    @AfterEach
    void closeEngine() {
        session.close();
        engine.close();
    }

    private String settings(String extra) {
        return " SETTINGS " + broker.streamSettings(topic) + extra;
    }

    private void produce(String key, String... values) throws Exception {
        try (Producer<byte[]> producer = client.newProducer().topic(topic).enableBatching(false).create()) {
            for (String value : values) {
                var message = producer.newMessage().value(value.getBytes(StandardCharsets.UTF_8));
                if (key != null) {
                    message.key(key);
                }
                message.send();
            }
        }
    }

    /** Every message now in the topic, as key|body. */
    private List<String> topicMessages() throws Exception {
        List<String> messages = new ArrayList<>();
        try (Reader<byte[]> reader = client.newReader().topic(topic).startMessageId(MessageId.earliest).create()) {
            while (reader.hasMessageAvailable()) {
                Message<byte[]> message = reader.readNext(10, TimeUnit.SECONDS);
                assertNotNull(message);
                messages.add((message.hasKey() ? message.getKey() : "") + "|"
                        + new String(message.getValue(), StandardCharsets.UTF_8));
            }
        }
        return messages;
    }

    @Test
    void streamingReadStartsAtLatestAndCarriesKeyAndSequenceNumber() throws Exception {
        produce(null, "before");
        Sql.run(session, "CREATE EXTERNAL STREAM ext (raw string)" + settings(""));
        try (QueryResult result = (QueryResult) session.execute("SELECT raw, _tp_message_key, _tp_sn FROM ext")) {
            produce("k1", "a");
            produce(null, "b");
            List<String> rows = Sql.takeLines(result, 2);
            assertEquals(2, rows.size(), rows.toString());
            String[] first = rows.get(0).split("\\|", -1);
            String[] second = rows.get(1).split("\\|", -1);
            assertEquals(List.of("a", "k1"), List.of(first[0], first[1]));
            assertEquals(List.of("b", ""), List.of(second[0], second[1]));
            assertTrue(Long.parseLong(first[2]) < Long.parseLong(second[2]), rows.toString());
        }
    }

    @Test
    void seekToEarliestFromTheStreamOrTheQuery() throws Exception {
        produce(null, "one", "two");
        Sql.run(session, "CREATE EXTERNAL STREAM early (raw string)" + settings(", seek_to='earliest'"));
        try (QueryResult result = (QueryResult) session.execute("SELECT raw FROM early")) {
            assertEquals(List.of("one", "two"), Sql.takeLines(result, 2));
        }
        Sql.run(session, "CREATE EXTERNAL STREAM late (raw string)" + settings(""));
        try (QueryResult result = (QueryResult) session.execute("SELECT raw FROM late SETTINGS seek_to='earliest'")) {
            assertEquals(List.of("one", "two"), Sql.takeLines(result, 2));
        }
    }

    @Test
    void tableReadsFromEarliestToTheEndAndStops() throws Exception {
        Sql.run(session, "CREATE EXTERNAL STREAM ext" + settings(""));
        assertEquals(List.of(), Sql.lines(session, "SELECT * FROM table(ext)"), "an empty topic ends at once");
        produce("k", "x", "y", "z");
        try (QueryResult result = (QueryResult) session.execute("SELECT * FROM table(ext)")) {
            assertEquals(List.of("raw"), result.columns().stream().map(Column::name).toList(),
                    "virtual columns are left out of SELECT *");
        }
        assertEquals(List.of("x|k", "y|k", "z|k"), Sql.lines(session, "SELECT raw, _tp_message_key FROM table(ext)"));
        assertEquals(List.of("3"), Sql.lines(session, "SELECT count() FROM table(ext)"));
    }

    @Test
    void insertWritesJsonRowsWithTheKeyColumnAsKey() throws Exception {
        Sql.run(session, "CREATE EXTERNAL STREAM orders (id int64, item string, price float64, _tp_message_key string)"
                + settings(", data_format='JSONEachRow', one_message_per_row=true"));
        Sql.run(session, "INSERT INTO orders (id, item, price, _tp_message_key) VALUES (1, 'pen', 1.5, 'a'), (2, 'ink', 2, 'b')");
        assertEquals(List.of("a|{\"id\":1,\"item\":\"pen\",\"price\":1.5}", "b|{\"id\":2,\"item\":\"ink\",\"price\":2.0}"),
                topicMessages());
        assertEquals(List.of("1|pen|1.5|a", "2|ink|2.0|b"),
                Sql.lines(session, "SELECT id, item, price, _tp_message_key FROM table(orders)"));
    }

    @Test
    void jsonMessagesMayHoldSeveralRowsAndMissingFields() throws Exception {
        produce("k", "{\"id\": 1, \"at\": \"2024-01-02 03:04:05.678\", \"tags\": [\"x\"]}\n{\"id\": \"2\"}");
        Sql.run(session, "CREATE EXTERNAL STREAM events (id int32, at datetime64(3, 'UTC'), tags array(string), "
                + "note nullable(string))" + settings(", data_format='JSONEachRow'"));
        List<String> rows = Sql.lines(session, "SELECT id, at, tags, note, _tp_message_key FROM table(events)");
        assertEquals(List.of("1|2024-01-02T03:04:05.678Z|[x]|null|k", "2|1970-01-01T00:00:00Z|[]|null|k"), rows);
        List<String> numbers = Sql.lines(session, "SELECT _tp_sn FROM table(events)");
        assertEquals(numbers.get(0), numbers.get(1), "rows of one message share its _tp_sn");
    }

    @Test
    void csvRowsShareAMessageOnePerLineAndReadBack() throws Exception {
        Sql.run(session, "CREATE EXTERNAL STREAM lines (id int64, name string)" + settings(", data_format='CSV'"));
        Sql.run(session, "INSERT INTO lines (id, name) VALUES (1, 'a, b'), (2, 'c')");
        assertEquals(List.of("|1,\"a, b\"\n2,c"), topicMessages());
        assertEquals(List.of("1|a, b", "2|c"), Sql.lines(session, "SELECT id, name FROM table(lines)"));
    }

    @Test
    void chunkRowsShareAMessageByDefault() throws Exception {
        Sql.run(session, "CREATE EXTERNAL STREAM grouped (id int64, _tp_message_key string)" + settings(""));
        Sql.run(session, "INSERT INTO grouped (id, _tp_message_key) VALUES (1, 'a'), (2, 'a'), (3, 'b')");
        assertEquals(List.of("a|{\"id\":1}\n{\"id\":2}", "b|{\"id\":3}"), topicMessages());
        assertEquals(List.of("1|a", "2|a", "3|b"), Sql.lines(session, "SELECT id, _tp_message_key FROM table(grouped)"));
    }

    @Test
    void materializedViewWritesIntoTheTopic() throws Exception {
        Sql.run(session, "CREATE STREAM src (v int64)");
        Sql.run(session, "CREATE EXTERNAL STREAM out (raw string)" + settings(""));
        Sql.run(session, "CREATE MATERIALIZED VIEW forward INTO out AS SELECT concat('v=', to_string(v)) AS raw FROM src");
        Sql.run(session, "INSERT INTO src (v) VALUES (7), (8)");
        Sql.until("the view's rows in the topic", () -> {
            try {
                return topicMessages().size() >= 2;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(List.of("|v=7", "|v=8"), topicMessages());
        Sql.run(session, "DROP VIEW forward");
    }

    @Test
    void badMessagesAndSettingsFailWithTheirCodes() throws Exception {
        BrookException noTopic = assertThrows(BrookException.class, () -> session.execute(
                "CREATE EXTERNAL STREAM bad (raw string) SETTINGS type='pulsar', service_url='" + broker.serviceUrl() + "'"));
        assertEquals(ErrorCode.BAD_ARGUMENTS, noTopic.code());
        assertEquals("Empty `topic` setting for pulsar external stream", noTopic.text());
        BrookException unknown = assertThrows(BrookException.class, () -> session.execute(
                "CREATE EXTERNAL STREAM bad (raw string)" + settings(", partitions=3")));
        assertEquals(ErrorCode.UNKNOWN_SETTING, unknown.code());
        BrookException badSeek = assertThrows(BrookException.class, () -> session.execute(
                "CREATE EXTERNAL STREAM bad (raw string)" + settings(", seek_to='yesterday'")));
        assertEquals(ErrorCode.INVALID_SETTING_VALUE, badSeek.code());

        produce(null, "not json");
        Sql.run(session, "CREATE EXTERNAL STREAM typed (id int64)" + settings(""));
        BrookException parse = assertThrows(BrookException.class, () -> Sql.lines(session, "SELECT id FROM table(typed)"));
        assertEquals(ErrorCode.CANNOT_PARSE_TEXT, parse.code());
        assertTrue(parse.text().contains(topic), parse.text());
    }

    @Test
    void anUnreachableBrokerFailsTheQueryWithANetworkError() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Sql.run(session, "CREATE EXTERNAL STREAM nowhere (raw string) SETTINGS type='pulsar', "
                + "service_url='pulsar://127.0.0.1:" + closedPort + "', topic='t'");
        BrookException failure = assertThrows(BrookException.class, () -> Sql.lines(session, "SELECT raw FROM table(nowhere)"));
        assertEquals(ErrorCode.NETWORK_ERROR, failure.code());
        assertTrue(failure.text().startsWith("Cannot read pulsar topic t at pulsar://127.0.0.1:" + closedPort), failure.text());
    }

    @Test
    void jsonRoundTripKeepsTheValuesOfManyTypes() throws Exception {
        Sql.run(session, "CREATE EXTERNAL STREAM typed (at datetime64(3, 'UTC'), day date, amount decimal(10, 2), "
                + "maybe nullable(int32), tags array(string), attrs map(string, int64), ok bool, id uuid)"
                + settings(", data_format='JSONEachRow'"));
        Sql.run(session, "INSERT INTO typed VALUES ('2024-05-06 07:08:09.010', '2024-05-06', 12.34, null, ['a', 'b'], "
                + "map('x', 1), true, '123e4567-e89b-12d3-a456-426614174000')");
        assertEquals(List.of("2024-05-06T07:08:09.010Z|2024-05-06|12.34|null|[a, b]|{x=1}|true|123e4567-e89b-12d3-a456-426614174000"),
                Sql.lines(session, "SELECT * FROM table(typed)"));
    }

    @Test
    void aPartitionedTopicIsReadAcrossItsPartitions() throws Exception {
        try (org.apache.pulsar.client.admin.PulsarAdmin admin = broker.admin()) {
            admin.topics().createPartitionedTopic(topic, 3);
        }
        Sql.run(session, "CREATE EXTERNAL STREAM parts (id int64, _tp_message_key string)" + settings(""));
        try (QueryResult live = (QueryResult) session.execute("SELECT id FROM parts")) {
            StringBuilder values = new StringBuilder();
            for (int id = 1; id <= 12; id++) {
                values.append(id == 1 ? "" : ", ").append("(").append(id).append(", 'key-").append(id).append("')");
            }
            Sql.run(session, "INSERT INTO parts (id, _tp_message_key) VALUES " + values);
            List<String> streamed = new ArrayList<>(Sql.takeLines(live, 12));
            streamed.sort(java.util.Comparator.comparingInt(Integer::parseInt));
            assertEquals(java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(Integer::toString).toList(), streamed);
        }
        List<String> bounded = new ArrayList<>(Sql.lines(session, "SELECT id FROM table(parts)"));
        bounded.sort(java.util.Comparator.comparingInt(Integer::parseInt));
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(Integer::toString).toList(), bounded);
    }

    @Test
    void aCancelledStreamingReadStopsWithCode394() throws Exception {
        Sql.run(session, "CREATE EXTERNAL STREAM live (raw string)" + settings(""));
        try (QueryResult result = (QueryResult) session.execute("SELECT raw FROM live")) {
            produce(null, "first");
            assertEquals(List.of("first"), Sql.takeLines(result, 1));
            result.cancel();
            BrookException cancelled = assertThrows(BrookException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    result.next(TimeUnit.MILLISECONDS.toNanos(100));
                }
            });
            assertEquals(ErrorCode.QUERY_WAS_CANCELLED, cancelled.code());
        }
        produce(null, "after");
        assertEquals(List.of("first", "after"), Sql.lines(session, "SELECT raw FROM table(live)"),
                "the engine and the topic stay usable");
    }

    @Test
    void aViewCopiesTheTopicIntoALocalStream() throws Exception {
        produce("old", "{\"id\": 1}");
        Sql.run(session, "CREATE EXTERNAL STREAM feed (id int64)" + settings(", seek_to='earliest'"));
        Sql.run(session, "CREATE STREAM copied (id int64, key string)");
        Sql.run(session, "CREATE MATERIALIZED VIEW copy INTO copied AS SELECT id, _tp_message_key AS key FROM feed");
        produce("new", "{\"id\": 2}");
        Sql.until("both messages in the local stream",
                () -> Sql.lines(session, "SELECT count() FROM table(copied)").equals(List.of("2")));
        assertEquals(List.of("1|old", "2|new"), Sql.lines(session, "SELECT id, key FROM table(copied) ORDER BY id"));
        Sql.run(session, "DROP VIEW copy");
    }
}
