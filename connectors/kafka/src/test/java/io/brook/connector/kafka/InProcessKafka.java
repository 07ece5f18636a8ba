package io.brook.connector.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * A one-node KRaft Kafka cluster in this JVM for the tests, with helpers to make topics and to
 * produce and consume messages directly (not through Brook).
 *
 * <p>{@link #start(SecurityProtocol)} takes what the test kit does itself: PLAINTEXT, or
 * SASL_PLAINTEXT with PLAIN, where the kit writes a JAAS file with user {@code plain-admin} /
 * {@code plain-admin-secret} and turns on an authorizer with that user as the super user.
 *
 * <p>{@link #startSecured} covers what the kit (4.1) refuses: its {@code TestKitNodes.Builder}
 * throws for any protocol but PLAINTEXT and SASL_PLAINTEXT, and its SASL setup is PLAIN only. The
 * kit still builds the cluster, with PLAINTEXT listeners as far as it knows, and
 * {@code listener.security.protocol.map} (which the kit sets only if absent) turns the broker
 * listener into SSL, SASL_PLAINTEXT or SASL_SSL; the controller listener stays PLAINTEXT. The TLS
 * and SASL broker settings are plain config properties, and there is no authorizer. With SASL,
 * PLAIN is always enabled with the one user {@link #SASL_USER} / {@link #SASL_PASSWORD}, as which
 * the helper's own clients log in; SCRAM users are made with {@link #addScramUser} (the Admin API,
 * through the broker: the 4.1 admin client refuses {@code alterUserScramCredentials} on
 * {@code bootstrap.controllers}).
 */
final class InProcessKafka implements AutoCloseable {
    static final String SASL_USER = "plain-admin";
    static final String SASL_PASSWORD = "plain-admin-secret";
    private static final String PLAIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final String SCRAM_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private final KafkaClusterTestKit cluster;
    private final SecurityProtocol protocol;
    private final TestCertificates certificates;
    /** Whether the helper's clients log in with PLAIN as {@link #SASL_USER}. */
    private final boolean sasl;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;

    private InProcessKafka(KafkaClusterTestKit cluster, SecurityProtocol protocol, TestCertificates certificates,
                           boolean sasl) {
        this.cluster = cluster;
        this.protocol = protocol;
        this.certificates = certificates;
        this.sasl = sasl;
        this.admin = Admin.create(clientProperties());
        this.producer = new KafkaProducer<>(clientProperties(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A broker whose listener is PLAINTEXT or SASL_PLAINTEXT with PLAIN, as the test kit makes it. */
    static InProcessKafka start(SecurityProtocol protocol) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBrokerSecurityProtocol(protocol)
                // with SASL the kit turns on an authorizer; an anonymous controller listener would be refused
                .setControllerSecurityProtocol(protocol)
                .build();
        KafkaClusterTestKit cluster = builder(nodes).build();
        return started(cluster, () -> new InProcessKafka(cluster, protocol, null,
                protocol == SecurityProtocol.SASL_PLAINTEXT));
    }

    /**
     * A broker whose listener is {@code protocol} (SSL, SASL_PLAINTEXT or SASL_SSL): with TLS it
     * serves {@code certificates}' broker key; with SASL it enables {@code saslMechanisms}
     * (SCRAM-SHA-256, SCRAM-SHA-512) and PLAIN.
     */
    static InProcessKafka startSecured(SecurityProtocol protocol, TestCertificates certificates,
                                       String... saslMechanisms) throws Exception {
        boolean tls = protocol == SecurityProtocol.SSL || protocol == SecurityProtocol.SASL_SSL;
        boolean sasl = protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL;
        if (tls != (certificates != null) || sasl != (saslMechanisms.length > 0)) {
            throw new IllegalArgumentException(protocol + " with certificates " + certificates + " and SASL "
                    + List.of(saslMechanisms));
        }
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        String listener = nodes.brokerListenerName().value();
        String prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
        KafkaClusterTestKit.Builder builder = builder(nodes)
                .setConfigProp("listener.security.protocol.map", listener + ":" + protocol.name + ","
                        + nodes.controllerListenerName().value() + ":PLAINTEXT");
        if (tls) {
            builder.setConfigProp("ssl.keystore.type", "PKCS12")
                    .setConfigProp("ssl.keystore.location", certificates.brokerKeystore().toString())
                    .setConfigProp("ssl.keystore.password", certificates.password())
                    .setConfigProp("ssl.key.password", certificates.password())
                    .setConfigProp("ssl.truststore.type", "PEM")
                    .setConfigProp("ssl.truststore.location", certificates.caPem().toString());
        }
        List<String> mechanisms = new ArrayList<>(List.of(saslMechanisms));
        if (sasl) {
            if (!mechanisms.contains("PLAIN")) {
                mechanisms.add("PLAIN");
            }
            builder.setConfigProp("sasl.enabled.mechanisms", String.join(",", mechanisms))
                    // the listener is also the inter-broker one: one broker never calls itself, but the
                    // config must name an enabled mechanism
                    .setConfigProp("sasl.mechanism.inter.broker.protocol", "PLAIN");
            for (String mechanism : mechanisms) {
                // per-listener JAAS settings win over the JVM-wide JAAS file that the kit's
                // SASL_PLAINTEXT brokers leave behind in this JVM
                builder.setConfigProp(prefix + mechanism.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                        mechanism.equals("PLAIN")
                                // the PLAIN server module takes its users as user_<name>="<password>" options
                                ? PLAIN_MODULE + " required username=\"" + SASL_USER + "\" password=\""
                                        + SASL_PASSWORD + "\" user_" + SASL_USER + "=\"" + SASL_PASSWORD + "\";"
                                : SCRAM_MODULE + " required;");
            }
        }
        KafkaClusterTestKit cluster = builder.build();
        return started(cluster, () -> new InProcessKafka(cluster, protocol, certificates, sasl));
    }

    private static KafkaClusterTestKit.Builder builder(TestKitNodes nodes) {
        return new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("num.partitions", "1");
    }

    private interface Opening {
        InProcessKafka open() throws Exception;
    }

    private static InProcessKafka started(KafkaClusterTestKit cluster, Opening opening) throws Exception {
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return opening.open();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    private static String jaas(String module, String user, String password) {
        return module + " required username=\"" + quoted(user) + "\" password=\"" + quoted(password) + "\";";
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * Gives {@code user} a SCRAM credential for each of {@code mechanisms} (SCRAM-SHA-256,
     * SCRAM-SHA-512) with the Admin API, and waits until the broker takes them: the credential is
     * written by the controller and reaches the broker with the metadata a moment later.
     */
    void addScramUser(String user, String password, String... mechanisms) throws Exception {
        List<UserScramCredentialAlteration> alterations = new ArrayList<>();
        for (String mechanism : mechanisms) {
            alterations.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.fromMechanismName(mechanism), 4096), password));
        }
        admin.alterUserScramCredentials(alterations).all().get();
        for (String mechanism : mechanisms) {
            Properties properties = clientProperties();
            properties.put("sasl.mechanism", mechanism);
            properties.put("sasl.jaas.config", jaas(SCRAM_MODULE, user, password));
            awaitAuthenticated(properties);
        }
    }

    /**
     * Retries a login refused for want of the credential, for up to 30 s (the client does not
     * retry a refused login itself).
     */
    private static void awaitAuthenticated(Properties properties) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try (Admin probe = Admin.create(properties)) {
                probe.describeCluster().clusterId().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof AuthenticationException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(100);
        }
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The same servers by IP address, which the broker certificate does not name. */
    String bootstrapServersByAddress() {
        return bootstrapServers().replace("localhost:", "127.0.0.1:");
    }

    /** Client properties for the broker listener, with the admin's credentials and the test CA as needed. */
    Properties clientProperties() {
        Properties properties = new Properties();
        properties.putAll(cluster.clientProperties());
        properties.put("security.protocol", protocol.name);
        if (certificates != null) {
            properties.put("ssl.truststore.type", "PEM");
            properties.put("ssl.truststore.location", certificates.caPem().toString());
        }
        if (sasl) {
            properties.put("sasl.mechanism", "PLAIN");
            properties.put("sasl.jaas.config", jaas(PLAIN_MODULE, SASL_USER, SASL_PASSWORD));
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
