package io.brook.connector.pulsar;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.testing.Sql;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A materialized view reading a pulsar stream into a Brook stream keeps, in its checkpoints, the
 * last message it copied from each partition; after the engine reopens it reads on right after
 * them: messages sent while it was closed arrive once, and none arrive twice. The producers batch,
 * and the engine closes while the view is still copying, so a view may stop in the middle of a
 * batch.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PulsarViewResumeTest {
    private static final long WAIT_MILLIS = 60_000;
    private static final String CENSUS = "SELECT count(), count(distinct id), min(id), max(id) FROM table(copied)";

    private static PulsarBroker broker;
    private static PulsarClient client;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = PulsarBroker.get();
        client = broker.client();
    }

    @AfterAll
    static void closeClient() throws Exception {
        client.close();
    }

    private static void withEngine(Path directory, Consumer<Session> body) {
        try (Engine engine = Engine.open(EngineConfig.file(directory)); Session session = engine.openSession(Map.of())) {
            body.accept(session);
        }
    }

    private static String settings(String topic, String extra) {
        return " SETTINGS " + broker.streamSettings(topic) + ", data_format='JSONEachRow'" + extra;
    }

    /** Sends {@code {"id": n}} for each id in [from, to], batched, each with a key of its own. */
    private static void produce(String topic, long from, long to) {
        try (Producer<byte[]> producer = client.newProducer().topic(topic)
                .batchingMaxMessages(64).batchingMaxPublishDelay(2, TimeUnit.MILLISECONDS).create()) {
            List<CompletableFuture<MessageId>> sent = new ArrayList<>();
            for (long id = from; id <= to; id++) {
                sent.add(producer.newMessage().key("k" + id)
                        .value(("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8)).sendAsync());
            }
            producer.flush();
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** (count, distinct, min, max) of the ids 1..n, each once. */
    private static String once(long n) {
        return n + "|" + n + "|1|" + n;
    }

    /** Waits until {@code copied} holds at least {@code n} rows with a positive id; says its census of them. */
    private static String awaitCopied(Session session, long n) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        String census = "";
        while (System.currentTimeMillis() < deadline) {
            census = Sql.lines(session, CENSUS + " WHERE id > 0").getFirst();
            if (Long.parseLong(census.split("\\|")[0]) >= n) {
                return census;
            }
            pause(100);
        }
        return census;
    }

    private static long copiedCount(Session session) {
        return Long.parseLong(Sql.lines(session, "SELECT count() FROM table(copied)").getFirst());
    }

    @Test
    void aViewResumesRightAfterTheLastMessageItCopied(@TempDir Path directory) {
        String topic = PulsarBroker.topic("resume");
        withEngine(directory, session -> {
            Sql.run(session, "CREATE EXTERNAL STREAM feed (id int64)" + settings(topic, ", seek_to='earliest'"));
            Sql.run(session, "CREATE STREAM copied (id int64)");
            Sql.run(session, "CREATE MATERIALIZED VIEW copy INTO copied AS SELECT id FROM feed");
            produce(topic, 1, 20_000);
            awaitCopied(session, 1); // then close while the view may still be copying
        });
        produce(topic, 20_001, 30_000);
        withEngine(directory, session -> {
            assertEquals(once(30_000), awaitCopied(session, 30_000), "every message once (count, distinct, min, max)");
            produce(topic, 30_001, 30_010);
            assertEquals(once(30_010), awaitCopied(session, 30_010));
        });
        withEngine(directory, session -> {
            pause(1_500); // a restart with nothing new reads nothing again
            assertEquals(once(30_010), awaitCopied(session, 30_010));
        });
    }

    @Test
    void aViewOverAPartitionedTopicResumesEachPartitionAndReadsAddedOnes(@TempDir Path directory) throws Exception {
        String topic = PulsarBroker.topic("resume-parts");
        try (PulsarAdmin admin = broker.admin()) {
            admin.topics().createPartitionedTopic(topic, 2);
            withEngine(directory, session -> {
                // the stream starts at the latest messages: markers (negative ids) until one arrives
                Sql.run(session, "CREATE EXTERNAL STREAM feed (id int64)" + settings(topic, ""));
                Sql.run(session, "CREATE STREAM copied (id int64)");
                Sql.run(session, "CREATE MATERIALIZED VIEW copy INTO copied AS SELECT id FROM feed");
                long deadline = System.currentTimeMillis() + WAIT_MILLIS;
                for (long marker = -1; copiedCount(session) == 0; marker--) {
                    assertTrue(System.currentTimeMillis() < deadline, "no marker arrived");
                    produce(topic, marker, marker);
                    pause(200);
                }
                produce(topic, 1, 6_000);
                awaitCopied(session, 1);
            });
            produce(topic, 6_001, 8_000);
            admin.topics().updatePartitionedTopic(topic, 3); // read from its beginning when the view reopens
            produce(topic, 8_001, 9_000);
            produce(topic + "-partition-2", 9_001, 9_010);
            withEngine(directory, session -> {
                assertEquals(once(9_010), awaitCopied(session, 9_010), "every message once (count, distinct, min, max)");
                try {
                    admin.topics().updatePartitionedTopic(topic, 4); // found while the view runs
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                produce(topic + "-partition-3", 9_011, 9_020);
                produce(topic, 9_021, 9_100);
                assertEquals(once(9_100), awaitCopied(session, 9_100));
            });
            withEngine(directory, session -> {
                pause(1_500);
                assertEquals(once(9_100), awaitCopied(session, 9_100));
                List<String> all = Sql.lines(session, "SELECT count(), count(distinct id) FROM table(copied)");
                String[] counts = all.getFirst().split("\\|");
                assertEquals(counts[0], counts[1], "no marker copied twice either: " + all);
            });
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
