package io.brook.engine.function;

import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MathFunctionsTest {
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
    void absOfSignedIntegersIsUnsigned() {
        Schema schema = Schema.of("i", BrookType.INT8, "f", BrookType.FLOAT64);
        Expression abs = call("abs", schema.column("i"));
        assertEquals(BrookType.UINT8, abs.type());
        assertEquals(List.of(128L, 5L), support.evaluateRows(abs, schema, List.of(row(-128, 0.0), row(5, 0.0)), row(0, 0.0)));
        assertEquals(List.of(2.5), support.evaluateRows(call("abs", schema.column("f")), schema, List.of(row(0, -2.5)), row(0, 0.0)));
    }

    @Test
    void roundingKeepsTheType() {
        Schema schema = Schema.of("f", BrookType.FLOAT64, "i", BrookType.INT32, "d", TypeParser.parse("decimal(10, 3)"));
        List<List<Object>> rows = List.of(row(2.5, 1234, new BigDecimal("1.255")), row(-2.567, -1250, new BigDecimal("-1.255")));
        List<Object> filler = row(0.0, 0, BigDecimal.ZERO);
        assertEquals(List.of(2.0, -3.0), support.evaluateRows(call("round", schema.column("f")), schema, rows, filler));
        assertEquals(List.of(2.5, -2.57), support.evaluateRows(call("round", schema.column("f"), Literal.of(2, BrookType.INT8)), schema, rows, filler));
        assertEquals(List.of(1200L, -1300L), support.evaluateRows(call("round", schema.column("i"), Literal.of(-2, BrookType.INT8)), schema, rows, filler));
        assertEquals(List.of(new BigDecimal("1.260"), new BigDecimal("-1.260")),
                support.evaluateRows(call("round", schema.column("d"), Literal.of(2, BrookType.INT8)), schema, rows, filler));
        assertEquals(List.of(2.0, -3.0), support.evaluateRows(call("floor", schema.column("f")), schema, rows, filler));
        assertEquals(List.of(3.0, -2.0), support.evaluateRows(call("ceil", schema.column("f")), schema, rows, filler));
        assertEquals(List.of(1230L, -1250L), support.evaluateRows(call("floor", schema.column("i"), Literal.of(-1, BrookType.INT8)), schema, rows, filler));
        assertEquals(BrookType.INT32, call("round", schema.column("i")).type());
    }

    @Test
    void transcendentalFunctionsAreFloat64() {
        Schema schema = Schema.of("v", TypeParser.parse("nullable(int32)"));
        Expression sqrt = call("sqrt", schema.column("v"));
        assertEquals("nullable(float64)", sqrt.type().toString());
        List<Object> values = support.evaluateRows(sqrt, schema, List.of(row(16), row(-1), row((Object) null)), row(4));
        assertEquals(4.0, values.get(0));
        assertEquals(Double.NaN, values.get(1));
        assertEquals(null, values.get(2));
        assertEquals(List.of(8.0), support.evaluateRows(call("pow", schema.column("v"), Literal.of(3, BrookType.INT8)), schema, List.of(row(2)), row(1)));
        assertEquals(List.of(3.0), support.evaluateRows(call("log10", schema.column("v")), schema, List.of(row(1000)), row(1)));
        assertEquals(List.of(1.0), support.evaluateRows(call("exp", call("ln", schema.column("v"))), schema, List.of(row(1)), row(1)));
    }

    @Test
    void greatestAndLeast() {
        Schema schema = Schema.of("a", BrookType.INT32, "b", BrookType.FLOAT64, "s", BrookType.STRING, "t", BrookType.STRING);
        List<List<Object>> rows = List.of(row(1, 0.5, "b", "a"), row(-3, -1.0, "x", "xy"));
        List<Object> filler = row(0, 0.0, "", "");
        assertEquals(List.of(1.0, -1.0), support.evaluateRows(call("greatest", schema.column("a"), schema.column("b")), schema, rows, filler));
        assertEquals(List.of(0.5, -3.0), support.evaluateRows(call("least", schema.column("a"), schema.column("b")), schema, rows, filler));
        assertEquals(List.of("b", "xy"), support.evaluateRows(call("greatest", schema.column("s"), schema.column("t")), schema, rows, filler));
        assertEquals(List.of(1L, -1L), support.evaluateRows(call("sign", schema.column("a")), schema, rows, filler));
    }
}
