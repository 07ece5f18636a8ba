package io.brook.engine.expr.vector;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Literal;
import io.brook.engine.operator.ChunkBuilder;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Java values through Arrow vectors of every Brook type and back, by the builder and by literals. */
class VectorRoundTripTest {
    private final TestSupport support = TestSupport.create();

    @AfterEach
    void close() {
        support.close();
    }

    static Stream<Arguments> samples() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("b", 2L);
        map.put("a", null);
        return Stream.of(
                Arguments.of("int8", -128L), Arguments.of("int16", 32767L), Arguments.of("int32", -5L), Arguments.of("int64", Long.MIN_VALUE),
                Arguments.of("uint8", 255L), Arguments.of("uint16", 65535L), Arguments.of("uint32", 4294967295L),
                Arguments.of("uint64", new BigDecimal("18446744073709551615")), Arguments.of("uint64", 7L),
                Arguments.of("float32", 1.25f), Arguments.of("float64", -0.1), Arguments.of("decimal(20, 4)", new BigDecimal("-1234567890123.4567")),
                Arguments.of("decimal(60, 2)", new BigDecimal("123456789012345678901234567890.12")), Arguments.of("bool", true),
                Arguments.of("string", "héllo 😀"), Arguments.of("low_cardinality(string)", "x"), Arguments.of("fixed_string(3)", "abc"),
                Arguments.of("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
                Arguments.of("date", LocalDate.parse("2024-02-29")), Arguments.of("date32", LocalDate.parse("1900-01-01")),
                Arguments.of("datetime", Instant.parse("2024-01-01T10:00:00Z")),
                Arguments.of("datetime64(3, 'UTC')", Instant.parse("1969-12-31T23:59:59.999Z")),
                Arguments.of("datetime64(9)", Instant.parse("2024-01-01T10:00:00.123456789Z")),
                Arguments.of("array(nullable(int32))", Arrays.asList(1L, null, 3L)), Arguments.of("array(array(string))", List.of(List.of("a"), List.of())),
                Arguments.of("map(string, nullable(int64))", map), Arguments.of("tuple(a int32, b string)", List.of(1L, "x")),
                Arguments.of("nullable(float64)", 2.0));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void builderAndReaderRoundTrip(String typeName, Object value) {
        BrookType type = TypeParser.parse(typeName).withNullable(true);
        try (Chunk chunk = ChunkBuilder.of(List.of("c"), List.of(type), List.of(Arrays.asList(value), Arrays.asList((Object) null),
                Arrays.asList(value)), support.context().allocator())) {
            assertEquals(3, chunk.size());
            assertEquals(value, VectorReader.value(chunk.column(0), 0));
            assertEquals(null, VectorReader.value(chunk.column(0), 1));
            assertEquals(value, VectorReader.value(chunk.column(0), 2));
            assertEquals(type, Vectors.type(chunk.column(0)));
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void literalsFillEveryPosition(String typeName, Object value) {
        BrookType type = TypeParser.parse(typeName);
        Literal literal = Literal.of(value, type);
        try (Chunk chunk = Chunk.of(List.of(), 4)) {
            assertEquals(List.of(value, value, value, value), support.evaluate(literal, chunk));
            assertEquals(Arrays.asList(null, null, null, null), support.evaluate(Literal.nullOf(type), chunk));
        }
    }

    @Test
    void naturalJavaFormsAreAccepted() {
        assertEquals(5L, Literal.of(5, BrookType.INT8).value());
        assertEquals(1.5, Literal.of(1.5f, BrookType.FLOAT64).value());
        assertEquals(new BigDecimal("2.50"), Literal.of(2.5, TypeParser.parse("decimal(5, 2)")).value());
        assertEquals(Instant.parse("2024-01-01T09:00:00Z"), Literal.of(LocalDateTime.parse("2024-01-01T10:00:00"),
                TypeParser.parse("datetime('Europe/Paris')")).value());
        assertEquals(Instant.parse("2024-01-01T10:00:00.123Z"), Literal.of(Instant.parse("2024-01-01T10:00:00.123999Z"),
                BrookType.TP_TIME).value());
        assertEquals("ab", Literal.of("ab".getBytes(java.nio.charset.StandardCharsets.UTF_8), BrookType.STRING).value());
    }

    @Test
    void valuesThatDoNotFitFail() {
        BrookException range = assertThrows(BrookException.class, () -> Literal.of(300, BrookType.INT8));
        assertEquals(ErrorCode.VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE, range.code());
        assertEquals("Value 300 is out of range of int8", range.text());
        assertThrows(BrookException.class, () -> Literal.of(-1, BrookType.UINT64));
        assertThrows(BrookException.class, () -> Literal.of("x", BrookType.INT32));
        assertThrows(BrookException.class, () -> Literal.of(new BigDecimal("1000"), TypeParser.parse("decimal(4, 2)")));
        assertEquals(ErrorCode.TOO_LARGE_STRING_SIZE,
                assertThrows(BrookException.class, () -> Literal.of("abcd", BrookType.fixedString(2))).code());
    }
}
