package io.brook.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Reading a Kafka topic of {@code rows} {@code JSONEachRow} messages
 * ({@code {"host":"h17","value":12.5}}) from a broker in the same JVM ({@link LocalKafka}, made
 * once per fork): Brook's {@code SELECT count(), sum(value) FROM table(ext)} over a kafka external
 * stream through the embedded JDBC driver ({@link #brookCountSum}), against a plain kafka-clients
 * consumer loop that parses each message with Jackson and adds up the same count and sum
 * ({@link #jacksonCountSum}), the ceiling for any reader that parses the JSON. Both consumers take
 * the same client settings (Brook's: 8,192 records per poll, no consumer group, every partition
 * assigned and read from the beginning to the end offsets taken at the start).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class KafkaReadBenchmark {
    static final String TOPIC = "metrics";
    static final String STREAM = "ext";
    static final int MAX_POLL_RECORDS = 8_192;

    /** The broker with the topic written. */
    @State(Scope.Benchmark)
    public static class Topic {
        @Param(BenchmarkData.DEFAULT_ROWS)
        public long rows;
        @Param("4")
        public int partitions;
        LocalKafka kafka;

        @Setup(Level.Trial)
        public void produce() throws Exception {
            kafka = LocalKafka.start();
            try {
                kafka.produce(TOPIC, partitions, rows);
            } catch (Exception e) {
                kafka.close();
                throw e;
            }
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            kafka.close();
        }
    }

    /** A Brook database with the kafka external stream over the topic. */
    @State(Scope.Benchmark)
    public static class Brook {
        BrookDatabase database;

        @Setup(Level.Trial)
        public void open(Topic topic) throws SQLException {
            database = BrookDatabase.inScratch();
            database.execute("CREATE EXTERNAL STREAM " + STREAM + " (host string, value float64) SETTINGS type='kafka', brokers='"
                    + topic.kafka.bootstrapServers() + "', topic='" + TOPIC + "', data_format='JSONEachRow'");
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            database.close();
        }
    }

    /** {@code {count, sum}} of every message through Brook. */
    @Benchmark
    public double[] brookCountSum(Topic topic, Brook brook) throws SQLException {
        return brook.database.lastRowOfTwoNumbers("SELECT count(), sum(value) FROM table(" + STREAM + ")");
    }

    /** {@code {count, sum}} of every message, each parsed into a Jackson tree. */
    @Benchmark
    public double[] jacksonCountSum(Topic topic) throws IOException {
        return countAndSum(topic.kafka.clientProperties(), new ObjectMapper());
    }

    static double[] countAndSum(Properties client, ObjectMapper json) throws IOException {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        long count = 0;
        double sum = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode object = json.readTree(record.value());
                    JsonNode value = object.get("value");
                    count++;
                    sum += value.doubleValue();
                }
            }
        }
        return new double[] {count, sum};
    }
}
