package io.brook.engine.sql;

import io.brook.engine.sql.ast.*;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionParserTest {

    @Test
    void scalarPythonFunction() {
        CreateFunction function = (CreateFunction) SqlParser.parse("""
                CREATE FUNCTION add_one(a int64, b nullable(string)) RETURNS int64 LANGUAGE PYTHON AS $$
                def add_one(a, b):
                    return [x + 1 for x in a]
                $$""");
        assertEquals("add_one", function.name());
        assertFalse(function.orReplace());
        assertFalse(function.aggregate());
        assertEquals(List.of(new ParameterDef("a", DataTypeSpec.of("int64")),
                new ParameterDef("b", DataTypeSpec.of("nullable", DataTypeSpec.of("string")))), function.parameters());
        assertEquals(DataTypeSpec.of("int64"), function.returns());
        assertEquals("PYTHON", function.language());
        assertEquals("\ndef add_one(a, b):\n    return [x + 1 for x in a]\n", function.body());
        assertEquals(1, function.bodyLine());
    }

    @Test
    void aggregateFunctionOrReplace() {
        CreateFunction function = (CreateFunction) SqlParser.parse(
                "create or replace aggregate function my_sum(v float64) returns float64 language python "
                        + "as $$class my_sum:\n    def finalize(self): return 0$$;");
        assertTrue(function.orReplace());
        assertTrue(function.aggregate());
        assertEquals("python", function.language());
        assertTrue(function.body().startsWith("class my_sum:"));
    }

    @Test
    void functionWithoutParameters() {
        CreateFunction function = (CreateFunction) SqlParser.parse(
                "CREATE FUNCTION f() RETURNS string LANGUAGE PYTHON AS $$def f(): return ['x']$$");
        assertEquals(List.of(), function.parameters());
    }

    @Test
    void dropFunction() {
        assertEquals(new DropFunction("f", false), SqlParser.parse("DROP FUNCTION f"));
        assertEquals(new DropFunction("f", true), SqlParser.parse("DROP FUNCTION IF EXISTS f"));
    }
}
