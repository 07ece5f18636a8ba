package io.brook.connector.kafka;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.Sql;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker stops while one view reads a topic into a stream and another writes a stream into a
 * topic: both views show the failure in {@code system.materialized_views}, go on by themselves
 * once the same broker (same port, same log directories) is back, and lose nothing; the reading
 * view, resuming at its checkpointed offsets, also copies each message exactly once. And when
 * the engine reopens with the broker down, its kafka streams still load: a read fails naming the
 * brokers, and the view over one shows that error and catches up once the broker is back.
 */
@Timeout(120)
class KafkaFaultTest {
    private static final long WAIT_NANOS = 60_000_000_000L;
    /** Client timeouts short enough that a stopped broker shows as an error within seconds. */
    private static final String SHORT_TIMEOUTS = "default.api.timeout.ms=3000;request.timeout.ms=2000;"
            + "max.block.ms=3000;delivery.timeout.ms=5000;reconnect.backoff.max.ms=500";

    private static InProcessKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = InProcessKafka.start(SecurityProtocol.PLAINTEXT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void viewsReadingAndWritingTopicsShowABrokerOutageAndCatchUpWithoutLosingMessages() throws Exception {
        kafka.createTopic("fault_in", 2);
        kafka.createTopic("fault_out", 1);
        try (Engine engine = Engine.open(EngineConfig.memory("kafka-fault-" + System.nanoTime()));
             Session session = engine.openSession(Map.of())) {
            Sql.run(session, "CREATE EXTERNAL STREAM in_topic (raw string) SETTINGS type='kafka', brokers='"
                    + kafka.bootstrapServers() + "', topic='fault_in', seek_to='earliest', properties='" + SHORT_TIMEOUTS + "'");
            Sql.run(session, "CREATE EXTERNAL STREAM out_topic (raw string) SETTINGS type='kafka', brokers='"
                    + kafka.bootstrapServers() + "', topic='fault_out', one_message_per_row=true, properties='"
                    + SHORT_TIMEOUTS + "'");
            Sql.run(session, "CREATE STREAM copied (raw string)");
            Sql.run(session, "CREATE STREAM local_rows (raw string)");
            Sql.run(session, "CREATE MATERIALIZED VIEW from_topic INTO copied AS SELECT raw FROM in_topic "
                    + "SETTINGS retry_backoff_ms=200");
            Sql.run(session, "CREATE MATERIALIZED VIEW to_topic INTO out_topic AS SELECT raw FROM local_rows "
                    + "SETTINGS retry_backoff_ms=200");

            kafka.send("fault_in", 0, "a1", "a2");
            kafka.send("fault_in", 1, "b1");
            Sql.run(session, "INSERT INTO local_rows (raw) VALUES ('r1'), ('r2')");
            awaitCopied(session, List.of("a1", "a2", "b1"));
            awaitTopic("fault_out", List.of("r1", "r2"));

            kafka.stopBroker();
            Sql.run(session, "INSERT INTO local_rows (raw) VALUES ('r3'), ('r4')");
            Map<String, Object> reading = awaitStatus(session, "from_topic", row -> !"".equals(row.get("last_error")));
            Map<String, Object> writing = awaitStatus(session, "to_topic", row -> !"".equals(row.get("last_error")));
            assertTrue(((String) writing.get("last_error")).contains("fault_out"), writing.toString());
            assertTrue(List.of("running", "error", "recovering").contains(reading.get("state")), reading.toString());

            kafka.startBroker();
            kafka.send("fault_in", 0, "a3");
            kafka.send("fault_in", 1, "b2", "b3");
            Sql.run(session, "INSERT INTO local_rows (raw) VALUES ('r5')");
            awaitCopied(session, List.of("a1", "a2", "a3", "b1", "b2", "b3"));
            awaitTopic("fault_out", List.of("r1", "r2", "r3", "r4", "r5"));
            awaitStatus(session, "from_topic", row -> "running".equals(row.get("state")));
            awaitStatus(session, "to_topic", row -> "running".equals(row.get("state")));
            // exactly once: nothing more turns up later
            kafka.send("fault_in", 0, "a4");
            assertEquals(List.of("a1", "a2", "a3", "a4", "b1", "b2", "b3"),
                    awaitCopied(session, List.of("a1", "a2", "a3", "a4", "b1", "b2", "b3")));
        }
    }

    @Test
    void aStreamLoadsWhenTheEngineReopensWithTheBrokerDownAndItsViewCatchesUpOnceTheBrokerIsBack(
            @TempDir Path directory) throws Exception {
        kafka.createTopic("reopen_in", 1);
        String brokers = kafka.bootstrapServers();
        try (Engine engine = Engine.open(EngineConfig.file(directory)); Session session = engine.openSession(Map.of())) {
            Sql.run(session, "CREATE EXTERNAL STREAM in_topic (raw string) SETTINGS type='kafka', brokers='"
                    + brokers + "', topic='reopen_in', seek_to='earliest', properties='" + SHORT_TIMEOUTS + "'");
            Sql.run(session, "CREATE STREAM copied (raw string)");
            Sql.run(session, "CREATE MATERIALIZED VIEW from_topic INTO copied AS SELECT raw FROM in_topic "
                    + "SETTINGS retry_backoff_ms=200");
            kafka.send("reopen_in", 0, "m1");
            awaitCopied(session, List.of("m1"));
        }
        kafka.send("reopen_in", 0, "m2");
        kafka.stopBroker();
        boolean stopped = true;
        try (Engine engine = Engine.open(EngineConfig.file(directory)); Session session = engine.openSession(Map.of())) {
            assertTrue(Sql.rows(session, "SHOW STREAMS").contains(List.of("in_topic")));
            BrookException read = assertThrows(BrookException.class,
                    () -> Sql.rows(session, "SELECT raw FROM table(in_topic)"));
            assertEquals(ErrorCode.NETWORK_ERROR, read.code(), read.getMessage());
            assertTrue(read.text().startsWith("Cannot read topic reopen_in from kafka brokers " + brokers), read.text());
            Map<String, Object> status = awaitStatus(session, "from_topic",
                    row -> ((String) row.get("last_error")).contains(brokers));
            assertTrue(List.of("error", "recovering").contains(status.get("state")), status.toString());

            kafka.startBroker();
            stopped = false;
            kafka.send("reopen_in", 0, "m3");
            awaitCopied(session, List.of("m1", "m2", "m3"));
            awaitStatus(session, "from_topic", row -> "running".equals(row.get("state")));
        } finally {
            if (stopped) {
                kafka.startBroker();
            }
        }
    }

    /** Waits until {@code copied} holds at least as many rows as expected, and says what it holds then (sorted). */
    private static List<Object> awaitCopied(Session session, List<Object> expected) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        List<Object> values = List.of();
        while (System.nanoTime() < deadline) {
            values = Sql.rows(session, "SELECT raw FROM table(copied) ORDER BY raw").stream()
                    .map(List::getFirst).toList();
            if (values.size() >= expected.size()) {
                break;
            }
            pause();
        }
        assertEquals(expected, values, "the copied messages, each once");
        return values;
    }

    /**
     * Waits until the topic holds every expected value; a write the broker took before it failed
     * to answer may be sent again when the view retries, so a value may come more than once.
     */
    private static void awaitTopic(String topic, List<String> expected) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        List<String> values = List.of();
        while (System.nanoTime() < deadline) {
            values = kafka.readAll(topic).stream().map(record -> InProcessKafka.text(record.value())).toList();
            if (values.containsAll(expected)) {
                break;
            }
            pause();
        }
        assertEquals(expected, values.stream().distinct().sorted().toList(), "the messages in " + topic + ": " + values);
    }

    private static Map<String, Object> awaitStatus(Session session, String view, Predicate<Map<String, Object>> done) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        Map<String, Object> status = status(session, view);
        while (!done.test(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting on the status of " + view + "; last " + status);
            }
            pause();
            status = status(session, view);
        }
        return status;
    }

    private static Map<String, Object> status(Session session, String view) {
        List<List<Object>> rows = Sql.rows(session,
                "SELECT state, last_error FROM system.materialized_views WHERE name = '" + view + "'");
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", rows.getFirst().get(0));
        status.put("last_error", rows.getFirst().get(1));
        return status;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
