package io.brook.connector.nats;

import io.brook.engine.error.BrookException;
import io.brook.engine.testing.Sql;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.brook.engine.testing.Sql.rows;
import static io.brook.engine.testing.Sql.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writing nats_jetstream streams on a real server: INSERT, per-row subjects, materialized views. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NatsWriteTest extends WithJetStream {
    @Override
    protected String streamPrefix() {
        return "W";
    }

    private void create(String name, String columns, String subject, String extra) {
        run(session, "CREATE EXTERNAL STREAM " + name + " " + columns + " SETTINGS type='nats_jetstream', url='"
                + server.url() + "', stream_name='" + stream + "', subject='" + stream + "." + subject + "'" + extra);
    }

    /** Every message stored in the stream, as "subject: payload". */
    private List<String> stored() {
        try {
            JetStreamManagement management = client.jetStreamManagement();
            long last = management.getStreamInfo(stream).getStreamState().getLastSequence();
            List<String> messages = new ArrayList<>();
            for (long sequence = 1; sequence <= last; sequence++) {
                MessageInfo message = management.getMessage(stream, sequence);
                messages.add(message.getSubject() + ": " + new String(message.getData(), StandardCharsets.UTF_8));
            }
            return messages;
        } catch (IOException | JetStreamApiException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void insertPublishesOneJsonObjectPerRowAndReadsBack() {
        create("n", "(id int64, name string, price decimal(10, 2), at datetime64(3, 'UTC'))", "in",
                ", one_message_per_row=true");
        run(session, "INSERT INTO n (id, name, price, at) VALUES (1, 'one', 1.50, '2024-01-02 03:04:05.678'), (2, 'two', 0.01, '2024-01-02 03:04:06')");
        List<String> messages = stored();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith(stream + ".in: {\"id\":1,\"name\":\"one\",\"price\":1.50,\"at\":\"2024-01-02T03:04:05.678Z\"}"),
                messages.get(0));
        assertEquals(List.of(List.of(1L, "one", "1.50", "2024-01-02 03:04:05.678"), List.of(2L, "two", "0.01", "2024-01-02 03:04:06.000")),
                rows(session, "SELECT id, name, to_string(price), to_string(at) FROM table(n)"));
    }

    @Test
    void jsonEachRowBatchesRowsIntoMessagesByDefault() {
        create("n", "(id int64)", "in", "");
        run(session, "INSERT INTO n (id) VALUES (1), (2), (3)");
        assertEquals(List.of(stream + ".in: {\"id\":1}\n{\"id\":2}\n{\"id\":3}"), stored());
        assertEquals(List.of(List.of(1L, 1L), List.of(2L, 1L), List.of(3L, 1L)), rows(session, "SELECT id, _tp_sn FROM table(n)"));
    }

    @Test
    void aDeclaredSubjectColumnRoutesEachRow() {
        create("n", "(_nats_subject string, id int64)", "*", "");
        run(session, "INSERT INTO n (_nats_subject, id) VALUES ('" + stream + ".x', 1), ('" + stream + ".y', 2), ('" + stream
                + ".y', 3)");
        assertEquals(List.of(stream + ".x: {\"id\":1}", stream + ".y: {\"id\":2}\n{\"id\":3}"), stored());
        assertEquals(List.of(List.of(stream + ".x", 1L), List.of(stream + ".y", 2L), List.of(stream + ".y", 3L)),
                rows(session, "SELECT * FROM table(n)"));
        BrookException wildcard = assertThrows(BrookException.class, () -> run(session, "INSERT INTO n (id) VALUES (4)"));
        assertTrue(wildcard.getMessage().startsWith("Cannot publish to the wildcard subject " + stream + ".*"),
                wildcard.getMessage());
    }

    @Test
    void csvAndTsvRowsGoOnePerLineAndReadBack() {
        create("csv", "(id int64, name string, at datetime64(3, 'UTC'))", "csv", ", data_format='CSV'");
        run(session, "INSERT INTO csv (id, name, at) VALUES (1, 'a, \"quoted\"', '2024-01-02 03:04:05.678'), (2, 'b', '2024-01-02 03:04:06')");
        create("tsv", "(id int64, note nullable(string))", "tsv", ", data_format='TSV', one_message_per_row=true");
        run(session, "INSERT INTO tsv (id, note) VALUES (3, 'tab\there'), (4, null)");
        assertEquals(List.of(stream + ".csv: 1,\"a, \"\"quoted\"\"\",2024-01-02 03:04:05.678\n2,b,2024-01-02 03:04:06.000",
                stream + ".tsv: 3\ttab\\there", stream + ".tsv: 4\t\\N"), stored());
        assertEquals(List.of(List.of(1L, "a, \"quoted\"", "2024-01-02 03:04:05.678"), List.of(2L, "b", "2024-01-02 03:04:06.000")),
                rows(session, "SELECT id, name, to_string(at) FROM table(csv)"));
        assertEquals(List.of(List.of(3L, "tab\there"), List.of(4L, "null")),
                rows(session, "SELECT id, if(note IS NULL, 'null', note) FROM table(tsv)"));
    }

    @Test
    void rawBlobPublishesTheStringAsIs() {
        create("raw", "(line string)", "raw", "");
        run(session, "INSERT INTO raw (line) VALUES ('first line'), ('{not json')");
        assertEquals(List.of(stream + ".raw: first line", stream + ".raw: {not json"), stored());
    }

    @Test
    void aPublishOutsideTheStreamFailsTheInsert() {
        run(session, "CREATE EXTERNAL STREAM n (_nats_subject string, id int64) SETTINGS type='nats_jetstream', url='"
                + server.url() + "', stream_name='" + stream + "', subject='" + stream + ".a'");
        BrookException failure = assertThrows(BrookException.class,
                () -> run(session, "INSERT INTO n (_nats_subject, id) VALUES ('nowhere.at.all', 1)"));
        assertTrue(failure.getMessage().startsWith("Cannot publish to subject nowhere.at.all of NATS stream " + stream),
                failure.getMessage());
    }

    @Test
    void aMaterializedViewPublishesItsRows() throws InterruptedException {
        run(session, "CREATE STREAM src (id int64, name string)");
        create("out", "(id int64, name string)", "mv", ", one_message_per_row=true");
        run(session, "CREATE MATERIALIZED VIEW copy INTO out AS SELECT id * 10 AS id, name FROM src WHERE id > 1");
        run(session, "INSERT INTO src (id, name) VALUES (1, 'skip'), (2, 'b'), (3, 'c')");
        long deadline = System.currentTimeMillis() + Sql.DEADLINE_MILLIS;
        List<String> messages = stored();
        while (messages.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            messages = stored();
        }
        assertEquals(List.of(stream + ".mv: {\"id\":20,\"name\":\"b\"}", stream + ".mv: {\"id\":30,\"name\":\"c\"}"), messages);
    }
}
