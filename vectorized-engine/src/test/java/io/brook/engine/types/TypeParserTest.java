package io.brook.engine.types;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeParserTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64",
            "decimal(10, 2)", "decimal(76, 0)", "bool", "string", "fixed_string(16)", "uuid", "date", "date32",
            "datetime", "datetime('UTC')", "datetime64(3)", "datetime64(9, 'Asia/Tokyo')", "array(int32)",
            "array(array(string))", "map(string, int64)", "tuple(int32, string)", "tuple(a int32, b nullable(string))",
            "nullable(int32)", "low_cardinality(string)", "nullable(low_cardinality(string))",
            "array(nullable(datetime64(3, 'UTC')))", "map(string, array(tuple(x float64, y float64)))", "nullable(nothing)"})
    void canonicalNamesRoundTrip(String name) {
        BrookType type = TypeParser.parse(name);
        assertEquals(name, type.toString());
        assertEquals(type, TypeParser.parse(type.toString()));
    }

    @Test
    void aliasesAndCaseAreAccepted() {
        assertEquals(BrookType.INT32, TypeParser.parse("INT"));
        assertEquals(BrookType.INT32, TypeParser.parse("Integer"));
        assertEquals(BrookType.INT64, TypeParser.parse("BIGINT"));
        assertEquals(BrookType.FLOAT32, TypeParser.parse("float"));
        assertEquals(BrookType.FLOAT64, TypeParser.parse("double"));
        assertEquals(BrookType.STRING, TypeParser.parse("varchar(255)"));
        assertEquals(BrookType.BOOL, TypeParser.parse("boolean"));
        assertEquals("nullable(int32)", TypeParser.parse("Nullable(Int32)").toString());
        assertEquals("low_cardinality(string)", TypeParser.parse("LowCardinality(String)").toString());
        assertEquals("datetime64(3)", TypeParser.parse("datetime64").toString());
        assertEquals("decimal(38, 10)", TypeParser.parse("decimal").toString());
        assertEquals("datetime('UTC')", TypeParser.parse("timestamp('UTC')").toString());
    }

    @Test
    void flagsAreIndependentOfTheKind() {
        BrookType type = TypeParser.parse("nullable(low_cardinality(string))");
        assertTrue(type.nullable());
        assertTrue(type.lowCardinality());
        assertEquals(BrookType.STRING, type.base());
    }

    @ParameterizedTest
    @ValueSource(strings = {"int33", "array(", "map(string)", "decimal(0, 0)", "decimal(10, 11)", "datetime64(10)",
            "fixed_string(0)", "int32 garbage", "", "tuple(a int32, string)"})
    void badNamesFail(String name) {
        BrookException error = assertThrows(BrookException.class, () -> TypeParser.parse(name));
        assertTrue(error.code() == ErrorCode.UNKNOWN_TYPE || error.code() == ErrorCode.ARGUMENT_OUT_OF_BOUND
                || error.code() == ErrorCode.BAD_ARGUMENTS, error.getMessage());
    }

    @Test
    void unknownTypeNamesTheFamily() {
        BrookException error = assertThrows(BrookException.class, () -> TypeParser.parse("money"));
        assertEquals("Unknown data type family: money", error.text());
    }
}
