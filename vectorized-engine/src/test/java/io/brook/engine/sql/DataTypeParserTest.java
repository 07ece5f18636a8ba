package io.brook.engine.sql;

import io.brook.engine.sql.ast.DataTypeSpec;
import io.brook.engine.sql.ast.DataTypeSpec.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataTypeParserTest {

    @Test
    void typesWithArguments() {
        assertEquals(DataTypeSpec.of("int64"), SqlParser.parseType("int64"));
        assertEquals(DataTypeSpec.of("nullable", DataTypeSpec.of("int32")), SqlParser.parseType("nullable(int32)"));
        assertEquals(DataTypeSpec.of("decimal", 10, 2), SqlParser.parseType("decimal(10, 2)"));
        assertEquals(DataTypeSpec.of("datetime64", 3, "UTC"), SqlParser.parseType("datetime64(3, 'UTC')"));
        assertEquals(DataTypeSpec.of("map", DataTypeSpec.of("string"), DataTypeSpec.of("int64")),
                SqlParser.parseType("map(string, int64)"));
        assertEquals(DataTypeSpec.of("tuple", new Field("a", DataTypeSpec.of("int32")),
                        new Field("b", DataTypeSpec.of("string"))),
                SqlParser.parseType("tuple(a int32, b string)"));
        assertEquals(DataTypeSpec.of("low_cardinality", DataTypeSpec.of("string")),
                SqlParser.parseType("low_cardinality(string)"));
    }

    @Test
    void nameKeepsItsCase() {
        assertEquals("DateTime64", SqlParser.parseType("DateTime64(3)").name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"int64", "nullable(int32)", "low_cardinality(string)", "decimal(10, 2)",
            "datetime64(3, 'UTC')", "datetime64(3)", "fixed_string(16)", "array(int64)", "map(string, int64)",
            "tuple(int32, string)", "tuple(a int32, b string)", "array(nullable(tuple(x float64, y map(string, "
            + "array(int8)))))", "datetime64(3, 'it\\'s')"})
    void toStringRoundTrips(String text) {
        DataTypeSpec type = SqlParser.parseType(text);
        assertEquals(text, type.toString());
        assertEquals(type, SqlParser.parseType(type.toString()));
    }
}
