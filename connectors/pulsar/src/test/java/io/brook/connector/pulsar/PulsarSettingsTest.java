package io.brook.connector.pulsar;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ExternalStreamDefinition;
import io.brook.engine.types.BrookType;
import org.apache.pulsar.client.impl.BatchMessageIdImpl;
import org.apache.pulsar.client.impl.MessageIdImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings of {@code type='pulsar'} (SPEC 4.3), columns and formats; no broker needed. */
@Timeout(30)
class PulsarSettingsTest {

    private static Map<String, String> settings(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("type", "pulsar");
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static BrookException failure(String... pairs) {
        return assertThrows(BrookException.class, () -> PulsarSettings.of(settings(pairs)));
    }

    private static PulsarExternalStream stream(List<Column> columns, String... pairs) {
        return (PulsarExternalStream) new PulsarStreamType().create(
                new ExternalStreamDefinition("s", columns, "", 0, settings(pairs)), null);
    }

    @Test
    void requiredSettingsHaveTheSpecTexts() {
        BrookException noUrl = failure("topic", "t");
        assertEquals("Empty `service_url` setting for pulsar external stream (BAD_ARGUMENTS)", noUrl.getMessage());
        assertEquals(ErrorCode.BAD_ARGUMENTS, noUrl.code());
        assertEquals("Empty `topic` setting for pulsar external stream",
                failure("service_url", "pulsar://h:6650", "topic", " ").text());
    }

    @Test
    void defaultsAndValues() {
        PulsarSettings parsed = PulsarSettings.of(settings("service_url", "pulsar://h:6650", "topic", "t"));
        assertEquals(PulsarSettings.SeekTo.LATEST, parsed.seekTo());
        assertNull(parsed.jwt());
        assertNull(parsed.dataFormat());
        PulsarSettings all = PulsarSettings.of(settings("service_url", "pulsar+ssl://h:6651", "topic", "t", "jwt", "secret",
                "data_format", "jsoneachrow", "one_message_per_row", "true", "seek_to", "earliest"));
        assertEquals(io.brook.engine.external.format.DataFormat.JSON_EACH_ROW, all.dataFormat());
        assertEquals(true, all.oneMessagePerRow());
        assertEquals(PulsarSettings.SeekTo.EARLIEST, all.seekTo());
        assertFalse(all.toString().contains("secret"), all.toString());
    }

    @Test
    void unknownAndBadSettings() {
        BrookException unknown = failure("service_url", "pulsar://h:6650", "topic", "t", "brokers", "b");
        assertEquals(ErrorCode.UNKNOWN_SETTING, unknown.code());
        assertEquals("Unknown setting brokers: for storage ExternalStream", unknown.text());
        assertEquals(ErrorCode.INVALID_SETTING_VALUE, failure("service_url", "http://h:8080", "topic", "t").code());
        assertEquals(ErrorCode.INVALID_SETTING_VALUE,
                failure("service_url", "pulsar://h:6650", "topic", "t", "seek_to", "123").code());
        assertEquals(ErrorCode.INVALID_SETTING_VALUE,
                failure("service_url", "pulsar://h:6650", "topic", "t", "data_format", "Avro").code());
        assertEquals(ErrorCode.INVALID_SETTING_VALUE,
                failure("service_url", "pulsar://h:6650", "topic", "t", "one_message_per_row", "maybe").code());
    }

    @Test
    void columnsAndFormatDefaults() {
        PulsarExternalStream raw = stream(List.of(), "service_url", "pulsar://h:6650", "topic", "t");
        assertEquals(List.of("raw", "_tp_message_key", "_tp_sn"), raw.columns().stream().map(Column::name).toList());
        assertEquals(List.of("_tp_message_key", "_tp_sn"), raw.virtualColumns());
        PulsarExternalStream keyed = stream(List.of(Column.of("id", BrookType.INT64),
                Column.of("_tp_message_key", BrookType.STRING)), "service_url", "pulsar://h:6650", "topic", "t");
        assertEquals(List.of("_tp_sn"), keyed.virtualColumns());
        BrookException rawTwoColumns = assertThrows(BrookException.class, () -> stream(
                List.of(Column.of("a", BrookType.STRING), Column.of("b", BrookType.STRING)),
                "service_url", "pulsar://h:6650", "topic", "t", "data_format", "RawBLOB"));
        assertEquals(ErrorCode.INVALID_SETTING_VALUE, rawTwoColumns.code());
    }

    @Test
    void sequenceNumbersRiseWithThePosition() {
        long first = SequenceNumbers.of(new MessageIdImpl(7, 0, -1));
        assertEquals(7L << 40, first);
        long batched = SequenceNumbers.of(new BatchMessageIdImpl(7, 0, -1, 0));
        long secondInBatch = SequenceNumbers.of(new BatchMessageIdImpl(7, 0, -1, 1));
        long later = SequenceNumbers.of(new MessageIdImpl(7, 1, -1));
        long nextLedger = SequenceNumbers.of(new MessageIdImpl(8, 0, -1));
        assertTrue(first < batched && batched < secondInBatch && secondInBatch < later && later < nextLedger);
    }
}
