package io.brook.connector.pulsar;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.testing.Sql;

import java.util.Map;

/**
 * Run by {@link ShippedClasspathTest} in a JVM of its own on the connector's runtime class path
 * (no broker classes, the shaded client): writes to and reads from a topic, printing the rows.
 * Arguments: the service URL and the topic; the broker's token comes in the environment
 * ({@link #TOKEN_VARIABLE}), kept off the command line.
 */
public final class ShippedClasspathMain {
    /** The environment variable that holds the token. */
    static final String TOKEN_VARIABLE = "PULSAR_TEST_TOKEN";

    private ShippedClasspathMain() {
    }

    public static void main(String[] args) {
        try (Engine engine = Engine.open(EngineConfig.memory("shipped-classpath"));
             Session session = engine.openSession(Map.of())) {
            Sql.run(session, "CREATE EXTERNAL STREAM shipped (id int64, at datetime64(3, 'UTC'), _tp_message_key string)"
                    + " SETTINGS type='pulsar', service_url='" + args[0] + "', topic='" + args[1] + "', jwt='"
                    + System.getenv(TOKEN_VARIABLE) + "'");
            Sql.run(session, "INSERT INTO shipped (id, at, _tp_message_key) VALUES (1, '2024-01-02 03:04:05', 'a'), "
                    + "(2, '2024-01-02 03:04:06', 'b')");
            for (String row : Sql.lines(session, "SELECT id, at, _tp_message_key FROM table(shipped)")) {
                System.out.println("row " + row);
            }
        }
        System.exit(0);
    }
}
