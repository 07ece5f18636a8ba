package io.brook.connector.kafka;

import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.BrookSession;
import io.brook.engine.testing.Sql;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading kafka external streams (SPEC 4.1) from a real in-process broker. */
@Timeout(120)
class KafkaReadTest {
    private static InProcessKafka kafka;
    private static BrookSession brook;
    private static Session session;

    @BeforeAll
    static void start() throws Exception {
        kafka = InProcessKafka.start(SecurityProtocol.PLAINTEXT);
        brook = BrookSession.inMemory("kafka-read");
        session = brook.session();
    }

    @AfterAll
    static void stop() throws Exception {
        BrookSession.closeAll(brook, kafka);
    }

    private static String create(String stream, String columns, String topic, String extraSettings) {
        Sql.run(session, "CREATE EXTERNAL STREAM " + stream + " " + columns + " SETTINGS type='kafka', brokers='"
                + kafka.bootstrapServers() + "', topic='" + topic + "'" + extraSettings);
        return stream;
    }

    @Test
    void createChecksTheBrokersAndTheTopic() {
        BrookException missing = assertThrows(BrookException.class,
                () -> create("no_topic", "(raw string)", "absent_topic", ""));
        assertEquals(ErrorCode.UNKNOWN_STREAM, missing.code());
        assertTrue(missing.text().startsWith("Topic absent_topic doesn't exist on kafka brokers"), missing.text());
        BrookException unreachable = assertThrows(BrookException.class, () -> Sql.run(session,
                "CREATE EXTERNAL STREAM no_broker (raw string) SETTINGS type='kafka', brokers='127.0.0.1:1', topic='t'"));
        assertEquals(ErrorCode.NETWORK_ERROR, unreachable.code());
        assertTrue(unreachable.text().startsWith("Cannot reach kafka brokers 127.0.0.1:1 for topic t"), unreachable.text());
        BrookException gone = assertThrows(BrookException.class, () -> Sql.rows(session, "SELECT * FROM table(no_broker)"));
        assertEquals(ErrorCode.UNKNOWN_STREAM, gone.code());
    }

    @Test
    void tableReadsEveryPartitionFromEarliestToTheEndAndStops() throws Exception {
        kafka.createTopic("three", 3);
        kafka.send("three", 0, "a0", "a1");
        kafka.send("three", 1, "b0");
        kafka.send("three", 2, "c0", "c1", "c2");
        create("three_stream", "(raw string)", "three", "");
        List<List<Object>> rows = Sql.rows(session, "SELECT raw, _tp_shard, _tp_sn FROM table(three_stream)");
        rows = rows.stream().sorted(Comparator.comparing(row -> (String) row.getFirst())).toList();
        assertEquals(List.of(List.of("a0", 0L, 0L), List.of("a1", 0L, 1L), List.of("b0", 1L, 0L), List.of("c0", 2L, 0L),
                List.of("c1", 2L, 1L), List.of("c2", 2L, 2L)), rows);
        List<List<Object>> star = Sql.rows(session, "SELECT * FROM table(three_stream) WHERE raw = 'b0'");
        assertEquals(List.of(List.of("b0")), star, "SELECT * leaves the virtual columns out");
    }

    @Test
    void shardsPickPartitionsAndSeekToTakesOffsetsPerPartition() throws Exception {
        kafka.createTopic("picked", 3);
        kafka.send("picked", 0, "p0-0", "p0-1", "p0-2");
        kafka.send("picked", 1, "p1-0");
        kafka.send("picked", 2, "p2-0", "p2-1");
        create("picked_stream", "(raw string)", "picked", ", shards='0,2'");
        List<Object> values = Sql.rows(session, "SELECT raw FROM table(picked_stream)").stream()
                .map(List::getFirst).sorted().toList();
        assertEquals(List.of("p0-0", "p0-1", "p0-2", "p2-0", "p2-1"), values);
        create("picked_from", "(raw string)", "picked", ", shards='0,2', seek_to='2,1'");
        values = Sql.rows(session, "SELECT raw FROM table(picked_from)").stream().map(List::getFirst).sorted().toList();
        assertEquals(List.of("p0-2", "p2-1"), values);
        try (QueryResult query = Sql.start(session, "SELECT raw FROM picked_stream LIMIT 2 SETTINGS seek_to='2,1'")) {
            assertEquals(List.of("p0-2", "p2-1"), Sql.take(query, 2).stream().map(List::getFirst).sorted().toList(),
                    "a query's offsets, one per partition it reads");
        }
        BrookException tooFew = assertThrows(BrookException.class, () -> {
            create("picked_bad", "(raw string)", "picked", ", seek_to='1'");
            Sql.rows(session, "SELECT raw FROM table(picked_bad)");
        });
        assertEquals(ErrorCode.INVALID_SETTING_VALUE, tooFew.code());
    }

    @Test
    void virtualColumnsCarryKeyHeadersTimeOffsetAndPartition() throws Exception {
        kafka.createTopic("meta", 1);
        long before = System.currentTimeMillis();
        kafka.send("meta", 0, "k1", "v1", Map.of("h1", "x", "h2", "y"));
        kafka.send("meta", 0, null, "v2", Map.of());
        create("meta_stream", "(raw string)", "meta", "");
        List<List<Object>> rows = Sql.rows(session,
                "SELECT raw, _tp_message_key, _tp_message_headers, _tp_sn, _tp_shard, _tp_time FROM table(meta_stream)");
        assertEquals(2, rows.size());
        assertEquals(List.of("v1", "k1", Map.of("h1", "x", "h2", "y"), 0L, 0L), rows.get(0).subList(0, 5));
        assertEquals(List.of("v2", "", Map.of(), 1L, 0L), rows.get(1).subList(0, 5));
        Instant time = (Instant) rows.get(0).get(5);
        assertTrue(time.toEpochMilli() >= before - 1_000 && time.toEpochMilli() <= System.currentTimeMillis(), time.toString());
    }

    @Test
    void streamingReadsStartAtLatestUnlessSeekToSaysEarliest() throws Exception {
        kafka.createTopic("live", 2);
        kafka.send("live", 0, "old");
        create("live_stream", "(raw string)", "live", "");
        try (QueryResult query = Sql.start(session, "SELECT raw FROM live_stream")) {
            kafka.send("live", 1, "new1");
            kafka.send("live", 0, "new2");
            List<Object> values = Sql.take(query, 2).stream().map(List::getFirst).sorted().toList();
            assertEquals(List.of("new1", "new2"), values);
        }
        try (QueryResult query = Sql.start(session, "SELECT raw FROM live_stream SETTINGS seek_to='earliest'")) {
            List<Object> values = Sql.take(query, 3).stream().map(List::getFirst).sorted().toList();
            assertEquals(List.of("new1", "new2", "old"), values);
        }
    }

    @Test
    void partitionsAddedDuringAStreamingReadAreRead() throws Exception {
        kafka.createTopic("growing", 1);
        create("growing_stream", "(raw string)", "growing", "");
        try (QueryResult query = Sql.start(session, "SELECT raw, _tp_shard FROM growing_stream")) {
            kafka.send("growing", 0, "first");
            assertEquals(List.of(List.of("first", 0L)), Sql.take(query, 1));
            kafka.addPartitions("growing", 2);
            kafka.send("growing", 1, "in the new partition");
            assertEquals(List.of(List.of("in the new partition", 1L)), Sql.take(query, 1));
        }
    }

    @Test
    void aLowerBoundOnTpTimeStartsAStreamingReadAtThatTime() throws Exception {
        kafka.createTopic("timed", 1);
        kafka.sendAt("timed", Instant.parse("2020-01-01T00:00:00Z").toEpochMilli(), "old");
        kafka.sendAt("timed", Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(), "recent");
        create("timed_stream", "(raw string)", "timed", "");
        try (QueryResult query = Sql.start(session,
                "SELECT raw, _tp_time FROM timed_stream WHERE _tp_time >= '2023-06-01 00:00:00'")) {
            assertEquals(List.of(List.of("recent", Instant.parse("2024-01-01T00:00:00Z"))), Sql.take(query, 1));
        }
    }
}
