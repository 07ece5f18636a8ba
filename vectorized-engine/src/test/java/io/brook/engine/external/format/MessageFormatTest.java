package io.brook.engine.external.format;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.types.BrookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages to rows and back in each data format; no broker needed. */
@Timeout(30)
class MessageFormatTest {
    private static final List<Column> COLUMNS = List.of(
            Column.of("id", BrookType.INT32),
            Column.of("name", BrookType.STRING),
            new Column("score", BrookType.decimal(10, 2), "1.5"),
            Column.of("at", BrookType.datetime64(3, "UTC")));

    private static List<List<Object>> decode(MessageFormat format, String message) {
        List<List<Object>> rows = new ArrayList<>();
        format.decode(message.getBytes(StandardCharsets.UTF_8), values -> rows.add(Arrays.asList(values.clone())));
        return rows;
    }

    @Test
    void jsonEachRowFillsMissingKeysIgnoresUnknownOnesAndReadsSeveralRows() {
        MessageFormat json = MessageFormat.of(DataFormat.JSON_EACH_ROW, COLUMNS, false);
        List<List<Object>> rows = decode(json, """
                {"id": 1, "name": "a", "score": 2.25, "at": "2024-05-01 10:00:00.123", "extra": [1]}
                {"id": "2", "unknown": true}
                """);
        assertEquals(List.of(1L, "a", new BigDecimal("2.25"), Instant.parse("2024-05-01T10:00:00.123Z")), rows.get(0));
        assertEquals(List.of(2L, "", new BigDecimal("1.50"), Instant.EPOCH), rows.get(1));
        MessageFormat single = MessageFormat.of(DataFormat.JSON_EACH_ROW, COLUMNS, true);
        assertThrows(BrookException.class, () -> decode(single, "{\"id\":1}\n{\"id\":2}"));
        assertThrows(BrookException.class, () -> decode(json, "{\"id\": \"x\"}"));
        assertThrows(BrookException.class, () -> decode(json, "{\"id\": 1"));
        assertThrows(BrookException.class, () -> decode(json, "[1, 2]"));
    }

    @Test
    void jsonEachRowReadsDatesAndTimesAsTextOrNumbers() {
        List<Column> columns = List.of(Column.of("day", BrookType.DATE), Column.of("at", BrookType.datetime64(3, "UTC")));
        MessageFormat json = MessageFormat.of(DataFormat.JSON_EACH_ROW, columns, false);
        List<List<Object>> rows = decode(json, """
                {"day": 19724, "at": 1704164645.678}
                {"day": "2024-01-02", "at": "2024-01-02T04:04:05.678+01:00"}
                {"day": "2024-01-02", "at": 1704164645}
                """);
        java.time.LocalDate day = java.time.LocalDate.of(2024, 1, 2);
        assertEquals(List.of(day, Instant.parse("2024-01-02T03:04:05.678Z")), rows.get(0));
        assertEquals(List.of(day, Instant.parse("2024-01-02T03:04:05.678Z")), rows.get(1));
        assertEquals(List.of(day, Instant.parse("2024-01-02T03:04:05Z")), rows.get(2));
        BrookException wrong = assertThrows(BrookException.class, () -> decode(json, "{\"day\": true}"));
        assertTrue(wrong.text().startsWith("column day: "), wrong.text());
    }

    @Test
    void jsonEachRowReadsScalarsOfEveryShapeAsTheirColumnsWant() {
        List<Column> columns = List.of(Column.of("n", BrookType.INT64), Column.of("f", BrookType.FLOAT64),
                Column.of("s", BrookType.STRING), Column.of("b", BrookType.BOOL), Column.of("d", BrookType.decimal(30, 0)),
                Column.of("z", BrookType.FLOAT64));
        MessageFormat json = MessageFormat.of(DataFormat.JSON_EACH_ROW, columns, false);
        List<List<Object>> rows = decode(json, """
                {"n": 1, "n": "7", "f": 3, "s": 12.5, "b": true, "d": 123456789012345678901234567, "z": null}
                {"f": "2.5", "s": "x", "b": false, "skip": {"n": 9, "deep": [{"n": 10}]}, "n": -4}
                """);
        assertEquals(List.of(7L, 3.0, "12.5", true, new BigDecimal("123456789012345678901234567"), 0.0), rows.get(0));
        assertEquals(List.of(-4L, 2.5, "x", false, BigDecimal.ZERO, 0.0), rows.get(1));
        assertThrows(BrookException.class, () -> decode(json, "{\"n\": 1} 5"));
    }

    @Test
    void jsonEachRowReadsNestedValues() {
        List<Column> nested = List.of(Column.of("tags", BrookType.array(BrookType.STRING)),
                Column.of("counts", BrookType.map(BrookType.STRING, BrookType.INT64)),
                Column.of("doc", BrookType.STRING));
        List<List<Object>> rows = decode(MessageFormat.of(DataFormat.JSON_EACH_ROW, nested, true),
                "{\"tags\": [\"x\", \"y\"], \"counts\": {\"a\": 1}, \"doc\": {\"k\": [1]}}");
        assertEquals(List.of(List.of(List.of("x", "y"), Map.of("a", 1L), "{\"k\":[1]}")), rows);
    }

    @Test
    void jsonEachRowWritesWhatItReads() {
        MessageFormat json = MessageFormat.of(DataFormat.JSON_EACH_ROW, COLUMNS, true);
        List<Object> row = List.of(7L, "q\"uote", new BigDecimal("3.10"), Instant.parse("2024-05-01T10:00:00.5Z"));
        String text = new String(json.encode(row), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"id\":7,\"name\":\"q\\\"uote\""), text);
        assertEquals(List.of(row), decode(json, text));
    }

    @Test
    void csvAndTsvReadQuotedEscapedAndEmptyFields() {
        MessageFormat csv = MessageFormat.of(DataFormat.CSV, COLUMNS, false);
        List<List<Object>> rows = decode(csv, "1,\"a, \"\"b\"\"\",2.5,2024-05-01 10:00:00\r\n2,,,\n");
        assertEquals(List.of(1L, "a, \"b\"", new BigDecimal("2.50"), Instant.parse("2024-05-01T10:00:00Z")), rows.get(0));
        assertEquals(List.of(2L, "", new BigDecimal("1.50"), Instant.EPOCH), rows.get(1));
        assertThrows(BrookException.class, () -> decode(csv, "1,a\n"), "too few fields");
        assertThrows(BrookException.class, () -> decode(csv, "x,a,1,2024-05-01 10:00:00\n"));
        MessageFormat tsv = MessageFormat.of(DataFormat.TSV, List.of(Column.of("a", BrookType.STRING),
                Column.of("b", BrookType.INT64.withNullable(true))), false);
        assertEquals(List.of(Arrays.asList("tab\there\\", null), Arrays.asList("line\nbreak", 5L)),
                decode(tsv, "tab\\there\\\\\t\\N\nline\\nbreak\t5\n"));
    }

    @Test
    void csvAndTsvWriteWhatTheyRead() {
        List<Object> row = List.of(3L, "x,\"y\"\tz\n", new BigDecimal("0.05"), Instant.parse("2024-01-02T03:04:05.678Z"));
        for (DataFormat format : List.of(DataFormat.CSV, DataFormat.TSV)) {
            MessageFormat codec = MessageFormat.of(format, COLUMNS, true);
            assertEquals(List.of(row), decode(codec, new String(codec.encode(row), StandardCharsets.UTF_8)), format.name());
        }
    }

    @Test
    void rawBlobIsTheWholeMessageAndNeedsOneStringColumn() {
        MessageFormat raw = MessageFormat.of(DataFormat.RAW_BLOB, List.of(Column.of("raw", BrookType.STRING)), true);
        assertEquals(List.of(List.of("{not json\nat all")), decode(raw, "{not json\nat all"));
        assertThrows(BrookException.class, () -> MessageFormat.of(DataFormat.RAW_BLOB, COLUMNS, true));
    }
}
