package io.brook.cli;

import io.brook.server.BrookServer;
import io.brook.server.ServerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code brook server}: serves the engine on a data directory over HTTP (Avatica for JDBC, and
 * the REST API) until SIGTERM or Ctrl-C, then stops cleanly: connections close, views
 * checkpoint, the logs flush.
 */
@Command(name = "server", description = "Serves Brook to JDBC clients (Avatica over HTTP) and REST clients.")
final class ServerCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port = ServerOptions.DEFAULT_PORT;

    @Option(names = "--data", description = "Data directory (default ${DEFAULT-VALUE}).")
    private Path data = Path.of("brook-data");

    @Option(names = "--bind", description = "Address to listen on (default ${DEFAULT-VALUE}); without --users only loopback.")
    private String bind = "127.0.0.1";

    @Option(names = "--users", description = "Users file (made by `brook users add`); HTTP BASIC authentication.")
    private Path users;

    @Option(names = "--tls-keystore", description = "PKCS12 or JKS keystore: serve HTTPS.")
    private Path tlsKeystore;

    @Option(names = "--tls-password", description = "The keystore's password (default: $BROOK_TLS_PASSWORD).")
    private String tlsPassword;

    @Option(names = "--client-timeout", description = "Seconds a JDBC connection may stay silent before the server "
            + "closes it and stops its queries (default ${DEFAULT-VALUE}).")
    private long clientTimeoutSeconds = ServerOptions.DEFAULT_CLIENT_TIMEOUT.toSeconds();

    @Override
    public Integer call() throws InterruptedException {
        String password = tlsPassword != null ? tlsPassword : System.getenv("BROOK_TLS_PASSWORD");
        ServerOptions options = new ServerOptions(port, data, bind, users, tlsKeystore, password,
                Duration.ofSeconds(clientTimeoutSeconds), ServerOptions.DEFAULT_MAX_REQUEST_BYTES);
        BrookServer server;
        try {
            server = BrookServer.start(options);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("brook server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "brook-server-shutdown"));
        spec.commandLine().getOut().println("Brook server on " + server.httpUrl());
        spec.commandLine().getOut().println("JDBC URL: " + server.jdbcUrl()
                + "   (stock Avatica: jdbc:avatica:remote:url=" + server.httpUrl() + ";serialization=protobuf)");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
