package io.brook.tck;

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
        run(file, "jdbc:brook:mem:tck-" + file.name() + "-" + System.nanoTime(), variables, false);
    }

    /**
     * Runs {@code file} over the wire through {@code jdbcUrl} ({@code jdbc:brook:remote:...}), on
     * a server the caller started for it: in this JVM or, where its libraries clash with a
     * broker's, in a JVM of its own.
     */
    public static void remote(GoldenFiles.File file, String jdbcUrl, Map<String, String> variables) throws Exception {
        run(file, jdbcUrl, variables, true);
    }

    private static void run(GoldenFiles.File file, String jdbcUrl, Map<String, String> variables, boolean remote)
            throws Exception {
        try (WebhookServer webhook = WebhookServer.start()) {
            Map<String, String> all = new HashMap<>(variables);
            all.put("webhook_url", webhook.url());
            all.put("local_api_user", Boolean.toString(remote));
            try (GoldenRunner runner = new GoldenRunner(file.name(), DriverManager.getConnection(jdbcUrl), all)) {
                runner.run(GoldenFile.parse(file.text()));
            }
        }
    }
}
