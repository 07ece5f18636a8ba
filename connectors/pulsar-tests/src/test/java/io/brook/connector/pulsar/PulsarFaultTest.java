package io.brook.connector.pulsar;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.testing.Sql;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker stops (a shutdown of the in-process standalone; it comes back on the same ports with
 * the same data) while one view reads a partitioned topic into a Brook stream and another writes
 * a Brook stream into a topic: both views show the failure in {@code system.materialized_views},
 * go on by themselves once the broker is back, and lose nothing. The reading view, resuming at
 * the positions of its checkpoint, copies each message exactly once; the writing view may send a
 * row again when it retries, so the topic holds each row at least once.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PulsarFaultTest {
    private static final long WAIT_MILLIS = 90_000;

    private static PulsarBroker broker;
    private static PulsarClient client;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = PulsarBroker.get();
        client = broker.client();
    }

    @AfterAll
    static void closeClient() throws Exception {
        broker.startBroker(); // the other test classes share it: running again whatever happened here
        client.close();
    }

    @Test
    void viewsReadingAndWritingTopicsShowABrokerOutageAndCatchUpWithoutLosingMessages() throws Exception {
        String in = PulsarBroker.topic("fault-in");
        String out = PulsarBroker.topic("fault-out");
        try (PulsarAdmin admin = broker.admin()) {
            admin.topics().createPartitionedTopic(in, 2);
        }
        try (Engine engine = Engine.open(EngineConfig.memory("pulsar-fault-" + System.nanoTime()));
             Session session = engine.openSession(Map.of())) {
            Sql.run(session, "CREATE EXTERNAL STREAM in_topic (id int64) SETTINGS " + broker.streamSettings(in)
                    + ", data_format='JSONEachRow', seek_to='earliest'");
            Sql.run(session, "CREATE EXTERNAL STREAM out_topic (id int64) SETTINGS " + broker.streamSettings(out)
                    + ", data_format='JSONEachRow', one_message_per_row=true");
            Sql.run(session, "CREATE STREAM copied (id int64)");
            Sql.run(session, "CREATE STREAM local_rows (id int64)");
            Sql.run(session, "CREATE MATERIALIZED VIEW from_topic INTO copied AS SELECT id FROM in_topic "
                    + "SETTINGS retry_backoff_ms=200");
            Sql.run(session, "CREATE MATERIALIZED VIEW to_topic INTO out_topic AS SELECT id FROM local_rows "
                    + "SETTINGS retry_backoff_ms=200");

            produce(in, 1, 2);
            Sql.run(session, "INSERT INTO local_rows (id) VALUES (11), (12)");
            awaitCopied(session, List.of(1L, 2L));
            awaitTopic(out, List.of(11L, 12L));

            broker.stopBroker();
            Sql.run(session, "INSERT INTO local_rows (id) VALUES (13), (14)");
            Map<String, String> reading = awaitStatus(session, "from_topic", row -> !row.get("last_error").isEmpty());
            Map<String, String> writing = awaitStatus(session, "to_topic", row -> !row.get("last_error").isEmpty());
            assertTrue(writing.get("last_error").contains(out), writing.toString());
            assertTrue(reading.get("last_error").contains(in), reading.toString());
            assertTrue(List.of("running", "error", "recovering").contains(reading.get("state")), reading.toString());
            assertTrue(List.of("running", "error", "recovering").contains(writing.get("state")), writing.toString());

            broker.startBroker();
            produce(in, 3, 4);
            Sql.run(session, "INSERT INTO local_rows (id) VALUES (15)");
            awaitCopied(session, List.of(1L, 2L, 3L, 4L));
            awaitTopic(out, List.of(11L, 12L, 13L, 14L, 15L));
            awaitStatus(session, "from_topic", row -> "running".equals(row.get("state")));
            awaitStatus(session, "to_topic", row -> "running".equals(row.get("state")));
            // exactly once: nothing more turns up later
            produce(in, 5, 5);
            awaitCopied(session, List.of(1L, 2L, 3L, 4L, 5L));
        }
    }

    /** Sends {@code {"id": n}} for each id in [from, to], each with a key of its own. */
    private static void produce(String topic, long from, long to) throws Exception {
        try (Producer<byte[]> producer = client.newProducer().topic(topic).create()) {
            for (long id = from; id <= to; id++) {
                producer.newMessage().key("k" + id).value(("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8)).send();
            }
        }
    }

    /** Waits until {@code copied} holds as many rows as expected, then says they are those, each once. */
    private static void awaitCopied(Session session, List<Long> expected) {
        List<Long> ids = await(() -> Sql.lines(session, "SELECT id FROM table(copied) ORDER BY id").stream()
                .map(Long::parseLong).toList(), now -> now.size() >= expected.size());
        assertEquals(expected, ids, "the copied messages, each once");
    }

    /**
     * Waits until the topic holds every expected id; a send the broker took before the view saw it
     * fail may come again when the view retries, so an id may be there more than once.
     */
    private static void awaitTopic(String topic, List<Long> expected) {
        List<Long> ids = await(() -> topicIds(topic), now -> now.containsAll(expected));
        assertEquals(expected, ids.stream().distinct().sorted().toList(), "the ids in " + topic + ": " + ids);
    }

    private static List<Long> topicIds(String topic) {
        List<Long> ids = new ArrayList<>();
        try (Reader<byte[]> reader = client.newReader().topic(topic).startMessageId(MessageId.earliest).create()) {
            while (reader.hasMessageAvailable()) {
                Message<byte[]> message = reader.readNext(10, TimeUnit.SECONDS);
                assertNotNull(message);
                String body = new String(message.getValue(), StandardCharsets.UTF_8);
                ids.add(Long.parseLong(body.replaceAll("[^0-9]", "")));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return ids;
    }

    private static Map<String, String> awaitStatus(Session session, String view, Predicate<Map<String, String>> done) {
        Map<String, String> status = await(() -> status(session, view), done);
        if (!done.test(status)) {
            throw new AssertionError("gave up waiting on the status of " + view + "; last " + status);
        }
        return status;
    }

    private static Map<String, String> status(Session session, String view) {
        String row = Sql.lines(session, "SELECT state, last_error FROM system.materialized_views WHERE name = '"
                + view + "'").getFirst();
        String[] columns = row.split("\\|", 2);
        Map<String, String> status = new LinkedHashMap<>();
        status.put("state", columns[0]);
        status.put("last_error", columns.length > 1 && !"null".equals(columns[1]) ? columns[1] : "");
        return status;
    }

    /** Asks until the answer is done or the time is up; says the last answer. */
    private static <T> T await(Supplier<T> ask, Predicate<T> done) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        T answer = ask.get();
        while (!done.test(answer) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            answer = ask.get();
        }
        return answer;
    }
}
