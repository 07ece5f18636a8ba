package io.brook.connector.timeplus;

import com.fasterxml.jackson.databind.JsonNode;
import io.brook.engine.types.TypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cells from the REST API's JSON to Java values, by column type. */
@Timeout(30)
class JsonCellsTest {

    private static Object decode(String json, String type) throws Exception {
        JsonNode node = RemoteBrook.JSON.readTree(json);
        return JsonCells.decode(node, TypeParser.parse(type));
    }

    @Test
    void decodesByColumnType() throws Exception {
        assertEquals(Instant.parse("2024-01-02T03:04:05.678Z"), decode("\"2024-01-02T03:04:05.678Z\"", "datetime64(3, 'UTC')"));
        assertEquals(LocalDate.of(2024, 1, 2), decode("\"2024-01-02\"", "date"));
        assertEquals(0, new BigDecimal("123456789012345678.25")
                .compareTo((BigDecimal) decode("123456789012345678.25", "decimal(38, 2)")));
        assertEquals(new BigDecimal("18446744073709551615"), decode("18446744073709551615", "uint64"));
        assertEquals(7L, decode("7", "int8"));
        assertEquals(Double.NaN, decode("\"NaN\"", "float64"));
        assertEquals(List.of(1L, 2L), decode("[1, 2]", "array(int32)"));
        assertEquals(Map.of(1L, "a"), decode("{\"1\": \"a\"}", "map(int32, string)"));
        assertEquals(List.of("x", Instant.EPOCH), decode("[\"x\", \"1970-01-01T00:00:00Z\"]",
                "tuple(string, datetime('UTC'))"));
        assertEquals(null, decode("null", "nullable(string)"));
    }
}
