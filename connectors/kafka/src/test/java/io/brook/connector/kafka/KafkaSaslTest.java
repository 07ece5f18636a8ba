package io.brook.connector.kafka;

import io.brook.engine.Session;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.BrookSession;
import io.brook.engine.testing.Sql;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A kafka stream on a broker whose only listener is SASL_PLAINTEXT with PLAIN users. */
@Timeout(120)
class KafkaSaslTest {
    private static InProcessKafka kafka;
    private static BrookSession brook;
    private static Session session;

    @BeforeAll
    static void start() throws Exception {
        kafka = InProcessKafka.start(SecurityProtocol.SASL_PLAINTEXT);
        brook = BrookSession.inMemory("kafka-sasl");
        session = brook.session();
    }

    @AfterAll
    static void stop() throws Exception {
        BrookSession.closeAll(brook, kafka);
    }

    private static String create(String stream, String topic, String protocol, String password) {
        return "CREATE EXTERNAL STREAM " + stream + " (raw string) SETTINGS type='redpanda', brokers='"
                + kafka.bootstrapServers() + "', topic='" + topic + "', security_protocol='" + protocol
                + "', sasl_mechanism='PLAIN', username='" + InProcessKafka.SASL_USER + "', password='" + password + "'";
    }

    @Test
    void theRightCredentialsReadAndWrite() throws Exception {
        kafka.createTopic("secured", 1);
        Sql.run(session, create("secured_stream", "secured", "SASL_PLAINTEXT", InProcessKafka.SASL_PASSWORD));
        Sql.run(session, "INSERT INTO secured_stream (raw) VALUES ('one'), ('two')");
        assertEquals(List.of(List.of("one"), List.of("two")), Sql.rows(session, "SELECT raw FROM table(secured_stream)"));
    }

    @Test
    void aWrongPasswordFailsTheCreate() throws Exception {
        kafka.createTopic("guarded", 1);
        BrookException refused = assertThrows(BrookException.class,
                () -> Sql.run(session, create("guarded_stream", "guarded", "SASL_PLAINTEXT", "wrong")));
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, refused.code(), refused.text());
        BrookException plaintext = assertThrows(BrookException.class, () -> Sql.run(session,
                "CREATE EXTERNAL STREAM plain_stream (raw string) SETTINGS type='kafka', brokers='"
                        + kafka.bootstrapServers() + "', topic='guarded'"));
        assertEquals(ErrorCode.NETWORK_ERROR, plaintext.code(), plaintext.text());
    }
}
