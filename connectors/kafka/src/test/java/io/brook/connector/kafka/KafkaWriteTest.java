package io.brook.connector.kafka;

import io.brook.engine.Session;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.BrookSession;
import io.brook.engine.testing.Sql;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writing kafka external streams, and reading formatted messages, on a real in-process broker. */
@Timeout(120)
class KafkaWriteTest {
    private static InProcessKafka kafka;
    private static BrookSession brook;
    private static Session session;

    @BeforeAll
    static void start() throws Exception {
        kafka = InProcessKafka.start(SecurityProtocol.PLAINTEXT);
        brook = BrookSession.inMemory("kafka-write");
        session = brook.session();
    }

    @AfterAll
    static void stop() throws Exception {
        BrookSession.closeAll(brook, kafka);
    }

    private static void create(String stream, String columns, String topic, String extraSettings) throws Exception {
        kafka.createTopic(topic, 1);
        Sql.run(session, "CREATE EXTERNAL STREAM " + stream + " " + columns + " SETTINGS type='kafka', brokers='"
                + kafka.bootstrapServers() + "', topic='" + topic + "'" + extraSettings);
    }

    private static List<String> values(String topic) {
        return kafka.readAll(topic).stream().map(record -> InProcessKafka.text(record.value())).toList();
    }

    @Test
    void insertWritesJsonRowsTogetherOrOneMessageEach() throws Exception {
        create("json_batched", "(id int64, name string)", "json_batched", "");
        Sql.run(session, "INSERT INTO json_batched (id, name) VALUES (1, 'a'), (2, 'b')");
        assertEquals(List.of("{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\"}"), values("json_batched"));
        create("json_single", "(id int64, name string)", "json_single", ", one_message_per_row=true");
        Sql.run(session, "INSERT INTO json_single (id, name) VALUES (1, 'a'), (2, 'b')");
        assertEquals(List.of("{\"id\":1,\"name\":\"a\"}", "{\"id\":2,\"name\":\"b\"}"), values("json_single"));
        assertEquals(List.of(List.of(1L, "a"), List.of(2L, "b")),
                Sql.rows(session, "SELECT id, name FROM table(json_batched)"));
    }

    @Test
    void keyAndHeadersColumnsBecomeTheMessageKeyAndHeaders() throws Exception {
        create("keyed", "(_tp_message_key string, _tp_message_headers map(string, string), body string)", "keyed", "");
        Sql.run(session, "INSERT INTO keyed (_tp_message_key, _tp_message_headers, body) "
                + "VALUES ('k1', map('h', 'v'), 'hello'), ('k2', map(), 'world')");
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll("keyed");
        assertEquals(2, records.size());
        assertEquals("k1", InProcessKafka.text(records.get(0).key()));
        assertEquals("hello", InProcessKafka.text(records.get(0).value()), "RawBLOB: the body alone");
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : records.get(0).headers()) {
            headers.put(header.key(), InProcessKafka.text(header.value()));
        }
        assertEquals(Map.of("h", "v"), headers);
        assertEquals("k2", InProcessKafka.text(records.get(1).key()));
        assertEquals(List.of(List.of("k1", Map.of("h", "v"), "hello"), List.of("k2", Map.of(), "world")),
                Sql.rows(session, "SELECT * FROM table(keyed)"));
    }

    @Test
    void materializedViewWritesIntoTheTopic() throws Exception {
        create("mv_target", "(id int64, doubled int64)", "mv_target", ", data_format='CSV'");
        Sql.run(session, "CREATE STREAM mv_source (id int64)");
        Sql.run(session, "CREATE MATERIALIZED VIEW mv_to_kafka INTO mv_target AS SELECT id, id * 2 AS doubled FROM mv_source");
        List<String> written = List.of();
        long deadline = System.nanoTime() + 60_000_000_000L;
        int batch = 0;
        while (written.size() < 2 && System.nanoTime() < deadline) {
            // the view starts at the end of its source: rows inserted before it runs are not its to send
            Sql.run(session, "INSERT INTO mv_source (id) VALUES (" + (++batch * 10) + ")");
            Thread.sleep(300);
            written = values("mv_target").stream().flatMap(message -> message.lines()).toList();
        }
        Sql.run(session, "DROP VIEW mv_to_kafka");
        assertTrue(written.size() >= 2, "the view wrote " + written);
        for (String line : written) {
            String[] fields = line.split(",");
            assertEquals(Long.parseLong(fields[0]) * 2, Long.parseLong(fields[1]), line);
        }
    }

    @Test
    void aMessageThatDoesNotParseFailsTheQueryUnlessErrorsAreSkipped() throws Exception {
        create("strict", "(id int64, name string)", "bad_messages", "");
        kafka.send("bad_messages", 0, "{\"id\": 1, \"name\": \"ok\"}", "{\"id\": oops", "{\"id\": 3}\n{\"id\": 4}");
        BrookException failure = assertThrows(BrookException.class,
                () -> Sql.rows(session, "SELECT id FROM table(strict)"));
        assertEquals(ErrorCode.CANNOT_PARSE_TEXT, failure.code());
        assertTrue(failure.text().startsWith("Cannot parse message at partition 0 offset 1 of topic bad_messages: "),
                failure.text());
        Sql.run(session, "CREATE EXTERNAL STREAM lenient (id int64, name string) SETTINGS type='kafka', brokers='"
                + kafka.bootstrapServers() + "', topic='bad_messages', input_format_skip_errors=true");
        List<List<Object>> rows = new ArrayList<>(Sql.rows(session, "SELECT id, name, _tp_sn FROM table(lenient)"));
        assertEquals(List.of(List.of(1L, "ok", 0L), List.of(3L, "", 2L), List.of(4L, "", 2L)), rows);
        Sql.rows(session, "SELECT count() FROM table(lenient)");
        assertEquals(List.of(List.of("lenient", "kafka", 2L), List.of("strict", "kafka", 0L)), Sql.rows(session,
                "SELECT name, type, skipped_messages FROM system.external_streams WHERE name IN ('lenient', 'strict') ORDER BY name"),
                "each read that skips the bad message counts it");
    }

    @Test
    void tsvAndCsvStreamsRoundTrip() throws Exception {
        create("tsv_stream", "(word string, n int32)", "tsv_topic", ", data_format='TSV'");
        Sql.run(session, "INSERT INTO tsv_stream (word, n) VALUES ('tab\there', 1), ('plain', 2)");
        assertEquals(List.of("tab\\there\t1\nplain\t2"), values("tsv_topic"));
        assertEquals(List.of(List.of("tab\there", 1L), List.of("plain", 2L)),
                Sql.rows(session, "SELECT word, n FROM table(tsv_stream)"));
    }
}
