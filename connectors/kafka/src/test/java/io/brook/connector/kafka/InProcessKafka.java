package io.brook.connector.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A one-node KRaft Kafka cluster in this JVM for the tests, with helpers to make topics and to
 * produce and consume messages directly (not through Brook). With SASL_PLAINTEXT the test kit
 * writes a JAAS file with user {@code plain-admin} / {@code plain-admin-secret}.
 */
final class InProcessKafka implements AutoCloseable {
    static final String SASL_USER = "plain-admin";
    static final String SASL_PASSWORD = "plain-admin-secret";

    private final KafkaClusterTestKit cluster;
    private final SecurityProtocol protocol;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;

    private InProcessKafka(KafkaClusterTestKit cluster, SecurityProtocol protocol) {
        this.cluster = cluster;
        this.protocol = protocol;
        this.admin = Admin.create(clientProperties());
        this.producer = new KafkaProducer<>(clientProperties(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    static InProcessKafka start(SecurityProtocol protocol) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBrokerSecurityProtocol(protocol)
                // with SASL the kit turns on an authorizer; an anonymous controller listener would be refused
                .setControllerSecurityProtocol(protocol)
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("num.partitions", "1")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new InProcessKafka(cluster, protocol);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The test kit's client properties (bootstrap servers and, for SASL, the admin's credentials). */
    Properties clientProperties() {
        Properties properties = new Properties();
        properties.putAll(cluster.clientProperties());
        if (protocol == SecurityProtocol.SASL_PLAINTEXT) {
            properties.put("security.protocol", protocol.name);
            properties.put("sasl.mechanism", "PLAIN");
            properties.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                    + SASL_USER + "\" password=\"" + SASL_PASSWORD + "\";");
        }
        return properties;
    }

    void createTopic(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }

    void addPartitions(String topic, int total) throws Exception {
        admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(total))).all().get();
    }

    void send(String topic, Integer partition, String key, String value, Map<String, String> headers) throws Exception {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
    }

    void sendAt(String topic, long timestampMillis, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, 0, timestampMillis, null, value.getBytes(StandardCharsets.UTF_8))).get();
    }

    void send(String topic, int partition, String... values) throws Exception {
        for (String value : values) {
            send(topic, partition, null, value, Map.of());
        }
    }

    /** Every message now in the topic's partitions, read from the beginning. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties properties = clientProperties();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Stops the broker of the one node; its controller runs on, and its port and log directories
     * stay the node's, so {@link #startBroker()} brings back the same broker with its messages.
     */
    void stopBroker() {
        broker().shutdown();
        broker().awaitShutdown();
    }

    /** Starts the broker {@link #stopBroker()} stopped, and waits until it serves again. */
    void startBroker() throws Exception {
        broker().startup();
        cluster.waitForReadyBrokers();
    }

    private kafka.server.BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }

    @Override
    public void close() throws Exception {
        producer.close();
        admin.close();
        cluster.close();
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

}
