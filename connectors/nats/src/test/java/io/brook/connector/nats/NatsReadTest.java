package io.brook.connector.nats;

import io.brook.engine.QueryResult;
import io.brook.engine.error.BrookException;
import io.brook.engine.testing.Sql;
import io.nats.client.JetStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.brook.engine.testing.Sql.columns;
import static io.brook.engine.testing.Sql.rows;
import static io.brook.engine.testing.Sql.run;
import static io.brook.engine.testing.Sql.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading nats_jetstream streams from a real server: bounded and streaming, seek_to, formats, virtual columns. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NatsReadTest extends WithJetStream {
    @Override
    protected String streamPrefix() {
        return "S";
    }

    private void publish(String subject, String payload) {
        try {
            JetStream jetStream = client.jetStream();
            jetStream.publish(stream + "." + subject, payload.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("cannot publish", e);
        }
    }

    private void create(String name, String columns, String subject, String extra) {
        run(session, "CREATE EXTERNAL STREAM " + name + " " + columns + " SETTINGS type='nats_jetstream', url='"
                + server.url() + "', stream_name='" + stream + "', subject='" + stream + "." + subject + "'" + extra);
    }

    @Test
    void tableReadsEveryStoredMessageOnTheSubjectAndEnds() {
        publish("a", "{\"id\": 1, \"name\": \"one\"}");
        publish("other", "{\"id\": 99, \"name\": \"not mine\"}");
        publish("b", "{\"id\": 2, \"name\": \"two\"}");
        publish("a.deep", "{\"id\": 3, \"name\": \"deeper\"}");
        create("n", "(id int64, name string)", "*", "");
        assertEquals(List.of(List.of(1L, "one", 1L, stream + ".a"), List.of(99L, "not mine", 2L, stream + ".other"),
                        List.of(2L, "two", 3L, stream + ".b")),
                rows(session, "SELECT id, name, _tp_sn, _nats_subject FROM table(n)"));
        create("deep", "(id int64, name string)", ">", "");
        assertEquals(List.of(List.of(1L), List.of(99L), List.of(2L), List.of(3L)), rows(session, "SELECT id FROM table(deep)"));
        create("only_b", "(id int64, name string)", "b", "");
        assertEquals(List.of(List.of(2L, "two")), rows(session, "SELECT * FROM table(only_b)"));
        assertEquals(List.of("id", "name"), columns(session, "SELECT * FROM table(only_b)"));
    }

    @Test
    void tableOfAnEmptyStreamOrUnmatchedSubjectEndsWithNoRows() {
        create("n", "(id int64)", "a", "");
        assertEquals(List.of(), rows(session, "SELECT id FROM table(n)"));
        publish("b", "{\"id\": 1}");
        assertEquals(List.of(), rows(session, "SELECT id FROM table(n)"));
    }

    @Test
    void aStreamingReadStartsAtNewMessages() {
        publish("a", "{\"id\": 1}");
        create("n", "(id int64)", "a", "");
        try (QueryResult result = (QueryResult) session.execute("SELECT id, _tp_sn FROM n")) {
            publish("a", "{\"id\": 2}");
            publish("a", "{\"id\": 3}");
            assertEquals(List.of(List.of(2L, 2L), List.of(3L, 3L)), take(result, 2));
        }
    }

    @Test
    void readsLeaveNoConsumerOnTheServer() throws Exception {
        publish("a", "{\"id\": 1}");
        create("n", "(id int64)", "a", ", seek_to='earliest'");
        io.nats.client.JetStreamManagement management = client.jetStreamManagement();
        try (QueryResult result = (QueryResult) session.execute("SELECT id FROM n")) {
            assertEquals(List.of(List.of(1L)), take(result, 1));
            assertEquals(1, management.getConsumerNames(stream).size(), "the read's consumer while it runs");
        }
        assertEquals(List.of(List.of(1L)), rows(session, "SELECT id FROM table(n)"));
        long deadline = System.currentTimeMillis() + Sql.DEADLINE_MILLIS;
        List<String> left = management.getConsumerNames(stream);
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            left = management.getConsumerNames(stream);
        }
        assertEquals(List.of(), left, "consumers left after the reads ended");
    }

    @Test
    void seekToEarliestOrASequenceStartsThere() {
        publish("a", "{\"id\": 1}");
        publish("a", "{\"id\": 2}");
        publish("a", "{\"id\": 3}");
        create("early", "(id int64)", "a", ", seek_to='earliest'");
        try (QueryResult result = (QueryResult) session.execute("SELECT id FROM early")) {
            assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), take(result, 3));
            publish("a", "{\"id\": 4}");
            assertEquals(List.of(List.of(4L)), take(result, 1));
        }
        create("n", "(id int64)", "a", ", seek_to='2'");
        try (QueryResult result = (QueryResult) session.execute("SELECT id FROM n")) {
            assertEquals(List.of(List.of(2L), List.of(3L), List.of(4L)), take(result, 3));
        }
        try (QueryResult result = (QueryResult) session.execute("SELECT id FROM n LIMIT 2 SETTINGS seek_to='earliest'")) {
            assertEquals(List.of(List.of(1L), List.of(2L)), take(result, 2));
        }
        try (QueryResult result = (QueryResult) session.execute("SELECT id FROM early LIMIT 2 SETTINGS seek_to='3'")) {
            assertEquals(List.of(List.of(3L), List.of(4L)), take(result, 2), "a query's own stream sequence");
        }
    }

    @Test
    void jsonEachRowFillsMissingKeysIgnoresUnknownOnesAndTakesSeveralRowsPerMessage() {
        publish("a", "{\"id\": 1, \"extra\": {\"x\": [1, 2]}, \"price\": \"2.5\", \"ok\": true,"
                + " \"at\": \"2024-01-02 03:04:05.123\", \"tags\": [\"x\", \"y\"]}");
        publish("a", "{\"id\": 2}\n{\"id\": 3, \"note\": null}\n");
        create("n", "(id int64, price float64, ok bool, at datetime64(3, 'UTC'), tags array(string), note nullable(string),"
                + " label string)", "a", "");
        List<List<Object>> rows = rows(session, "SELECT id, price, ok, to_string(at), tags, note, label FROM table(n)");
        assertEquals(List.of(
                List.of(1L, 2.5, true, "2024-01-02 03:04:05.123", List.of("x", "y"), nullValue(), ""),
                List.of(2L, 0.0, false, "1970-01-01 00:00:00.000", List.of(), nullValue(), ""),
                List.of(3L, 0.0, false, "1970-01-01 00:00:00.000", List.of(), nullValue(), "")), normalize(rows));
    }

    @Test
    void aMaterializedViewCopiesNewMessagesIntoAStream() throws Exception {
        create("n", "(id int64, name string)", ">", "");
        run(session, "CREATE STREAM copied (id int64, subject string, sn int64)");
        run(session, "CREATE MATERIALIZED VIEW copy INTO copied AS SELECT id, _nats_subject AS subject, _tp_sn AS sn FROM n"
                + " WHERE name != 'skip'");
        // the view starts in the background: its read begins once its consumer is on the server
        long started = System.currentTimeMillis() + Sql.DEADLINE_MILLIS;
        while (client.jetStreamManagement().getConsumerNames(stream).isEmpty() && System.currentTimeMillis() < started) {
            Thread.sleep(20);
        }
        publish("a", "{\"id\": 1, \"name\": \"x\"}\n{\"id\": 2, \"name\": \"skip\"}");
        publish("b.c", "{\"id\": 3, \"name\": \"y\"}");
        List<List<Object>> expected = List.of(List.of(1L, stream + ".a", 1L), List.of(3L, stream + ".b.c", 2L));
        long deadline = System.currentTimeMillis() + Sql.DEADLINE_MILLIS;
        List<List<Object>> copied = rows(session, "SELECT id, subject, sn FROM table(copied) ORDER BY id");
        while (!copied.equals(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            copied = rows(session, "SELECT id, subject, sn FROM table(copied) ORDER BY id");
        }
        assertEquals(expected, copied, () -> rows(session, "SELECT * FROM system.materialized_views").toString());
    }

    @Test
    void rawBlobIsOneStringPerMessage() {
        publish("a", "plain text, not JSON");
        publish("a", "{\"also\": \"kept as is\"}");
        create("raw", "(line string)", "a", "");
        assertEquals(List.of(List.of("plain text, not JSON", 1L), List.of("{\"also\": \"kept as is\"}", 2L)),
                rows(session, "SELECT line, _tp_sn FROM table(raw)"));
    }

    @Test
    void aMessageThatDoesNotParseFailsTheQueryWithItsSequence() {
        publish("a", "{\"id\": 1}");
        publish("a", "{\"id\": oops}");
        create("n", "(id int64)", "a", "");
        BrookException failure = assertThrows(BrookException.class, () -> rows(session, "SELECT id FROM table(n)"));
        assertEquals(6, failure.code().number());
        assertTrue(failure.getMessage().startsWith("Cannot parse message 2 (subject " + stream + ".a) of NATS stream "
                + stream + " as JSONEachRow: "), failure.getMessage());
        publish("b", "{\"id\": \"twelve\"}");
        create("b", "(id int64)", "b", "");
        BrookException wrongType = assertThrows(BrookException.class, () -> rows(session, "SELECT id FROM table(b)"));
        assertTrue(wrongType.getMessage().contains("message 3") && wrongType.getMessage().contains("column id"),
                wrongType.getMessage());
    }

    private static final Object NULL = new Object();

    private static Object nullValue() {
        return NULL;
    }

    /** Rows with nulls as a marker (List.of takes no nulls) and arrays as plain lists. */
    private static List<List<Object>> normalize(List<List<Object>> rows) {
        return rows.stream().map(row -> row.stream().map(value -> value == null ? NULL
                : value instanceof List<?> list ? (Object) list.stream().map(String::valueOf).toList() : value).toList()).toList();
    }
}
