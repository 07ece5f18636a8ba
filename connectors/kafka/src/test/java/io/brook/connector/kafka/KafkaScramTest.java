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
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kafka stream on a broker whose only listener is SASL_SSL with SCRAM-SHA-256, SCRAM-SHA-512
 * and PLAIN: SCRAM users made with the Admin API, one for each mechanism only (so a login with the
 * other mechanism is refused, which shows the stream really uses the one it names).
 */
@Timeout(120)
class KafkaScramTest {
    private static final String SHA256_USER = "scram-256-user";
    private static final String SHA512_USER = "scram-512-user";
    private static final String PASSWORD = "scram \"secret\" \\ 1";
    @TempDir
    static Path directory;
    private static TestCertificates certificates;
    private static InProcessKafka kafka;
    private static BrookSession brook;
    private static Session session;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.generate(directory);
        kafka = InProcessKafka.startSecured(SecurityProtocol.SASL_SSL, certificates,
                "SCRAM-SHA-256", "SCRAM-SHA-512", "PLAIN");
        kafka.addScramUser(SHA256_USER, PASSWORD, "SCRAM-SHA-256");
        kafka.addScramUser(SHA512_USER, PASSWORD, "SCRAM-SHA-512");
        brook = BrookSession.inMemory("kafka-scram");
        session = brook.session();
    }

    @AfterAll
    static void stop() throws Exception {
        BrookSession.closeAll(brook, kafka);
    }

    private static String create(String stream, String topic, String mechanism, String user, String password)
            throws Exception {
        return "CREATE EXTERNAL STREAM " + stream + " (raw string) SETTINGS type='kafka', brokers='"
                + kafka.bootstrapServers() + "', topic='" + topic + "', security_protocol='SASL_SSL', sasl_mechanism='"
                + mechanism + "', username='" + user + "', password='" + password + "', ssl_ca_cert_file='"
                + certificates.caPem() + "'";
    }

    private static void writeAndRead(String stream, String topic) throws Exception {
        kafka.send(topic, 0, "direct");
        Sql.run(session, "INSERT INTO " + stream + " (raw) VALUES ('one'), ('two')");
        assertEquals(List.of(List.of("direct"), List.of("one"), List.of("two")),
                Sql.rows(session, "SELECT raw FROM table(" + stream + ")"));
        assertEquals(List.of("direct", "one", "two"),
                kafka.readAll(topic).stream().map(record -> InProcessKafka.text(record.value())).toList());
    }

    /** The SQL literal of {@link #PASSWORD}: a quote and a backslash test the JAAS quoting. */
    private static String sqlPassword() {
        return PASSWORD.replace("\\", "\\\\");
    }

    @Test
    void scramSha256ReadsAndWrites() throws Exception {
        kafka.createTopic("sha256_topic", 1);
        Sql.run(session, create("sha256_stream", "sha256_topic", "SCRAM-SHA-256", SHA256_USER, sqlPassword()));
        writeAndRead("sha256_stream", "sha256_topic");
    }

    @Test
    void scramSha512ReadsAndWrites() throws Exception {
        kafka.createTopic("sha512_topic", 1);
        Sql.run(session, create("sha512_stream", "sha512_topic", "scram-sha-512", SHA512_USER, sqlPassword()));
        writeAndRead("sha512_stream", "sha512_topic");
    }

    @Test
    void plainOverTlsReadsAndWrites() throws Exception {
        kafka.createTopic("plain_tls_topic", 1);
        Sql.run(session, create("plain_tls_stream", "plain_tls_topic", "PLAIN", InProcessKafka.SASL_USER,
                InProcessKafka.SASL_PASSWORD));
        writeAndRead("plain_tls_stream", "plain_tls_topic");
    }

    @Test
    void aWrongPasswordFailsTheCreate() throws Exception {
        kafka.createTopic("wrong_password_topic", 1);
        for (String[] user : new String[][] {{"SCRAM-SHA-256", SHA256_USER}, {"SCRAM-SHA-512", SHA512_USER}}) {
            BrookException refused = assertThrows(BrookException.class, () -> Sql.run(session,
                    create("wrong_password_stream", "wrong_password_topic", user[0], user[1], "wrong")));
            assertEquals(ErrorCode.AUTHENTICATION_FAILED, refused.code(), refused.text());
            assertEquals("Kafka brokers " + kafka.bootstrapServers() + " refused the credentials: Authentication "
                    + "failed during authentication due to invalid credentials with SASL mechanism " + user[0],
                    refused.text());
        }
    }

    @Test
    void aUserWithoutACredentialForTheMechanismFailsTheCreate() throws Exception {
        kafka.createTopic("other_mechanism_topic", 1);
        BrookException refused = assertThrows(BrookException.class, () -> Sql.run(session,
                create("other_mechanism_stream", "other_mechanism_topic", "SCRAM-SHA-256", SHA512_USER, sqlPassword())));
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, refused.code(), refused.text());
        assertTrue(refused.text().contains("SCRAM-SHA-256"), refused.text());
    }

    @Test
    void theRightCredentialsWithoutTheCaFailOnTheCertificate() throws Exception {
        kafka.createTopic("no_ca_topic", 1);
        BrookException refused = assertThrows(BrookException.class, () -> Sql.run(session,
                create("no_ca_stream", "no_ca_topic", "SCRAM-SHA-256", SHA256_USER, sqlPassword())
                        .replaceAll(", ssl_ca_cert_file='[^']*'", "")));
        assertEquals(ErrorCode.NETWORK_ERROR, refused.code(), refused.text());
        assertTrue(refused.text().contains("certificate could not be verified"), refused.text());
    }
}
