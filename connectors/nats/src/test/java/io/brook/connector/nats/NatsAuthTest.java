package io.brook.connector.nats;

import io.brook.engine.error.BrookException;
import io.nats.client.Connection;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.brook.engine.testing.Sql.rows;
import static io.brook.engine.testing.Sql.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nats_jetstream streams on servers that require a user and password, or a token. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NatsAuthTest extends WithEngine {
    private static final String PASSWORD = "s3cret-pass";
    private static final String TOKEN = "t0ken-value";

    @TempDir
    static Path directory;
    private static NatsServer users;
    private static NatsServer tokens;

    @BeforeAll
    static void startServers() throws InterruptedException {
        users = NatsServer.start(directory.resolve("users"),
                "authorization {\n  users = [\n    {user: \"brook\", password: \"" + PASSWORD + "\"}\n  ]\n}\n");
        tokens = NatsServer.start(directory.resolve("tokens"), "authorization {\n  token: \"" + TOKEN + "\"\n}\n");
        try (Connection connection = users.connect(new Options.Builder().userInfo("brook", PASSWORD))) {
            NatsServer.createStream(connection, "U", "u.>");
        }
        try (Connection connection = tokens.connect(new Options.Builder().token(TOKEN.toCharArray()))) {
            NatsServer.createStream(connection, "T", "t.>");
        }
    }

    @AfterAll
    static void stopServers() {
        if (users != null) {
            users.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    @Test
    void userAndPasswordWriteAndRead() {
        run(session, "CREATE EXTERNAL STREAM n (id int64) SETTINGS type='nats_jetstream', url='" + users.url()
                + "', stream_name='U', subject='u.a', username='brook', password='" + PASSWORD + "'");
        run(session, "INSERT INTO n (id) VALUES (7)");
        assertEquals(List.of(List.of(7L)), rows(session, "SELECT id FROM table(n)"));
    }

    @Test
    void tokenWritesAndReads() {
        run(session, "CREATE EXTERNAL STREAM n (id int64) SETTINGS type='nats_jetstream', url='" + tokens.url()
                + "', stream_name='T', subject='t.a', token='" + TOKEN + "'");
        run(session, "INSERT INTO n (id) VALUES (8)");
        assertEquals(List.of(List.of(8L)), rows(session, "SELECT id FROM table(n)"));
    }

    @Test
    void wrongOrMissingCredentialsAreCode516() {
        for (String credentials : List.of(", username='brook', password='wrong'", "")) {
            BrookException refused = assertThrows(BrookException.class, () -> run(session,
                    "CREATE EXTERNAL STREAM n (id int64) SETTINGS type='nats_jetstream', url='" + users.url()
                            + "', stream_name='U', subject='u.a'" + credentials));
            assertEquals(516, refused.code().number(), credentials + ": " + refused.getMessage());
            assertTrue(refused.getMessage().startsWith("NATS server " + users.url() + " refused the credentials"),
                    refused.getMessage());
            assertFalse(refused.getMessage().contains(PASSWORD), refused.getMessage());
        }
        BrookException badToken = assertThrows(BrookException.class, () -> run(session,
                "CREATE EXTERNAL STREAM n (id int64) SETTINGS type='nats_jetstream', url='" + tokens.url()
                        + "', stream_name='T', subject='t.a', token='wrong'"));
        assertEquals(516, badToken.code().number(), badToken.getMessage());
        assertEquals(List.of(), rows(session, "SHOW STREAMS"));
    }
}
