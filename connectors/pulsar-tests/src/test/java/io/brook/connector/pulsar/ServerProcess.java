package io.brook.connector.pulsar;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code brook server} in a JVM of its own, on the class path it ships with (the driver's jar with
 * every connector and the shaded Pulsar client): the server's Jetty and the broker's, both in this
 * JVM, would clash. It listens on a free loopback port with its data in {@code directory}; its
 * output goes to {@code server.log} there. Closing it stops the JVM as a shutdown would.
 */
final class ServerProcess implements AutoCloseable {
    private static final String URL_LINE = "JDBC URL: ";
    private static final long START_MILLIS = 120_000;

    private final Process process;
    private final Path log;
    private final String jdbcUrl;

    private ServerProcess(Process process, Path log) throws IOException, InterruptedException {
        this.process = process;
        this.log = log;
        this.jdbcUrl = awaitUrl();
    }

    /** Starts the server and returns once it serves. */
    static ServerProcess start(Path directory) throws IOException, InterruptedException {
        String classpath = String.join(File.pathSeparator, property("brook.jdbc.jar"),
                Files.readString(Path.of(property("brook.cli.classpath"))).strip());
        Files.createDirectories(directory);
        Path log = directory.resolve("server.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + property("brook.jvm.args"), "-Xmx1g", "-cp", classpath, "io.brook.cli.BrookCli",
                "server", "--port", "0", "--data", directory.resolve("data").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            return new ServerProcess(process, log);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Its {@code jdbc:brook:remote:} URL. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    /** Waits for the line the command prints once it serves, {@code JDBC URL: <url>   (...)}. */
    private String awaitUrl() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<String> line = Files.readAllLines(log).stream().filter(text -> text.startsWith(URL_LINE)).findFirst();
            if (line.isPresent()) {
                return line.get().substring(URL_LINE.length()).split("\\s+")[0];
            }
            if (!process.isAlive()) {
                throw new IOException("brook server exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new IOException("brook server did not serve within " + START_MILLIS + " ms: " + Files.readString(log));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (the module's surefire configuration sets it)");
        }
        return value;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
