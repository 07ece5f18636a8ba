package io.brook.connector.pulsar;

import org.apache.pulsar.PulsarStandalone;
import org.apache.pulsar.broker.ServiceConfiguration;
import org.apache.pulsar.common.configuration.PulsarConfigurationLoader;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One Pulsar standalone (a broker and one bookie, metadata in RocksDB) in the test JVM, started
 * on first use and shared by every test class of the fork, stopped when the JVM exits. All of it
 * lives in a temporary directory and listens on free loopback ports; there is no functions worker
 * and no stream storage. Tests keep apart by topic name ({@link #topic}).
 */
final class PulsarBroker {
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static PulsarBroker instance;

    private final PulsarStandalone standalone;
    private final Path directory;
    private final long startMillis;

    private PulsarBroker(PulsarStandalone standalone, Path directory, long startMillis) {
        this.standalone = standalone;
        this.directory = directory;
        this.startMillis = startMillis;
    }

    /** The shared broker, started by the first caller. */
    static synchronized PulsarBroker get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "pulsar-standalone-stop"));
        }
        return instance;
    }

    private static PulsarBroker start() {
        long began = System.nanoTime();
        Path directory;
        try {
            directory = Files.createTempDirectory("brook-pulsar-");
            Path conf = directory.resolve("standalone.conf");
            try (InputStream in = PulsarBroker.class.getResourceAsStream("/pulsar/standalone.conf")) {
                Files.copy(in, conf, StandardCopyOption.REPLACE_EXISTING);
            }
            ServiceConfiguration config = PulsarConfigurationLoader.create(conf.toString(), ServiceConfiguration.class);
            config.setBrokerServicePort(Optional.of(freePort()));
            config.setWebServicePort(Optional.of(freePort()));
            PulsarStandalone standalone = new PulsarStandalone();
            // the standalone's own command line: the options its builder does not offer (metadata dir)
            new CommandLine(standalone).parseArgs(
                    "--config", conf.toString(),
                    "--metadata-dir", directory.resolve("metadata").toString(),
                    "--bookkeeper-dir", directory.resolve("bookkeeper").toString(),
                    "--zookeeper-dir", directory.resolve("zookeeper").toString(),
                    "--bookkeeper-port", Integer.toString(freePort()),
                    "--stream-storage-port", Integer.toString(freePort()),
                    "--no-functions-worker",
                    "--no-stream-storage",
                    "--wipe-data");
            standalone.setConfig(config);
            standalone.start();
            long millis = (System.nanoTime() - began) / 1_000_000;
            System.out.println("Pulsar standalone started in " + millis + " ms at " + standalone.getBrokerServiceUrl());
            return new PulsarBroker(standalone, directory, millis);
        } catch (Exception e) {
            throw new IllegalStateException("Pulsar standalone did not start: " + e, e);
        }
    }

    /** The binary protocol address, {@code pulsar://127.0.0.1:<port>}. */
    String serviceUrl() {
        return standalone.getBrokerServiceUrl();
    }

    /** The admin (HTTP) address. */
    String webServiceUrl() {
        return standalone.getWebServiceUrl();
    }

    /** How long the start took, in milliseconds. */
    long startMillis() {
        return startMillis;
    }

    /** A topic name no other test uses. */
    static String topic(String prefix) {
        return "persistent://public/default/" + prefix + "-" + ProcessHandle.current().pid() + "-"
                + TOPICS.incrementAndGet();
    }

    private void stop() {
        standalone.close();
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
