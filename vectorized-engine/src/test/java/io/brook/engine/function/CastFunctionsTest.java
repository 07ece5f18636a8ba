package io.brook.engine.function;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CastFunctionsTest {
    private final FunctionRegistry registry = new FunctionRegistry();
    private final TestSupport support = TestSupport.create();

    @AfterEach
    void close() {
        support.close();
    }

    private static BrookType type(String name) {
        return TypeParser.parse(name);
    }

    private List<Object> castColumn(BrookType from, Object value, String to) {
        Schema schema = Schema.of("v", from);
        return support.evaluateRows(registry.cast(schema.column("v"), type(to)), schema, List.of(row(value)), row((Object) null));
    }

    private Object castValue(BrookType from, Object value, String to) {
        return castColumn(from, value, to).getFirst();
    }

    private Object constant(Object value, BrookType from, String to) {
        Expression folded = registry.cast(Literal.of(value, from), type(to));
        assertTrue(folded instanceof Literal, "casts of constants fold");
        return ((Literal) folded).value();
    }

    @Test
    void integersWrapWhenNarrowed() {
        assertEquals(44L, castValue(BrookType.INT32, 300, "uint8"));
        assertEquals(255L, castValue(BrookType.INT32, -1, "uint8"));
        assertEquals(-128L, castValue(BrookType.INT32, 128, "int8"));
        assertEquals(44L, constant(300L, BrookType.INT32, "uint8"));
    }

    @Test
    void floatsTruncateAndFailOutOfRange() {
        assertEquals(-2L, castValue(BrookType.FLOAT64, -2.9, "int32"));
        assertEquals(3L, castValue(BrookType.FLOAT64, 3.99, "int64"));
        BrookException error = assertThrows(BrookException.class, () -> castValue(BrookType.FLOAT64, 1e20, "int32"));
        assertEquals(ErrorCode.VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE, error.code());
        assertEquals("Value 100000000000000000000 is out of range of type int32", error.text());
        assertThrows(BrookException.class, () -> castValue(BrookType.FLOAT64, Double.NaN, "int64"));
        assertEquals(new BigDecimal("18446744073709549568"), castValue(BrookType.FLOAT64, 1.8446744073709549568e19, "uint64"));
        assertEquals(1.5f, castValue(BrookType.FLOAT64, 1.5, "float32"));
        assertEquals(true, castValue(BrookType.FLOAT64, 0.1, "bool"));
    }

    @Test
    void stringsParse() {
        assertEquals(42L, castValue(BrookType.STRING, "42", "int32"));
        assertEquals(-7L, castValue(BrookType.STRING, "-7", "int8"));
        assertEquals(2.5, castValue(BrookType.STRING, "2.5", "float64"));
        assertEquals(Double.POSITIVE_INFINITY, castValue(BrookType.STRING, "inf", "float64"));
        assertEquals(new BigDecimal("3.14"), castValue(BrookType.STRING, "3.149", "decimal(5, 2)"));
        assertEquals(true, castValue(BrookType.STRING, "true", "bool"));
        assertEquals(LocalDate.parse("2024-02-29"), castValue(BrookType.STRING, "2024-02-29", "date"));
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), castValue(BrookType.STRING, "2024-01-02 03:04:05", "datetime"));
        assertEquals(Instant.parse("2024-01-02T03:04:05.123Z"), castValue(BrookType.STRING, "2024-01-02T03:04:05.123456Z", "datetime64(3, 'UTC')"));
        assertEquals(Instant.parse("2024-01-02T02:04:05Z"), castValue(BrookType.STRING, "2024-01-02 03:04:05", "datetime('Europe/Berlin')"));
        assertEquals(Instant.parse("2024-07-02T01:04:05Z"), castValue(BrookType.STRING, "2024-07-02 03:04:05", "datetime('Europe/Berlin')"));
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), castValue(BrookType.STRING, "1700000000", "datetime"));
        assertEquals(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                castValue(BrookType.STRING, "123e4567-e89b-12d3-a456-426614174000", "uuid"));
        assertEquals("ab", castValue(BrookType.STRING, "ab", "fixed_string(4)").toString().substring(0, 2));
    }

    @Test
    void unparsableTextNamesTheValue() {
        BrookException notNumber = assertThrows(BrookException.class, () -> castValue(BrookType.STRING, "abc", "int32"));
        assertEquals(ErrorCode.CANNOT_PARSE_TEXT, notNumber.code());
        assertEquals("Cannot parse string 'abc' as int32", notNumber.text());
        BrookException tooBig = assertThrows(BrookException.class, () -> castValue(BrookType.STRING, "300", "int8"));
        assertEquals(ErrorCode.VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE, tooBig.code());
        assertTrue(tooBig.text().contains("300"));
        assertThrows(BrookException.class, () -> castValue(BrookType.STRING, "2024-02-30", "date"));
        assertThrows(BrookException.class, () -> castValue(BrookType.STRING, " 1", "int32"));
        assertThrows(BrookException.class, () -> castValue(BrookType.STRING, "1e5x", "float64"));
        BrookException tooLong = assertThrows(BrookException.class, () -> castValue(BrookType.STRING, "abcdef", "fixed_string(2)"));
        assertEquals(ErrorCode.TOO_LARGE_STRING_SIZE, tooLong.code());
    }

    @Test
    void valuesFormatAsText() {
        assertEquals("-12", castValue(BrookType.INT64, -12L, "string"));
        assertEquals("18446744073709551615", castValue(BrookType.UINT64, new BigDecimal("18446744073709551615"), "string"));
        assertEquals("1", castValue(BrookType.FLOAT64, 1.0, "string"));
        assertEquals("0.1", castValue(BrookType.FLOAT64, 0.1, "string"));
        assertEquals("0.1", castValue(BrookType.FLOAT32, 0.1f, "string"));
        assertEquals("1e+30", castValue(BrookType.FLOAT64, 1e30, "string"));
        assertEquals("nan", castValue(BrookType.FLOAT64, Double.NaN, "string"));
        assertEquals("1.50", castValue(type("decimal(5, 2)"), new BigDecimal("1.5"), "string"));
        assertEquals("true", castValue(BrookType.BOOL, true, "string"));
        assertEquals("2024-01-31", castValue(BrookType.DATE, LocalDate.parse("2024-01-31"), "string"));
        assertEquals("2024-01-31 13:45:00", castValue(BrookType.DATETIME, Instant.parse("2024-01-31T13:45:00Z"), "string"));
        assertEquals("2024-01-31 14:45:00.120", castValue(type("datetime64(3, 'Europe/Paris')"), Instant.parse("2024-01-31T13:45:00.12Z"), "string"));
        assertEquals("[1,2,3]", castValue(type("array(int32)"), List.of(1, 2, 3), "string"));
        assertEquals("['a','b']", constant(List.of("a", "b"), type("array(string)"), "string"));
    }

    @Test
    void temporalConversions() {
        Instant instant = Instant.parse("2024-03-10T23:30:15.250Z");
        assertEquals(LocalDate.parse("2024-03-10"), castValue(BrookType.TP_TIME, instant, "date"));
        assertEquals(LocalDate.parse("2024-03-11"), castValue(type("datetime64(3, 'Asia/Tokyo')"), instant, "date"));
        assertEquals(Instant.parse("2024-03-10T23:30:15Z"), castValue(BrookType.TP_TIME, instant, "datetime"));
        assertEquals(Instant.parse("2024-03-10T00:00:00Z"), castValue(BrookType.DATE, LocalDate.parse("2024-03-10"), "datetime64(3, 'UTC')"));
        assertEquals(Instant.parse("2024-03-09T15:00:00Z"), castValue(BrookType.DATE, LocalDate.parse("2024-03-10"), "datetime('Asia/Tokyo')"));
        assertEquals(1710113415L, castValue(BrookType.TP_TIME, instant, "int64"));
        assertEquals(1710113415.25, castValue(BrookType.TP_TIME, instant, "float64"));
        assertEquals(Instant.parse("1970-01-01T00:00:10Z"), castValue(BrookType.INT32, 10, "datetime"));
        assertEquals(Instant.parse("1970-01-01T00:00:01.500Z"), castValue(BrookType.FLOAT64, 1.5, "datetime64(3)"));
        assertEquals(LocalDate.parse("1970-01-11"), castValue(BrookType.INT32, 10, "date"));
        assertEquals(19792L, castValue(BrookType.DATE, LocalDate.parse("2024-03-10"), "int32"));
    }

    @Test
    void decimalConversions() {
        assertEquals(new BigDecimal("12.00"), castValue(BrookType.INT32, 12, "decimal(10, 2)"));
        assertEquals(new BigDecimal("-1.23"), castValue(BrookType.FLOAT64, -1.239, "decimal(10, 2)"));
        assertEquals(new BigDecimal("1.2"), castValue(type("decimal(10, 3)"), new BigDecimal("1.299"), "decimal(5, 1)"));
        assertEquals(-1L, castValue(type("decimal(10, 3)"), new BigDecimal("-1.999"), "int32"));
        assertEquals(1.25, castValue(type("decimal(10, 2)"), new BigDecimal("1.25"), "float64"));
        assertThrows(BrookException.class, () -> castValue(BrookType.INT32, 1000, "decimal(4, 2)"));
        Schema schema = Schema.of("f", BrookType.FLOAT64);
        assertEquals("decimal(38, 3)", registry.call("to_decimal", schema.column("f"), Literal.of(3, BrookType.UINT8)).type().toString());
        assertEquals("decimal(9, 2)", registry.call("to_decimal32", schema.column("f"), Literal.of(2, BrookType.UINT8)).type().toString());
        assertEquals(List.of(new BigDecimal("2.71")), support.evaluateRows(registry.call("to_decimal", schema.column("f"),
                Literal.of(10, BrookType.UINT8), Literal.of(2, BrookType.UINT8)), schema, List.of(row(2.718)), row(0.0)));
    }

    @Test
    void arraysCastElementWise() {
        assertEquals(List.of("1", "2"), castValue(type("array(int32)"), List.of(1, 2), "array(string)"));
        assertEquals(List.of(1.0, 2.5), castValue(type("array(float32)"), List.of(1.0f, 2.5f), "array(float64)"));
    }

    @Test
    void castIsStrictAboutNullsAndConversionFunctionsAreNot() {
        Schema schema = Schema.of("v", type("nullable(int32)"));
        BrookException error = assertThrows(BrookException.class, () -> support.evaluateRows(
                registry.cast(schema.column("v"), BrookType.INT64), schema, List.of(row((Object) null)), row(1)));
        assertEquals(ErrorCode.CANNOT_CONVERT_TYPE, error.code());
        Expression toInt64 = registry.call("to_int64", schema.column("v"));
        assertEquals("nullable(int64)", toInt64.type().toString());
        assertEquals(Arrays.asList(5L, null), support.evaluateRows(toInt64, schema, List.of(row(5), row((Object) null)), row(1)));
        assertEquals(Arrays.asList(5L, null), support.evaluateRows(registry.cast(schema.column("v"), type("nullable(int64)")),
                schema, List.of(row(5), row((Object) null)), row(1)));
    }

    @Test
    void orNullAndOrZeroVariants() {
        Schema schema = Schema.of("s", BrookType.STRING);
        List<List<Object>> rows = List.of(row("12"), row("x"), row(""));
        assertEquals(Arrays.asList(12L, null, null),
                support.evaluateRows(registry.call("to_int32_or_null", schema.column("s")), schema, rows, row("bad")));
        assertEquals(List.of(12L, 0L, 0L),
                support.evaluateRows(registry.call("to_int32_or_zero", schema.column("s")), schema, rows, row("bad")));
        assertEquals(Arrays.asList(null, LocalDate.parse("2024-01-01")),
                support.evaluateRows(registry.call("to_date_or_null", schema.column("s")), schema, List.of(row("no"), row("2024-01-01")), row("bad")));
    }

    @Test
    void conversionFunctionsAndCastFunctionForm() {
        Schema schema = Schema.of("s", BrookType.STRING);
        assertEquals("datetime64(6, 'UTC')", registry.call("to_datetime64", schema.column("s"), Literal.of(6, BrookType.UINT8),
                Literal.of("UTC", BrookType.STRING)).type().toString());
        assertEquals(BrookType.FLOAT64, registry.call("to_float", schema.column("s")).type());
        Expression castCall = registry.call("cast", schema.column("s"), Literal.of("nullable(int16)", BrookType.STRING));
        assertEquals("nullable(int16)", castCall.type().toString());
        assertEquals("CAST(s AS nullable(int16))", castCall.describe());
        assertEquals(Arrays.asList(3L, null), support.evaluateRows(castCall, schema, List.of(row("3"), row((Object) null)), row("1"))
                .stream().toList());
    }

    @Test
    void nullLiteralCasts() {
        assertEquals(Literal.nullOf(type("nullable(int32)")), registry.cast(Literal.nullOf(BrookType.NOTHING), type("nullable(int32)")));
        BrookException error = assertThrows(BrookException.class, () -> registry.cast(Literal.nullOf(BrookType.NOTHING), BrookType.INT32));
        assertEquals(ErrorCode.CANNOT_CONVERT_TYPE, error.code());
    }
}
