package io.brook.tck;

import io.brook.server.BrookServer;
import io.brook.server.ServerOptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs one golden file over JDBC, in-process or over the wire, each on a fresh engine with a
 * {@link WebhookServer} of its own. The file gets the caller's variables (the brokers it uses,
 * started by the caller) and the run's own: {@code webhook_url}, and {@code local_api_user}
 * ({@code false} in-process, {@code true} over the wire).
 * <p>
 * Public, with {@link GoldenFiles}, for modules that run golden files of their own against a
 * broker this module cannot start (the Pulsar files, in the connector's test module).
 */
public final class GoldenRuns {
    private GoldenRuns() {
    }

    /** Runs {@code file} on a fresh in-memory engine through the embedded driver. */
    public static void embedded(GoldenFiles.File file, Map<String, String> variables) throws Exception {
        try (WebhookServer webhook = WebhookServer.start()) {
            Connection connection = DriverManager.getConnection("jdbc:brook:mem:tck-" + file.name() + "-" + System.nanoTime());
            run(file, connection, withRun(variables, webhook, false));
        }
    }

    /**
     * Runs {@code file} on a fresh {@code brook server} (its data in {@code directory}, a loopback
     * port) through {@code jdbc:brook:remote:}.
     */
    public static void remote(GoldenFiles.File file, Path directory, Map<String, String> variables) throws Exception {
        try (WebhookServer webhook = WebhookServer.start();
             BrookServer server = BrookServer.start(ServerOptions.local(0, directory))) {
            run(file, DriverManager.getConnection(server.jdbcUrl()), withRun(variables, webhook, true));
        }
    }

    private static void run(GoldenFiles.File file, Connection connection, Map<String, String> variables) throws Exception {
        try (GoldenRunner runner = new GoldenRunner(file.name(), connection, variables)) {
            runner.run(GoldenFile.parse(file.text()));
        }
    }

    private static Map<String, String> withRun(Map<String, String> variables, WebhookServer webhook, boolean remote) {
        Map<String, String> all = new HashMap<>(variables);
        all.put("webhook_url", webhook.url());
        all.put("local_api_user", Boolean.toString(remote));
        return all;
    }
}
