package io.brook.connector.nats;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ExternalStreamDefinition;
import io.brook.engine.types.BrookType;
import io.nats.client.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.brook.engine.testing.Sql.rows;
import static io.brook.engine.testing.Sql.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CREATE of nats_jetstream streams against a real server: settings, the stream's existence, reachability. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NatsSettingsTest extends WithEngine {
    @TempDir
    static Path directory;
    private static NatsServer server;

    @BeforeAll
    static void startServer() {
        server = NatsServer.start(directory);
        try (Connection connection = server.connect()) {
            NatsServer.createStream(connection, "ORDERS", "orders.>");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private BrookException createFails(String columns, String settings) {
        return assertThrows(BrookException.class, () -> run(session,
                "CREATE EXTERNAL STREAM n " + columns + " SETTINGS type='nats_jetstream', " + settings));
    }

    private String url() {
        return "url='" + server.url() + "'";
    }

    @Test
    void aValidStreamIsCreatedAndListed() {
        run(session, "CREATE EXTERNAL STREAM n (id int64, name string) SETTINGS type='nats_jetstream', " + url()
                + ", stream_name='ORDERS', subject='orders.*', data_format='JSONEachRow', seek_to='earliest'");
        assertEquals(List.of(List.of("n")), rows(session, "SHOW STREAMS"));
    }

    @Test
    void aUrlMayListSeveralServers() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        run(session, "CREATE EXTERNAL STREAM n (line string) SETTINGS type='nats_jetstream', url='nats://127.0.0.1:"
                + closedPort + "," + server.url() + "', stream_name='ORDERS', subject='orders.a'");
        assertEquals(List.of(), rows(session, "SELECT line FROM table(n)"));
    }

    @Test
    void anUnknownSettingIsCode115() {
        BrookException unknown = createFails("(id int64)", url() + ", stream_name='ORDERS', subject='orders.a', topic='t'");
        assertEquals(115, unknown.code().number());
        assertEquals("Unknown setting topic: for storage ExternalStream (UNKNOWN_SETTING)", unknown.getMessage());
    }

    @Test
    void requiredSettingsAreNamed() {
        BrookException noUrl = createFails("(id int64)", "stream_name='ORDERS', subject='orders.a'");
        assertEquals("Empty `url` setting for nats_jetstream external stream (BAD_ARGUMENTS)", noUrl.getMessage());
        BrookException noStream = createFails("(id int64)", url() + ", subject='orders.a'");
        assertEquals("Empty `stream_name` setting for nats_jetstream external stream (BAD_ARGUMENTS)", noStream.getMessage());
        BrookException noSubject = createFails("(id int64)", url() + ", stream_name='ORDERS'");
        assertEquals("Empty `subject` setting for nats_jetstream external stream (BAD_ARGUMENTS)", noSubject.getMessage());
    }

    @Test
    void badValuesAreCode471() {
        String base = url() + ", stream_name='ORDERS', subject='orders.a', ";
        for (String bad : List.of("data_format='Avro'", "data_format='RawBLOB'", "seek_to='yesterday'", "seek_to='0'",
                "one_message_per_row='maybe'", "username='u', token='t'", "password='p'")) {
            BrookException failure = createFails("(id int64, name string)", base + bad);
            assertEquals(471, failure.code().number(), bad + ": " + failure.getMessage());
            assertTrue(failure.getMessage().endsWith("(INVALID_SETTING_VALUE)"), failure.getMessage());
        }
        BrookException rawPerMessage = createFails("(line string)", base + "data_format='RawBLOB', one_message_per_row=false");
        assertEquals(471, rawPerMessage.code().number());
        assertEquals(List.of(), rows(session, "SHOW STREAMS"));
    }

    @Test
    void aMissingJetStreamStreamIsNamedAtCreate() {
        BrookException missing = createFails("(id int64)", url() + ", stream_name='NOPE', subject='nope.a'");
        assertEquals(60, missing.code().number());
        assertTrue(missing.getMessage().startsWith("Stream NOPE doesn't exist on NATS server " + server.url()),
                missing.getMessage());
        assertEquals(List.of(), rows(session, "SHOW STREAMS"));
    }

    @Test
    void anUnreachableServerIsNamedAtCreate() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String dead = "nats://127.0.0.1:" + closedPort;
        BrookException down = createFails("(id int64)", "url='" + dead + "', stream_name='ORDERS', subject='orders.a'");
        assertEquals(210, down.code().number());
        assertTrue(down.getMessage().startsWith("Cannot connect to NATS server " + dead + ": "), down.getMessage());
        assertEquals(List.of(), rows(session, "SHOW STREAMS"));
    }

    @Test
    void aReopenChecksTheSettingsButNotTheServer() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<Column> columns = List.of(Column.of("id", BrookType.INT64));
        Map<String, String> settings = new java.util.LinkedHashMap<>(Map.of("type", "nats_jetstream",
                "url", "nats://127.0.0.1:" + closedPort, "stream_name", "NOPE", "subject", "nope.a"));
        NatsStreamType type = new NatsStreamType();
        try (ExternalStream stream = type.reopen(new ExternalStreamDefinition("n", columns, null, 0, settings), null)) {
            assertEquals(List.of("id", "_tp_sn", "_nats_subject"), stream.columns().stream().map(Column::name).toList());
        }
        settings.put("seek_to", "yesterday");
        BrookException bad = assertThrows(BrookException.class,
                () -> type.reopen(new ExternalStreamDefinition("n", columns, null, 0, settings), null));
        assertEquals(471, bad.code().number(), bad.getMessage());
    }
}
