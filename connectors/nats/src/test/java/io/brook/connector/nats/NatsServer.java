package io.brook.connector.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code nats-server -js} on a free port of 127.0.0.1 with its store in a directory of the
 * test's, optionally with a configuration file (users, tokens). Started per test class, stopped
 * at the end. A missing binary fails with a message that says how to get it.
 */
final class NatsServer implements AutoCloseable {
    private static final long START_MILLIS = 20_000;

    private final List<String> command;
    private final int port;
    private final Path log;
    private Process process;

    private NatsServer(List<String> command, int port, Path log) {
        this.command = List.copyOf(command);
        this.port = port;
        this.log = log;
    }

    static NatsServer start(Path directory) {
        return start(directory, null);
    }

    /** Starts a server; {@code config} (nats-server configuration text) may be null. */
    static NatsServer start(Path directory, String config) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(binary(), "-js", "-a", "127.0.0.1", "-p",
                Integer.toString(port), "-sd", directory.resolve("store").toString()));
        Path log = directory.resolve("nats-server.log");
        try {
            Files.createDirectories(directory);
            if (config != null) {
                Path file = directory.resolve("nats.conf");
                Files.writeString(file, config);
                command.add("-c");
                command.add(file.toString());
            }
        } catch (IOException e) {
            throw new AssertionError("cannot prepare " + directory, e);
        }
        NatsServer server = new NatsServer(command, port, log);
        server.launch();
        return server;
    }

    private void launch() {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start nats-server (" + e.getMessage() + "): these tests need the "
                    + "nats-server binary on the PATH; install Debian's nats-server package ('./brook test' does)", e);
        }
        awaitPort();
    }

    /** Stops the server and starts it again on the same port with the same store. */
    void restart() {
        close();
        launch();
    }

    /** Starts the server {@link #close()} stopped, on the same port with the same store. */
    void startAgain() {
        launch();
    }

    /** True while the server's process runs. */
    boolean running() {
        return process != null && process.isAlive();
    }

    /** nats-server from the PATH, or where Debian's package puts it (/usr/sbin is not on every PATH). */
    private static String binary() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "nats-server"))) {
                return Path.of(entry, "nats-server").toString();
            }
        }
        Path debian = Path.of("/usr/sbin/nats-server");
        return Files.isExecutable(debian) ? debian.toString() : "nats-server";
    }

    private void awaitPort() {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("nats-server exited with " + process.exitValue() + ": " + logText());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        close();
        throw new AssertionError("nats-server did not listen on port " + port + " in time: " + logText());
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free port", e);
        }
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** A client connection for setting up and checking streams (options may add credentials). */
    Connection connect(Options.Builder options) {
        try {
            return Nats.connect(options.server(url()).build());
        } catch (IOException e) {
            throw new AssertionError("cannot connect to " + url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Connection connect() {
        return connect(new Options.Builder());
    }

    /** Creates (or replaces) a file-backed JetStream stream over {@code subjects}. */
    static void createStream(Connection connection, String name, String... subjects) {
        try {
            JetStreamManagement management = connection.jetStreamManagement();
            try {
                management.deleteStream(name);
            } catch (io.nats.client.JetStreamApiException absent) {
                // first time
            }
            management.addStream(StreamConfiguration.builder().name(name).subjects(subjects)
                    .storageType(StorageType.File).build());
        } catch (IOException | io.nats.client.JetStreamApiException e) {
            throw new AssertionError("cannot create JetStream stream " + name, e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
