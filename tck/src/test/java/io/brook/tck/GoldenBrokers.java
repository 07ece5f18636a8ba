package io.brook.tck;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message brokers a golden file asks for, started for its run only:
 * <ul>
 *   <li>{@code ${kafka_brokers}}: a one-node Kafka cluster in this JVM; every
 *       {@code topic='name'} the file mentions is created first (one partition), since a kafka
 *       external stream refuses a topic that does not exist.</li>
 *   <li>{@code ${nats_url}}: {@code nats-server -js} on a free loopback port with its store in a
 *       temporary directory; every {@code stream_name='NAME'} the file mentions is created
 *       first as a JetStream stream over the subjects {@code NAME.>} (so the file's subjects
 *       start with the stream's name).</li>
 * </ul>
 * A file that uses neither starts nothing.
 */
final class GoldenBrokers implements AutoCloseable {
    private static final Pattern TOPIC = Pattern.compile("topic\\s*=\\s*'([^']+)'");
    private static final Pattern STREAM_NAME = Pattern.compile("stream_name\\s*=\\s*'([^']+)'");

    private final Map<String, String> variables = new HashMap<>();
    private KafkaClusterTestKit kafka;
    private Process nats;
    private Path natsDirectory;

    private GoldenBrokers() {
    }

    static GoldenBrokers forFile(String text) throws Exception {
        GoldenBrokers brokers = new GoldenBrokers();
        try {
            if (text.contains("${kafka_brokers}")) {
                brokers.startKafka(names(TOPIC, text));
            }
            if (text.contains("${nats_url}")) {
                brokers.startNats(names(STREAM_NAME, text));
            }
            return brokers;
        } catch (Exception e) {
            brokers.close();
            throw e;
        }
    }

    /** The variables of the brokers started: {@code kafka_brokers}, {@code nats_url}, none for neither. */
    Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    private static Set<String> names(Pattern pattern, String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private void startKafka(Set<String> topics) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBrokerSecurityProtocol(SecurityProtocol.PLAINTEXT).build();
        kafka = new KafkaClusterTestKit.Builder(nodes).setConfigProp("offsets.topic.replication.factor", "1").build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(topics.stream().map(topic -> new NewTopic(topic, 1, (short) 1)).toList()).all().get();
        }
        variables.put("kafka_brokers", kafka.bootstrapServers());
    }

    private void startNats(Set<String> streams) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        natsDirectory = Files.createTempDirectory("golden-nats");
        List<String> command = new ArrayList<>(List.of(natsBinary(), "-js", "-a", "127.0.0.1", "-p",
                Integer.toString(port), "-sd", natsDirectory.resolve("store").toString()));
        try {
            nats = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(natsDirectory.resolve("nats-server.log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("a golden file uses ${nats_url}, which needs the nats-server binary on the PATH", e);
        }
        String url = "nats://127.0.0.1:" + port;
        awaitPort(port);
        try (Connection connection = Nats.connect(url)) {
            for (String stream : streams) {
                connection.jetStreamManagement().addStream(StreamConfiguration.builder().name(stream)
                        .subjects(stream + ".>").storageType(StorageType.File).build());
            }
        }
        variables.put("nats_url", url);
    }

    /** nats-server from the PATH, or from /usr/sbin (not on every PATH), where Debian installs it. */
    private static String natsBinary() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "nats-server"))) {
                return Path.of(entry, "nats-server").toString();
            }
        }
        Path sbin = Path.of("/usr/sbin/nats-server");
        return Files.isExecutable(sbin) ? sbin.toString() : "nats-server";
    }

    private void awaitPort(int port) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            if (!nats.isAlive()) {
                throw new IOException("nats-server exited with " + nats.exitValue() + ": "
                        + Files.readString(natsDirectory.resolve("nats-server.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("nats-server did not listen on port " + port + " in time");
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (nats != null) {
            nats.destroy();
            if (!nats.waitFor(10, TimeUnit.SECONDS)) {
                nats.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (natsDirectory != null) {
            try (var paths = Files.walk(natsDirectory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
