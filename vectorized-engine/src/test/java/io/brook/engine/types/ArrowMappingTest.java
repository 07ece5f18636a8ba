package io.brook.engine.types;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArrowMappingTest {

    static Stream<Arguments> everyType() {
        return Stream.of(
                Arguments.of("int8", new ArrowType.Int(8, true)),
                Arguments.of("int16", new ArrowType.Int(16, true)),
                Arguments.of("int32", new ArrowType.Int(32, true)),
                Arguments.of("int64", new ArrowType.Int(64, true)),
                Arguments.of("uint8", new ArrowType.Int(8, false)),
                Arguments.of("uint16", new ArrowType.Int(16, false)),
                Arguments.of("uint32", new ArrowType.Int(32, false)),
                Arguments.of("uint64", new ArrowType.Int(64, false)),
                Arguments.of("float32", new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.SINGLE)),
                Arguments.of("float64", new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE)),
                Arguments.of("decimal(10, 2)", new ArrowType.Decimal(10, 2, 128)),
                Arguments.of("decimal(50, 5)", new ArrowType.Decimal(50, 5, 256)),
                Arguments.of("bool", ArrowType.Bool.INSTANCE),
                Arguments.of("string", ArrowType.Utf8.INSTANCE),
                Arguments.of("low_cardinality(string)", ArrowType.Utf8.INSTANCE),
                Arguments.of("fixed_string(8)", new ArrowType.FixedSizeBinary(8)),
                Arguments.of("uuid", new ArrowType.FixedSizeBinary(16)),
                Arguments.of("date", new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY)),
                Arguments.of("date32", new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY)),
                Arguments.of("datetime", new ArrowType.Timestamp(TimeUnit.SECOND, null)),
                Arguments.of("datetime('UTC')", new ArrowType.Timestamp(TimeUnit.SECOND, "UTC")),
                Arguments.of("datetime64(0, 'UTC')", new ArrowType.Timestamp(TimeUnit.SECOND, "UTC")),
                Arguments.of("datetime64(3, 'UTC')", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")),
                Arguments.of("datetime64(6)", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
                Arguments.of("datetime64(9)", new ArrowType.Timestamp(TimeUnit.NANOSECOND, null)),
                Arguments.of("array(int32)", ArrowType.List.INSTANCE),
                Arguments.of("map(string, nullable(int64))", new ArrowType.Map(false)),
                Arguments.of("tuple(a int32, b string)", ArrowType.Struct.INSTANCE),
                Arguments.of("nullable(float64)", new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE)),
                Arguments.of("nothing", ArrowType.Null.INSTANCE));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void eachTypeHasOneArrowTypeAndRoundTripsThroughTheField(String name, ArrowType expected) {
        BrookType type = TypeParser.parse(name);
        Field field = ArrowMapping.field("c", type);
        assertEquals(expected, field.getType());
        assertEquals(type.nullable() || type.kind() == TypeKind.NOTHING, field.isNullable());
        assertEquals(type, ArrowMapping.type(field));
        try (RootAllocator allocator = new RootAllocator();
             FieldVector vector = field.createVector(allocator)) {
            vector.allocateNew();
            assertEquals(type, ArrowMapping.type(vector.getField()));
        }
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void everyTypeHasAJdbcMapping(String name, ArrowType ignored) {
        BrookType type = TypeParser.parse(name);
        JdbcMapping.sqlType(type);
        JdbcMapping.javaClass(type);
        JdbcMapping.precision(type);
    }
}
