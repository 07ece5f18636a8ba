package io.brook.connector.pulsar;

import io.jsonwebtoken.SignatureAlgorithm;
import org.apache.pulsar.PulsarStandalone;
import org.apache.pulsar.broker.ServiceConfiguration;
import org.apache.pulsar.broker.authentication.utils.AuthTokenUtils;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.AuthenticationFactory;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.common.configuration.PulsarConfigurationLoader;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.crypto.SecretKey;

/**
 * One Pulsar standalone (a broker and one bookie, metadata in RocksDB) in the test JVM, started
 * on first use and shared by every test class of the fork, stopped when the JVM exits. All of it
 * lives in a temporary directory and listens on free loopback ports; there is no functions worker
 * and no stream storage. Tests keep apart by topic name ({@link #topic}).
 * <p>
 * A test may {@link #stopBroker() stop} it and {@link #startBroker() start} it again: the new
 * standalone listens on the same ports and keeps the same metadata and ledgers, so the topics and
 * their messages are there again and clients reconnect to the same address.
 * <p>
 * It requires token authentication from every client ({@code standalone.conf}): the harness
 * makes a secret key when the broker is first started, a token for the tests ({@link #token()},
 * which {@link #client()}, {@link #admin()} and {@link #streamSettings} carry) and one for the
 * broker's own clients. A restarted broker keeps the key, so tokens stay valid.
 */
final class PulsarBroker {
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static PulsarBroker instance;

    private final Path directory;
    private final Path conf;
    private final int brokerPort;
    private final int webPort;
    private final int bookiePort;
    private final int streamStoragePort;
    private final String serviceUrl;
    private final String webServiceUrl;
    private final long startMillis;
    private final SecretKey secretKey = AuthTokenUtils.createSecretKey(SignatureAlgorithm.HS256);
    private final String token = AuthTokenUtils.createToken(secretKey, "brook-tests", Optional.empty());
    private final String brokerToken = AuthTokenUtils.createToken(secretKey, "standalone-broker", Optional.empty());
    private PulsarStandalone standalone;

    private PulsarBroker(Path directory, Path conf) {
        this.directory = directory;
        this.conf = conf;
        this.brokerPort = freePort();
        this.webPort = freePort();
        this.bookiePort = freePort();
        this.streamStoragePort = freePort();
        long began = System.nanoTime();
        this.standalone = launch(true);
        this.startMillis = (System.nanoTime() - began) / 1_000_000;
        this.serviceUrl = standalone.getBrokerServiceUrl();
        this.webServiceUrl = standalone.getWebServiceUrl();
        System.out.println("Pulsar standalone started in " + startMillis + " ms at " + serviceUrl);
    }

    /** The shared broker, started by the first caller. */
    static synchronized PulsarBroker get() {
        if (instance == null) {
            Path directory;
            try {
                directory = Files.createTempDirectory("brook-pulsar-");
                Path conf = directory.resolve("standalone.conf");
                try (InputStream in = PulsarBroker.class.getResourceAsStream("/pulsar/standalone.conf")) {
                    Files.copy(in, conf, StandardCopyOption.REPLACE_EXISTING);
                }
                instance = new PulsarBroker(directory, conf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::shutdown, "pulsar-standalone-stop"));
        }
        return instance;
    }

    /** A standalone on this broker's ports and directories; {@code wipe} on the first start only. */
    private PulsarStandalone launch(boolean wipe) {
        try {
            ServiceConfiguration config = PulsarConfigurationLoader.create(conf.toString(), ServiceConfiguration.class);
            config.setBrokerServicePort(Optional.of(brokerPort));
            config.setWebServicePort(Optional.of(webPort));
            config.getProperties().setProperty("tokenSecretKey", "data:;base64," + AuthTokenUtils.encodeKeyBase64(secretKey));
            config.setBrokerClientAuthenticationParameters("token:" + brokerToken);
            PulsarStandalone started = new PulsarStandalone();
            // the standalone's own command line: the options its builder does not offer (metadata dir)
            List<String> args = new ArrayList<>(List.of(
                    "--config", conf.toString(),
                    "--metadata-dir", directory.resolve("metadata").toString(),
                    "--bookkeeper-dir", directory.resolve("bookkeeper").toString(),
                    "--zookeeper-dir", directory.resolve("zookeeper").toString(),
                    "--bookkeeper-port", Integer.toString(bookiePort),
                    "--stream-storage-port", Integer.toString(streamStoragePort),
                    "--no-functions-worker",
                    "--no-stream-storage"));
            if (wipe) {
                args.add("--wipe-data");
            }
            new CommandLine(started).parseArgs(args.toArray(String[]::new));
            started.setConfig(config);
            started.start();
            return started;
        } catch (Exception e) {
            throw new IllegalStateException("Pulsar standalone did not start: " + e, e);
        }
    }

    /** The binary protocol address, {@code pulsar://127.0.0.1:<port>}; the same after a restart. */
    String serviceUrl() {
        return serviceUrl;
    }

    /** The admin (HTTP) address. */
    String webServiceUrl() {
        return webServiceUrl;
    }

    /** A token the broker accepts, for role {@code brook-tests}; it never expires. */
    String token() {
        return token;
    }

    /** A token for role {@code brook-tests} signed with this broker's key that expired a minute ago. */
    String expiredToken() {
        return AuthTokenUtils.createToken(secretKey, "brook-tests",
                Optional.of(new java.util.Date(System.currentTimeMillis() - 60_000)));
    }

    /** A client of this broker with {@link #token()}; the caller closes it. */
    PulsarClient client() throws PulsarClientException {
        return PulsarClient.builder().serviceUrl(serviceUrl).authentication(AuthenticationFactory.token(token)).build();
    }

    /** An admin client of this broker with {@link #token()}; the caller closes it. */
    PulsarAdmin admin() throws PulsarClientException {
        return PulsarAdmin.builder().serviceHttpUrl(webServiceUrl).authentication(AuthenticationFactory.token(token)).build();
    }

    /** The settings of a pulsar stream on {@code topic} of this broker, with {@link #token()}, without SETTINGS. */
    String streamSettings(String topic) {
        return "type='pulsar', service_url='" + serviceUrl + "', topic='" + topic + "', jwt='" + token + "'";
    }

    /** How long the first start took, in milliseconds. */
    long startMillis() {
        return startMillis;
    }

    /**
     * Stops the broker and its bookie as a shutdown would, keeping their data: clients lose their
     * connections and cannot connect until {@link #startBroker()}.
     */
    synchronized void stopBroker() {
        if (standalone != null) {
            standalone.close();
            standalone = null;
        }
    }

    /** Starts the broker {@link #stopBroker()} stopped, on the same ports and data; returns once it serves. */
    synchronized void startBroker() {
        if (standalone == null) {
            long began = System.nanoTime();
            standalone = launch(false);
            System.out.println("Pulsar standalone started again in " + (System.nanoTime() - began) / 1_000_000
                    + " ms at " + standalone.getBrokerServiceUrl());
        }
    }

    /** A topic name no other test uses. */
    static String topic(String prefix) {
        return "persistent://public/default/" + prefix + "-" + ProcessHandle.current().pid() + "-"
                + TOPICS.incrementAndGet();
    }

    private void shutdown() {
        stopBroker();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
