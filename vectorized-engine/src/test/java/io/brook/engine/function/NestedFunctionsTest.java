package io.brook.engine.function;

import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NestedFunctionsTest {
    private final FunctionRegistry registry = new FunctionRegistry();
    private final TestSupport support = TestSupport.create();

    @AfterEach
    void close() {
        support.close();
    }

    private Expression call(String name, Expression... arguments) {
        return registry.call(name, List.of(arguments));
    }

    @Test
    void arrayOfConstantsFoldsToALiteral() {
        Expression array = call("array", Literal.of(1, BrookType.INT8), Literal.of(2.5, BrookType.FLOAT64));
        assertTrue(array instanceof Literal);
        assertEquals("array(float64)", array.type().toString());
        assertEquals(List.of(1.0, 2.5), ((Literal) array).value());
        assertEquals("[1.0, 2.5]", array.describe());
    }

    @Test
    void constructorsOverColumns() {
        Schema schema = Schema.of("a", BrookType.INT32, "s", TypeParser.parse("nullable(string)"));
        List<List<Object>> rows = List.of(row(1, "x"), row(2, null));
        assertEquals(List.of(List.of(1L, 10L), List.of(2L, 10L)),
                support.evaluateRows(call("array", schema.column("a"), Literal.of(10, BrookType.INT32)), schema, rows, row(0, "")));
        assertEquals(List.of(Arrays.asList(1L, "x"), Arrays.asList(2L, null)),
                support.evaluateRows(call("tuple", schema.column("a"), schema.column("s")), schema, rows, row(0, "")));
        Expression map = call("map", Literal.of("k", BrookType.STRING), schema.column("a"));
        assertEquals("map(string, int32)", map.type().toString());
        assertEquals(List.of(Map.of("k", 1L), Map.of("k", 2L)), support.evaluateRows(map, schema, rows, row(0, "")));
    }

    @Test
    void lengthAndEmptinessOfArrays() {
        Schema schema = Schema.of("a", TypeParser.parse("array(string)"));
        List<List<Object>> rows = List.of(row(List.of("a", "b")), row(List.of()));
        assertEquals(List.of(2L, 0L), support.evaluateRows(call("length", schema.column("a")), schema, rows, row(List.of("f"))));
        assertEquals(List.of(false, true), support.evaluateRows(call("empty", schema.column("a")), schema, rows, row(List.of("f"))));
    }

    @Test
    void elementAccess() {
        Schema schema = Schema.of("a", TypeParser.parse("array(int64)"), "m", TypeParser.parse("map(string, int64)"));
        List<List<Object>> rows = List.of(row(List.of(10L, 20L, 30L), Map.of("x", 1L)));
        List<Object> filler = row(List.of(), Map.of());
        assertEquals(List.of(10L), support.evaluateRows(call("array_element", schema.column("a"), Literal.of(1, BrookType.INT8)), schema, rows, filler));
        assertEquals(List.of(30L), support.evaluateRows(call("array_element", schema.column("a"), Literal.of(-1, BrookType.INT8)), schema, rows, filler));
        assertEquals(List.of(0L), support.evaluateRows(call("array_element", schema.column("a"), Literal.of(9, BrookType.INT8)), schema, rows, filler));
        assertEquals(List.of(1L), support.evaluateRows(call("array_element", schema.column("m"), Literal.of("x", BrookType.STRING)), schema, rows, filler));
        assertEquals(List.of(0L), support.evaluateRows(call("array_element", schema.column("m"), Literal.of("y", BrookType.STRING)), schema, rows, filler));
    }
}
