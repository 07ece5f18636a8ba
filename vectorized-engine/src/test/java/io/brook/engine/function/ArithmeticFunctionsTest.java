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
import java.util.Arrays;
import java.util.List;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Integer overflow wraps, as ClickHouse does (int64 max + 1 is int64 min); narrower integers get
 * a wider result type so they cannot overflow. Division of integers by zero fails, of floats
 * gives inf/nan.
 */
class ArithmeticFunctionsTest {
    private final FunctionRegistry registry = new FunctionRegistry();
    private final TestSupport support = TestSupport.create();

    @AfterEach
    void close() {
        support.close();
    }

    private static BrookType type(String name) {
        return TypeParser.parse(name);
    }

    private Expression call(String name, Expression... arguments) {
        return registry.call(name, List.of(arguments));
    }

    @Test
    void resultTypesFollowClickHouse() {
        Schema schema = Schema.of("i8", BrookType.INT8, "u8", BrookType.UINT8, "i32", BrookType.INT32, "i64", BrookType.INT64,
                "u64", BrookType.UINT64, "f32", BrookType.FLOAT32, "d", type("decimal(10, 2)"), "n", type("nullable(int32)"));
        assertEquals("int16", call("plus", schema.column("i8"), schema.column("i8")).type().toString());
        assertEquals("int16", call("plus", schema.column("i8"), schema.column("u8")).type().toString());
        assertEquals("uint16", call("plus", schema.column("u8"), schema.column("u8")).type().toString());
        assertEquals("int16", call("minus", schema.column("u8"), schema.column("u8")).type().toString());
        assertEquals("int64", call("plus", schema.column("i32"), schema.column("i32")).type().toString());
        assertEquals("int64", call("multiply", schema.column("i64"), schema.column("i64")).type().toString());
        assertEquals("uint64", call("plus", schema.column("u64"), schema.column("u64")).type().toString());
        assertEquals("float64", call("divide", schema.column("i32"), schema.column("i32")).type().toString());
        assertEquals("float64", call("plus", schema.column("f32"), schema.column("f32")).type().toString());
        assertEquals("float64", call("plus", schema.column("d"), schema.column("f32")).type().toString());
        assertEquals("decimal(38, 2)", call("plus", schema.column("d"), schema.column("i32")).type().toString());
        assertEquals("decimal(38, 4)", call("multiply", schema.column("d"), schema.column("d")).type().toString());
        assertEquals("nullable(int64)", call("plus", schema.column("n"), schema.column("i32")).type().toString());
        assertEquals("int32", call("modulo", schema.column("i32"), schema.column("i8")).type().toString());
        assertEquals("int16", call("negate", schema.column("u8")).type().toString());
    }

    @Test
    void integerArithmeticOverDenseAndSelectedRows() {
        Schema schema = Schema.of("a", BrookType.INT32, "b", BrookType.INT32);
        List<List<Object>> rows = List.of(row(1, 2), row(-5, 3), row(Integer.MAX_VALUE, Integer.MAX_VALUE), row(7, -2));
        List<Object> filler = row(0, 0);
        assertEquals(List.of(3L, -2L, 4294967294L, 5L),
                support.evaluateRows(call("plus", schema.column("a"), schema.column("b")), schema, rows, filler));
        assertEquals(List.of(-1L, -8L, 0L, 9L),
                support.evaluateRows(call("minus", schema.column("a"), schema.column("b")), schema, rows, filler));
        assertEquals(List.of(2L, -15L, 4611686014132420609L, -14L),
                support.evaluateRows(call("multiply", schema.column("a"), schema.column("b")), schema, rows, filler));
        assertEquals(List.of(0.5, -5.0 / 3, 1.0, -3.5),
                support.evaluateRows(call("divide", schema.column("a"), schema.column("b")), schema, rows, filler));
        assertEquals(List.of(1L, -2L, 0L, 1L),
                support.evaluateRows(call("modulo", schema.column("a"), schema.column("b")), schema, rows, filler));
        assertEquals(List.of(0L, -1L, 1L, -3L),
                support.evaluateRows(call("int_div", schema.column("a"), schema.column("b")), schema, rows, filler));
    }

    @Test
    void int64OverflowWraps() {
        Schema schema = Schema.of("a", BrookType.INT64);
        Expression plusOne = call("plus", schema.column("a"), Literal.of(1L, BrookType.INT64));
        assertEquals(List.of(Long.MIN_VALUE, 0L),
                support.evaluateRows(plusOne, schema, List.of(row(Long.MAX_VALUE), row(-1L)), row(0L)));
        Expression times = call("multiply", schema.column("a"), Literal.of(2L, BrookType.INT64));
        assertEquals(List.of(-2L), support.evaluateRows(times, schema, List.of(row(Long.MAX_VALUE)), row(0L)));
    }

    @Test
    void unsignedArithmeticStaysUnsigned() {
        Schema schema = Schema.of("a", BrookType.UINT64, "b", BrookType.UINT64);
        List<List<Object>> rows = List.of(row(new BigDecimal("18446744073709551615"), 2L));
        assertEquals(List.of(Long.MAX_VALUE),
                support.evaluateRows(call("int_div", schema.column("a"), schema.column("b")), schema, rows, row(1L, 1L)));
        assertEquals(List.of(1L), support.evaluateRows(call("modulo", schema.column("a"), schema.column("b")), schema, rows, row(1L, 1L)));
    }

    @Test
    void integerDivisionByZeroFailsButNotUnderNullOrUnselectedRows() {
        Schema schema = Schema.of("a", BrookType.INT32, "b", type("nullable(int32)"));
        Expression divide = call("divide", schema.column("a"), schema.column("b"));
        BrookException error = assertThrows(BrookException.class,
                () -> support.evaluateRows(divide, schema, List.of(row(1, 0)), row(1, 1)));
        assertEquals(ErrorCode.ILLEGAL_DIVISION, error.code());
        assertEquals("Division by zero", error.text());
        assertEquals(Arrays.asList(2.0, null), support.evaluateRows(divide, schema, List.of(row(4, 2), row(1, null)), row(1, 0)));
        assertThrows(BrookException.class, () -> support.evaluateRows(call("modulo", schema.column("a"), schema.column("b")),
                schema, List.of(row(1, 0)), row(1, 1)));
    }

    @Test
    void floatDivisionByZeroIsInfinityOrNan() {
        Schema schema = Schema.of("a", BrookType.FLOAT64, "b", BrookType.FLOAT64);
        List<Object> values = support.evaluateRows(call("divide", schema.column("a"), schema.column("b")), schema,
                List.of(row(1.0, 0.0), row(-1.0, 0.0), row(0.0, 0.0)), row(1.0, 1.0));
        assertEquals(Double.POSITIVE_INFINITY, values.get(0));
        assertEquals(Double.NEGATIVE_INFINITY, values.get(1));
        assertTrue(((Double) values.get(2)).isNaN());
    }

    @Test
    void nullsPropagate() {
        Schema schema = Schema.of("a", type("nullable(int64)"), "b", BrookType.FLOAT64);
        assertEquals(Arrays.asList(3.5, null),
                support.evaluateRows(call("plus", schema.column("a"), schema.column("b")), schema,
                        List.of(row(1L, 2.5), row(null, 1.0)), row(0L, 0.0)));
        Expression withNullLiteral = call("plus", schema.column("b"), Literal.nullOf(BrookType.NOTHING));
        assertTrue(withNullLiteral instanceof Literal literal && literal.isNull());
    }

    @Test
    void decimalArithmeticIsExact() {
        Schema schema = Schema.of("a", type("decimal(10, 2)"), "b", type("decimal(10, 3)"));
        List<List<Object>> rows = List.of(row(new BigDecimal("1.10"), new BigDecimal("2.005")),
                row(new BigDecimal("-3.00"), new BigDecimal("0.001")));
        List<Object> filler = row(BigDecimal.ONE, BigDecimal.ONE);
        assertEquals(List.of(new BigDecimal("3.105"), new BigDecimal("-2.999")),
                support.evaluateRows(call("plus", schema.column("a"), schema.column("b")), schema, rows, filler));
        assertEquals(List.of(new BigDecimal("2.20550"), new BigDecimal("-0.00300")),
                support.evaluateRows(call("multiply", schema.column("a"), schema.column("b")), schema, rows, filler));
        assertEquals(List.of(new BigDecimal("0.54"), new BigDecimal("-3000.00")),
                support.evaluateRows(call("divide", schema.column("a"), schema.column("b")), schema, rows, filler));
        Expression huge = call("multiply", schema.column("a"), Literal.of(new BigDecimal("100000000000000000000"), type("decimal(38, 0)")));
        assertEquals(List.of(new BigDecimal("110000000000000000000.00")),
                support.evaluateRows(huge, schema, List.of(rows.getFirst()), filler));
    }

    @Test
    void negateAndMixedTypes() {
        Schema schema = Schema.of("u", BrookType.UINT8, "f", BrookType.FLOAT32);
        assertEquals(List.of(-200L), support.evaluateRows(call("negate", schema.column("u")), schema, List.of(row(200L, 1.5f)), row(0L, 0f)));
        assertEquals(List.of(201.5), support.evaluateRows(call("plus", schema.column("u"), schema.column("f")), schema,
                List.of(row(200L, 1.5f)), row(0L, 0f)));
    }

    @Test
    void constantsFold() {
        Expression folded = call("plus", Literal.of(2L, BrookType.INT32), Literal.of(3L, BrookType.INT32));
        assertTrue(folded instanceof Literal);
        assertEquals(5L, ((Literal) folded).value());
        assertEquals(BrookType.INT64, folded.type());
        assertThrows(BrookException.class, () -> call("int_div", Literal.of(1L, BrookType.INT32), Literal.of(0L, BrookType.INT32)));
    }

    @Test
    void nonNumbersAreRejected() {
        Schema schema = Schema.of("s", BrookType.STRING, "i", BrookType.INT32);
        BrookException error = assertThrows(BrookException.class, () -> call("plus", schema.column("s"), schema.column("i")));
        assertEquals(ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT, error.code());
        assertEquals("Illegal type string of argument of function plus", error.text());
    }

    @Test
    void describeReadsLikeSql() {
        Schema schema = Schema.of("a", BrookType.INT32, "b", BrookType.INT32);
        Expression expression = call("multiply", call("plus", schema.column("a"), schema.column("b")), Literal.of(2L, BrookType.INT8));
        assertEquals("(a + b) * 2", expression.describe());
    }
}
