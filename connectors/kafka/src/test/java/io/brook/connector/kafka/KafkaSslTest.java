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
 * A kafka stream on a broker whose only listener is SSL, with a CA and a broker certificate made
 * for the test ({@link TestCertificates}: the certificate names {@code localhost} only).
 */
@Timeout(120)
class KafkaSslTest {
    @TempDir
    static Path directory;
    private static TestCertificates certificates;
    private static InProcessKafka kafka;
    private static BrookSession brook;
    private static Session session;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.generate(directory);
        kafka = InProcessKafka.startSecured(SecurityProtocol.SSL, certificates);
        brook = BrookSession.inMemory("kafka-ssl");
        session = brook.session();
    }

    @AfterAll
    static void stop() throws Exception {
        BrookSession.closeAll(brook, kafka);
    }

    private static String create(String stream, String brokers, String topic, String tlsSettings) {
        return "CREATE EXTERNAL STREAM " + stream + " (raw string) SETTINGS type='kafka', brokers='" + brokers
                + "', topic='" + topic + "', security_protocol='SSL'" + tlsSettings;
    }

    /** Writes through the stream, then reads the topic through the stream and directly. */
    private static void writeAndRead(String stream, String topic) throws Exception {
        kafka.send(topic, 0, "direct");
        Sql.run(session, "INSERT INTO " + stream + " (raw) VALUES ('one'), ('two')");
        assertEquals(List.of(List.of("direct"), List.of("one"), List.of("two")),
                Sql.rows(session, "SELECT raw FROM table(" + stream + ")"));
        assertEquals(List.of("direct", "one", "two"),
                kafka.readAll(topic).stream().map(record -> InProcessKafka.text(record.value())).toList());
    }

    @Test
    void theCaAsPemTextReadsAndWrites() throws Exception {
        kafka.createTopic("pem_topic", 1);
        Sql.run(session, create("pem_stream", kafka.bootstrapServers(), "pem_topic",
                ", ssl_ca_pem='" + certificates.caPemText() + "'"));
        writeAndRead("pem_stream", "pem_topic");
    }

    @Test
    void theCaAsAFileReadsAndWrites() throws Exception {
        kafka.createTopic("file_topic", 1);
        Sql.run(session, create("file_stream", kafka.bootstrapServers(), "file_topic",
                ", ssl_ca_cert_file='" + certificates.caPem() + "'"));
        writeAndRead("file_stream", "file_topic");
    }

    @Test
    void skippingTheCheckReadsAndWritesWithoutACa() throws Exception {
        kafka.createTopic("skip_topic", 1);
        Sql.run(session, create("skip_stream", kafka.bootstrapServers(), "skip_topic",
                ", skip_ssl_cert_check='true'"));
        writeAndRead("skip_stream", "skip_topic");
    }

    /** skip_ssl_cert_check skips the host name check too: the certificate does not name 127.0.0.1. */
    @Test
    void skippingTheCheckAcceptsACertificateForAnotherHost() throws Exception {
        kafka.createTopic("other_host_topic", 1);
        Sql.run(session, create("other_host_stream", kafka.bootstrapServersByAddress(), "other_host_topic",
                ", skip_ssl_cert_check='true'"));
        writeAndRead("other_host_stream", "other_host_topic");
    }

    @Test
    void withoutTheCaTheCreateFailsOnTheCertificate() throws Exception {
        kafka.createTopic("untrusted_topic", 1);
        long started = System.nanoTime();
        BrookException refused = assertThrows(BrookException.class, () -> Sql.run(session,
                create("untrusted_stream", kafka.bootstrapServers(), "untrusted_topic", "")));
        assertEquals(ErrorCode.NETWORK_ERROR, refused.code(), refused.text());
        assertTrue(refused.text().startsWith("TLS handshake with kafka brokers " + kafka.bootstrapServers()
                + " failed: the brokers' certificate could not be verified: PKIX path building failed"), refused.text());
        assertTrue(refused.text().contains("unable to find valid certification path to requested target (set "
                + "ssl_ca_cert_file or ssl_ca_pem to the CA that signed it"), refused.text());
        assertTrue(System.nanoTime() - started < TopicCheck.TIMEOUT_MILLIS * 1_000_000L,
                "the handshake failure, not the timeout: " + refused.text());
    }

    @Test
    void aCertificateForAnotherHostFailsTheCreate() throws Exception {
        kafka.createTopic("wrong_host_topic", 1);
        BrookException refused = assertThrows(BrookException.class, () -> Sql.run(session,
                create("wrong_host_stream", kafka.bootstrapServersByAddress(), "wrong_host_topic",
                        ", ssl_ca_pem='" + certificates.caPemText() + "'")));
        assertEquals(ErrorCode.NETWORK_ERROR, refused.code(), refused.text());
        assertTrue(refused.text().contains("could not be verified: No subject alternative names matching IP address "
                + "127.0.0.1 found"), refused.text());
    }

    /** The broker drops a client that does not speak TLS; the client retries until the check's timeout. */
    @Test
    void plaintextOnTheTlsListenerFailsAtTheTimeout() throws Exception {
        kafka.createTopic("plaintext_topic", 1);
        BrookException refused = assertThrows(BrookException.class, () -> Sql.run(session,
                "CREATE EXTERNAL STREAM plaintext_stream (raw string) SETTINGS type='kafka', brokers='"
                        + kafka.bootstrapServers() + "', topic='plaintext_topic'"));
        assertEquals(ErrorCode.NETWORK_ERROR, refused.code(), refused.text());
        assertTrue(refused.text().startsWith("Cannot reach kafka brokers " + kafka.bootstrapServers()
                + " for topic plaintext_topic: "), refused.text());
    }

    /** Checking the certificate but not the host name is the Kafka client's own property. */
    @Test
    void theHostNameCheckAloneIsOffWithAClientProperty() throws Exception {
        kafka.createTopic("no_host_check_topic", 1);
        Sql.run(session, create("no_host_check_stream", kafka.bootstrapServersByAddress(), "no_host_check_topic",
                ", ssl_ca_pem='" + certificates.caPemText() + "', properties='ssl.endpoint.identification.algorithm='"));
        writeAndRead("no_host_check_stream", "no_host_check_topic");
    }

    @Test
    void aCaThatDidNotSignTheBrokerFailsTheCreate(@TempDir Path other) throws Exception {
        kafka.createTopic("other_ca_topic", 1);
        BrookException refused = assertThrows(BrookException.class, () -> Sql.run(session,
                create("other_ca_stream", kafka.bootstrapServers(), "other_ca_topic",
                        ", ssl_ca_cert_file='" + TestCertificates.generate(other).caPem() + "'")));
        assertEquals(ErrorCode.NETWORK_ERROR, refused.code(), refused.text());
        assertTrue(refused.text().contains("could not be verified"), refused.text());
    }
}
