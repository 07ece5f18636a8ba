package io.brook.connector.pulsar;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.Sql;
import io.jsonwebtoken.SignatureAlgorithm;
import org.apache.logging.log4j.Level;
import org.apache.pulsar.broker.authentication.utils.AuthTokenUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code jwt} setting (SPEC 4.3) against the shared broker, which requires token
 * authentication from every client: the right token reads and writes; a missing, wrong or
 * expired one fails reads and writes at once with code 516, and no token shows in an error, in
 * the connector's or the client's logs, or in a view's status.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PulsarTokenTest {
    private static final AtomicInteger ENGINES = new AtomicInteger();
    /** The loggers of Brook and of the Pulsar client (not the broker's, which is not part of Brook). */
    private static final String[] CLIENT_SIDE = {"io.brook.connector", "io.brook.engine", "org.apache.pulsar.client"};

    private PulsarBroker broker;
    private Engine engine;
    private Session session;
    private String topic;

    @BeforeEach
    void openEngine() {
        broker = PulsarBroker.get();
        engine = Engine.open(EngineConfig.memory("pulsar-token-test-" + ENGINES.incrementAndGet()));
        session = engine.openSession(Map.of());
        topic = PulsarBroker.topic("token");
    }

    @AfterEach
    void closeEngine() {
        session.close();
        engine.close();
    }

    /** A stream on the test's topic with {@code jwt} (none when null). */
    private void create(String name, String jwt) {
        String settings = "type='pulsar', service_url='" + broker.serviceUrl() + "', topic='" + topic + "'"
                + (jwt == null ? "" : ", jwt='" + jwt + "'");
        Sql.run(session, "CREATE EXTERNAL STREAM " + name + " (raw string) SETTINGS " + settings);
    }

    /** Tokens the broker refuses, by what is wrong with them (null: none given). */
    private Map<String, String> refusedTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("missing", null);
        tokens.put("signed_elsewhere", AuthTokenUtils.createToken(AuthTokenUtils.createSecretKey(SignatureAlgorithm.HS256),
                "brook-tests", Optional.empty()));
        tokens.put("expired", broker.expiredToken());
        tokens.put("not_a_token", "not-a-token-at-all");
        return tokens;
    }

    @Test
    void theRightTokenReadsAndWrites() {
        try (LogWatch logs = new LogWatch(Level.INFO, CLIENT_SIDE)) {
            create("allowed", broker.token());
            try (QueryResult live = Sql.start(session, "SELECT raw FROM allowed")) {
                Sql.run(session, "INSERT INTO allowed (raw) VALUES ('one'), ('two')");
                assertEquals(List.of("one", "two"), Sql.takeLines(live, 2));
            }
            assertEquals(List.of("one", "two"), Sql.lines(session, "SELECT raw FROM table(allowed)"));
            assertNoToken(broker.token(), "the logs", String.join("\n", logs.lines()));
        }
    }

    @Test
    void aMissingWrongOrExpiredTokenFailsReadsAndWritesWithCode516() throws Exception {
        create("allowed", broker.token());
        Sql.run(session, "INSERT INTO allowed (raw) VALUES ('kept')");
        String cannotRead = "Cannot read pulsar topic " + topic + " at " + broker.serviceUrl()
                + ": the broker refused the authentication (the stream's `jwt` is missing, wrong or expired)";
        String cannotWrite = "Cannot write to pulsar topic " + topic + " at " + broker.serviceUrl()
                + ": the broker refused the authentication (the stream's `jwt` is missing, wrong or expired)";
        try (LogWatch logs = new LogWatch(Level.INFO, CLIENT_SIDE)) {
            for (Map.Entry<String, String> refused : refusedTokens().entrySet()) {
                String name = refused.getKey();
                String jwt = refused.getValue();
                create(name, jwt);
                assertRefused(cannotRead, jwt, () -> Sql.lines(session, "SELECT raw FROM table(" + name + ")"));
                assertRefused(cannotRead, jwt, () -> {
                    try (QueryResult live = Sql.start(session, "SELECT raw FROM " + name)) {
                        Sql.within(live, 1_000);
                    }
                });
                assertRefused(cannotWrite, jwt, () -> Sql.run(session, "INSERT INTO " + name + " (raw) VALUES ('lost')"));
            }
            List<String> lines = logs.lines();
            assertTrue(lines.stream().anyMatch(line -> line.contains("Failed to authenticate")),
                    "the client logs the refusals: " + lines);
            for (String jwt : refusedTokens().values()) {
                assertNoToken(jwt, "the logs", String.join("\n", lines));
            }
        }
        assertEquals(List.of("kept"), Sql.lines(session, "SELECT raw FROM table(allowed)"),
                "the refused writes wrote nothing");
    }

    @Test
    void aViewWritingWithAWrongTokenShowsTheRefusal() {
        String wrong = broker.expiredToken();
        create("refusing", wrong);
        Sql.run(session, "CREATE STREAM local_rows (raw string)");
        Sql.run(session, "CREATE MATERIALIZED VIEW forward INTO refusing AS SELECT raw FROM local_rows "
                + "SETTINGS retry_backoff_ms=200");
        Sql.run(session, "INSERT INTO local_rows (raw) VALUES ('x')");
        Map<String, Object> status = Sql.awaitStatus(session, "forward",
                row -> row.get("last_error") != null && !row.get("last_error").toString().isEmpty());
        String error = status.get("last_error").toString();
        assertTrue(error.contains("the broker refused the authentication") && error.contains(topic), error);
        assertNoToken(wrong, "the view's status", status.toString());
        Sql.run(session, "DROP VIEW forward");
    }

    private static void assertRefused(String expected, String jwt, Executable action) {
        BrookException failure = assertThrows(BrookException.class, action);
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, failure.code(), failure.text());
        assertTrue(failure.text().startsWith(expected), failure.text());
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            chain.append(cause).append('\n');
        }
        assertNoToken(jwt, "the error", chain.toString());
    }

    /** The token, or any of its three parts, is not in {@code text}. */
    private static void assertNoToken(String jwt, String where, String text) {
        if (jwt == null) {
            return;
        }
        for (String part : jwt.split("\\.")) {
            assertFalse(part.length() >= 8 && text.contains(part), "a token part in " + where + ": " + text);
        }
        assertFalse(text.contains(jwt), "the token in " + where);
    }
}
