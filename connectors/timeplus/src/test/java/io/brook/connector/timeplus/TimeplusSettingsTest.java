package io.brook.connector.timeplus;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ReadOptions;
import io.brook.engine.types.BrookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Settings of {@code type='timeplus'} (SPEC 4.4) and the SQL a read sends; no server needed. */
@Timeout(30)
class TimeplusSettingsTest {

    private static Map<String, String> settings(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("type", "timeplus");
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static BrookException failure(String... pairs) {
        return assertThrows(BrookException.class, () -> TimeplusSettings.of(settings(pairs)));
    }

    @Test
    void defaultsAndSeveralHosts() {
        TimeplusSettings parsed = TimeplusSettings.of(settings("hosts", "h1:8001, h2", "stream", "remote_stream"));
        assertEquals(List.of(new RemoteHost("h1", 8001, false), new RemoteHost("h2", 8765, false)), parsed.hosts());
        assertEquals("default", parsed.database());
        assertEquals("default", parsed.user());
        assertEquals("", parsed.password());
        assertEquals(false, parsed.secure());
        assertEquals("remote_stream", parsed.stream());
        TimeplusSettings secure = TimeplusSettings.of(settings("hosts", "[::1]:9443", "stream", "s", "secure", "true",
                "user", "u", "password", "p", "db", "default"));
        assertEquals("https://[::1]:9443/x", secure.hosts().getFirst().uri("/x").toString());
        assertEquals(true, secure.authenticates());
    }

    @Test
    void requiredSettingsHaveTheSpecTexts() {
        BrookException noHosts = failure("stream", "s");
        assertEquals("Setting `hosts` cannot be empty. (BAD_ARGUMENTS)", noHosts.getMessage());
        assertEquals("Setting `hosts` cannot be empty.", failure("hosts", " ", "stream", "s").text());
        BrookException noStream = failure("hosts", "h:1");
        assertEquals("Setting `stream` cannot be empty.", noStream.text());
        assertEquals(ErrorCode.BAD_ARGUMENTS, noStream.code());
    }

    @Test
    void unknownAndBadSettings() {
        BrookException unknown = failure("hosts", "h:1", "stream", "s", "topic", "t");
        assertEquals(ErrorCode.UNKNOWN_SETTING, unknown.code());
        assertEquals("Unknown setting topic: for storage ExternalStream", unknown.text());
        assertEquals(ErrorCode.INVALID_SETTING_VALUE, failure("hosts", "h:1", "stream", "s", "secure", "maybe").code());
        assertEquals("Invalid host 'h:x' in setting `hosts` (a port that is not a number): expected host:port[,host:port...]",
                failure("hosts", "h:x", "stream", "s").text());
        assertEquals(ErrorCode.INVALID_SETTING_VALUE, failure("hosts", "h:70000", "stream", "s").code());
        assertEquals(ErrorCode.INVALID_SETTING_VALUE, failure("hosts", "h:1,,h:2", "stream", "s").code());
        assertEquals("Host h:1 appears twice in setting `hosts`", failure("hosts", "h:1,h:1", "stream", "s").text());
    }

    @Test
    void passwordIsNotShown() {
        TimeplusSettings parsed = TimeplusSettings.of(settings("hosts", "h:1", "stream", "s", "password", "secret"));
        assertEquals(false, parsed.toString().contains("secret"));
    }

    @Test
    void readsStartWhereTheQuerySays() {
        TimeplusSettings parsed = TimeplusSettings.of(settings("hosts", "h:1", "stream", "we`ird"));
        List<Column> columns = List.of(Column.of("id", BrookType.INT64), Column.of("_tp_time", BrookType.TP_TIME));
        assertEquals("SELECT `id`, `_tp_time` FROM `default`.`we``ird`",
                RemoteSql.read(parsed, columns, new ReadOptions(false, null)));
        assertEquals("SELECT `id`, `_tp_time` FROM table(`default`.`we``ird`)",
                RemoteSql.read(parsed, columns, new ReadOptions(true, null)));
        assertEquals("SELECT `id`, `_tp_time` FROM `default`.`we``ird` SETTINGS seek_to='earliest'",
                RemoteSql.read(parsed, columns, new ReadOptions(false, "earliest")));
        assertEquals("SELECT `id`, `_tp_time` FROM `default`.`we``ird` SETTINGS seek_to='earliest'",
                RemoteSql.read(parsed, columns, new ReadOptions(false, null, OptionalLong.of(0))));
        long bound = Instant.parse("2024-05-06T07:08:09.010Z").toEpochMilli();
        assertEquals("SELECT `id`, `_tp_time` FROM `default`.`we``ird`"
                        + " WHERE _tp_time >= CAST('2024-05-06 07:08:09.010' AS datetime64(3, 'UTC'))",
                RemoteSql.read(parsed, columns, new ReadOptions(false, null, OptionalLong.of(bound))));
        assertEquals("SELECT `id`, `_tp_time` FROM `default`.`we``ird` SETTINGS seek_to='latest'",
                RemoteSql.read(parsed, columns, new ReadOptions(false, "latest", OptionalLong.of(bound))));
    }
}
