package io.brook.benchmarks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Runs both Kafka reads once on a small topic and checks that they count and add up every message. */
class KafkaReadBenchmarkTest {
    private static final long ROWS = 20_000;

    @Test
    void brookAndJacksonReadEveryMessage() throws Exception {
        KafkaReadBenchmark.Topic topic = new KafkaReadBenchmark.Topic();
        topic.rows = ROWS;
        topic.partitions = 3;
        topic.produce();
        try {
            KafkaReadBenchmark.Brook brook = new KafkaReadBenchmark.Brook();
            brook.open(topic);
            try {
                double[] expected = {ROWS, LocalKafka.sum(ROWS)};
                KafkaReadBenchmark benchmark = new KafkaReadBenchmark();
                assertArrayEquals(expected, benchmark.jacksonCountSum(topic));
                assertArrayEquals(expected, benchmark.brookCountSum(topic, brook));
                // a second read starts from the beginning again
                assertArrayEquals(expected, benchmark.brookCountSum(topic, brook));
            } finally {
                brook.close();
            }
        } finally {
            topic.close();
        }
    }
}
