package io.brook.benchmarks;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * A one-node KRaft Kafka cluster (combined broker and controller, PLAINTEXT) inside the benchmark
 * JVM, from Kafka's test kit, with one topic of {@code JSONEachRow} messages made once.
 */
final class LocalKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private LocalKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static LocalKafka start() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new LocalKafka(cluster);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    Properties clientProperties() {
        Properties properties = new Properties();
        properties.putAll(cluster.clientProperties());
        return properties;
    }

    /**
     * Creates {@code topic} with {@code partitions} partitions and writes message 0 .. rows-1 of
     * {@link #message} with a batching producer (keyless, so the batches spread over the partitions).
     */
    void produce(String topic, int partitions, long rows) throws Exception {
        try (Admin admin = Admin.create(clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        Properties properties = clientProperties();
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        properties.put(ProducerConfig.ACKS_CONFIG, "1");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < rows; i++) {
                producer.send(new ProducerRecord<>(topic, message(i)));
            }
            producer.flush();
        }
    }

    /** Message {@code i}: {@code {"host":"h<i % 1000>","value":<value(i)>}}. */
    static byte[] message(long i) {
        return ("{\"host\":\"h" + (i % BenchmarkData.HOSTS) + "\",\"value\":" + value(i) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A value in [0, 100) in steps of 0.25: every partial sum of up to 10M of them is exact in a
     * double, so the sum does not depend on the order the partitions are read in.
     */
    static double value(long i) {
        return (i * 7919 % 400) / 4.0;
    }

    /** The sum of {@link #value} over messages 0 .. rows-1. */
    static double sum(long rows) {
        double sum = 0;
        for (long i = 0; i < rows; i++) {
            sum += value(i);
        }
        return sum;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
