package io.brook.connector.kafka;

import io.brook.engine.external.format.DataFormat;
import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ExternalStreamDefinition;
import io.brook.engine.types.BrookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings of {@code type='kafka'} (SPEC 4.1) and the client properties made of them; no broker needed. */
@Timeout(30)
class KafkaSettingsTest {
    private static final List<Column> RAW = List.of(Column.of("raw", BrookType.STRING));
    private static final List<Column> ROWS = List.of(Column.of("id", BrookType.INT64), Column.of("name", BrookType.STRING));

    private static Map<String, String> settings(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("type", "kafka");
        map.put("brokers", "b1:9092");
        map.put("topic", "t");
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                map.remove(pairs[i]);
            } else {
                map.put(pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    private static BrookException failure(String... pairs) {
        return assertThrows(BrookException.class, () -> KafkaSettings.of(settings(pairs), RAW));
    }

    @Test
    void brokersAndTopicAreRequiredWithTheSpecTexts() {
        BrookException noBrokers = failure("brokers", null);
        assertEquals("Empty `brokers` setting for kafka external stream (BAD_ARGUMENTS)", noBrokers.getMessage());
        assertEquals("Empty `brokers` setting for kafka external stream", failure("brokers", " ").text());
        BrookException noTopic = failure("topic", "");
        assertEquals("Empty `topic` setting for kafka external stream", noTopic.text());
        assertEquals(ErrorCode.BAD_ARGUMENTS, noTopic.code());
    }

    @Test
    void unknownSettingsAndBadValuesAreRefused() {
        BrookException unknown = failure("brokerz", "x");
        assertEquals(ErrorCode.UNKNOWN_SETTING, unknown.code());
        assertEquals(115, unknown.code().number());
        for (String[] bad : new String[][] {{"security_protocol", "TLS"}, {"sasl_mechanism", "GSSAPI"},
                {"data_format", "Avro"}, {"one_message_per_row", "maybe"}, {"shards", "0,x"}, {"shards", "1,1"},
                {"seek_to", "yesterday"}, {"skip_ssl_cert_check", "2"}, {"input_format_skip_errors", "yes"}}) {
            BrookException invalid = failure(bad);
            assertEquals(ErrorCode.INVALID_SETTING_VALUE, invalid.code(), bad[0]);
            assertEquals(471, invalid.code().number());
        }
        assertEquals(ErrorCode.BAD_ARGUMENTS, failure("security_protocol", "SASL_PLAINTEXT").code(), "needs a username");
    }

    @Test
    void clientAndGroupPropertiesAreUnsupported() {
        for (String key : List.of("group.id", "enable.auto.commit", "auto.offset.reset", "bootstrap.servers",
                "security.protocol", "sasl.jaas.config", "sasl.mechanism")) {
            BrookException refused = failure("properties", "client.id=brook;" + key + "=x");
            assertEquals("Unsupported property " + key, refused.text());
            assertEquals(ErrorCode.INVALID_SETTING_VALUE, refused.code());
        }
        KafkaSettings passed = KafkaSettings.of(settings("properties", "client.id=brook; fetch.min.bytes = 10"), RAW);
        assertEquals(Map.of("client.id", "brook", "fetch.min.bytes", "10"), passed.properties());
    }

    @Test
    void defaultsFollowTheColumns() {
        KafkaSettings raw = KafkaSettings.of(settings(), RAW);
        assertEquals(DataFormat.RAW_BLOB, raw.dataFormat());
        assertTrue(raw.oneMessagePerRow());
        assertEquals("PLAINTEXT", raw.securityProtocol());
        assertNull(raw.shards());
        assertNull(raw.seekTo());
        KafkaSettings keyed = KafkaSettings.of(settings(), List.of(Column.of("_tp_message_key", BrookType.STRING),
                Column.of("body", BrookType.STRING)));
        assertEquals(DataFormat.RAW_BLOB, keyed.dataFormat(), "the key column is not payload");
        KafkaSettings json = KafkaSettings.of(settings(), ROWS);
        assertEquals(DataFormat.JSON_EACH_ROW, json.dataFormat());
        assertEquals(false, json.oneMessagePerRow());
        KafkaSettings csv = KafkaSettings.of(settings("data_format", "csv", "shards", "2, 0", "seek_to", "5,6"), ROWS);
        assertEquals(DataFormat.CSV, csv.dataFormat());
        assertEquals(List.of(2, 0), csv.shards());
        assertEquals("5,6", csv.seekTo());
    }

    @Test
    void saslAndSslBecomeClientProperties() {
        KafkaSettings sasl = KafkaSettings.of(settings("security_protocol", "sasl_ssl", "sasl_mechanism", "scram-sha-256",
                "username", "u\"1", "password", "p", "ssl_ca_pem", "-----BEGIN CERTIFICATE-----", "properties",
                "client.id=c"), RAW);
        Properties properties = ClientConfig.of(sasl);
        assertEquals("b1:9092", properties.get("bootstrap.servers"));
        assertEquals("SASL_SSL", properties.get("security.protocol"));
        assertEquals("SCRAM-SHA-256", properties.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\\\"1\" password=\"p\";",
                properties.get("sasl.jaas.config"));
        assertEquals("PEM", properties.get("ssl.truststore.type"));
        assertEquals("c", properties.get("client.id"));
        assertTrue(sasl.toString().contains("password hidden") && !sasl.toString().contains("p\""), sasl.toString());
        KafkaSettings skip = KafkaSettings.of(settings("security_protocol", "SSL", "skip_ssl_cert_check", "true"), RAW);
        Properties trusting = ClientConfig.of(skip);
        assertEquals("", trusting.get("ssl.endpoint.identification.algorithm"));
        assertEquals(TrustingSslEngineFactory.class, trusting.get("ssl.engine.factory.class"));
        assertNull(ClientConfig.of(KafkaSettings.of(settings(), RAW)).get("sasl.jaas.config"));
    }

    @Test
    void configFileAddsPropertiesUnderTheSameRules() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("kafka", ".properties");
        try {
            java.nio.file.Files.writeString(file, "# client settings\nclient.id=from-file\nreceive.buffer.bytes=65536\n");
            KafkaSettings fromFile = KafkaSettings.of(settings("config_file", file.toString(),
                    "properties", "client.id=explicit"), RAW);
            assertEquals(Map.of("client.id", "explicit", "receive.buffer.bytes", "65536"), fromFile.properties());
            java.nio.file.Files.writeString(file, "group.id=g\n");
            assertEquals("Unsupported property group.id", failure("config_file", file.toString()).text());
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertEquals(ErrorCode.CANNOT_OPEN_FILE, failure("config_file", "/nonexistent/kafka.properties").code());
    }

    @Test
    void aReopenChecksTheSettingsAndClientPropertiesButNotTheBrokers() {
        KafkaStreamType type = new KafkaStreamType();
        ExternalStreamDefinition away = new ExternalStreamDefinition("k", RAW, null, 0,
                settings("brokers", "nowhere.invalid:9092"));
        try (ExternalStream stream = type.reopen(away, null)) {
            assertEquals("raw", stream.columns().getFirst().name());
        }
        BrookException badProperty = assertThrows(BrookException.class, () -> type.reopen(
                new ExternalStreamDefinition("k", RAW, null, 0, settings("properties", "request.timeout.ms=soon")), null));
        assertEquals(ErrorCode.INVALID_SETTING_VALUE, badProperty.code());
        assertTrue(badProperty.text().startsWith("Invalid kafka client configuration for topic t: "), badProperty.text());
        BrookException badSetting = assertThrows(BrookException.class, () -> type.reopen(
                new ExternalStreamDefinition("k", RAW, null, 0, settings("security_protocol", "TLS")), null));
        assertEquals(ErrorCode.INVALID_SETTING_VALUE, badSetting.code());
    }
}
