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

import java.util.Arrays;
import java.util.List;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogicalAndConditionalFunctionsTest {
    private final FunctionRegistry registry = new FunctionRegistry();
    private final TestSupport support = TestSupport.create();
    private final Schema booleans = Schema.of("a", TypeParser.parse("nullable(bool)"), "b", TypeParser.parse("nullable(bool)"));
    /** Every combination of true, false and null. */
    private final List<List<Object>> truthTable = List.of(
            row(true, true), row(true, false), row(true, null),
            row(false, true), row(false, false), row(false, null),
            row(null, true), row(null, false), row(null, null));

    @AfterEach
    void close() {
        support.close();
    }

    private Expression call(String name, Expression... arguments) {
        return registry.call(name, List.of(arguments));
    }

    @Test
    void andFollowsThreeValuedLogic() {
        Expression and = call("and", booleans.column("a"), booleans.column("b"));
        assertEquals(Arrays.asList(true, false, null, false, false, false, null, false, null),
                support.evaluateRows(and, booleans, truthTable, row(true, true)));
        assertEquals(List.of(0), support.selectRows(and, booleans, truthTable, row(true, true)));
    }

    @Test
    void orFollowsThreeValuedLogic() {
        Expression or = call("or", booleans.column("a"), booleans.column("b"));
        assertEquals(Arrays.asList(true, true, true, true, false, null, true, null, null),
                support.evaluateRows(or, booleans, truthTable, row(false, false)));
        assertEquals(List.of(0, 1, 2, 3, 6), support.selectRows(or, booleans, truthTable, row(true, true)));
    }

    @Test
    void notKeepsNulls() {
        assertEquals(Arrays.asList(false, false, false, true, true, true, null, null, null),
                support.evaluateRows(call("not", booleans.column("a")), booleans, truthTable, row(true, true)));
    }

    @Test
    void nAryAndShortCircuitsAroundDivisionByZero() {
        Schema schema = Schema.of("x", BrookType.INT32, "y", BrookType.INT32);
        Expression guarded = call("and", call("not_equals", schema.column("x"), Literal.of(0, BrookType.INT32)),
                call("greater", call("divide", schema.column("y"), schema.column("x")), Literal.of(1, BrookType.INT32)),
                call("less", schema.column("y"), Literal.of(100, BrookType.INT32)));
        List<List<Object>> rows = List.of(row(0, 5), row(2, 10), row(2, 1), row(1, 500));
        assertEquals(List.of(false, true, false, false), support.evaluateRows(guarded, schema, rows, row(0, 0)));
        assertEquals(List.of(1), support.selectRows(guarded, schema, rows, row(0, 0)));
        Expression guardedOr = call("or", call("equals", schema.column("x"), Literal.of(0, BrookType.INT32)),
                call("greater", call("divide", schema.column("y"), schema.column("x")), Literal.of(1, BrookType.INT32)));
        assertEquals(List.of(0, 1, 3), support.selectRows(guardedOr, schema, rows, row(0, 0)));
    }

    @Test
    void constantsSimplify() {
        Expression column = booleans.column("a");
        assertSame(column, call("and", column, Literal.of(true, BrookType.BOOL)));
        assertEquals(Literal.of(false, BrookType.BOOL), call("and", column, Literal.of(false, BrookType.BOOL)));
        assertEquals(Literal.of(true, BrookType.BOOL), call("or", Literal.of(true, BrookType.BOOL), column));
        assertEquals("a AND b AND a", call("and", call("and", column, booleans.column("b")), column).describe());
    }

    @Test
    void numbersAreConditions() {
        Schema schema = Schema.of("n", BrookType.INT32);
        assertEquals(List.of(1), support.selectRows(call("and", schema.column("n"), schema.column("n")), schema,
                List.of(row(0), row(7)), row(0)));
        assertEquals(List.of(1), support.selectRows(schema.column("n"), schema, List.of(row(0), row(7)), row(0)));
    }

    @Test
    void isNullAndIsNotNull() {
        Schema schema = Schema.of("v", TypeParser.parse("nullable(string)"), "w", BrookType.INT32);
        List<List<Object>> rows = List.of(row("x", 1), row(null, 2));
        assertEquals(List.of(false, true), support.evaluateRows(call("is_null", schema.column("v")), schema, rows, row("f", 0)));
        assertEquals(List.of(0), support.selectRows(call("is_not_null", schema.column("v")), schema, rows, row(null, 0)));
        assertEquals(Literal.of(false, BrookType.BOOL), call("is_null", schema.column("w")));
        assertEquals(BrookType.BOOL, call("is_null", schema.column("v")).type());
    }

    @Test
    void ifAndMultiIfPickBranchesLazily() {
        Schema schema = Schema.of("x", BrookType.INT32, "s", BrookType.STRING);
        Expression safe = call("if", call("not_equals", schema.column("x"), Literal.of(0, BrookType.INT32)),
                call("int_div", Literal.of(100, BrookType.INT32), schema.column("x")), Literal.of(-1, BrookType.INT8));
        assertEquals(BrookType.INT32, safe.type());
        List<List<Object>> rows = List.of(row(0, "zero"), row(5, "five"), row(-50, "minus"));
        assertEquals(List.of(-1L, 20L, -2L), support.evaluateRows(safe, schema, rows, row(0, "")));
        Expression caseWhen = call("multi_if",
                call("less", schema.column("x"), Literal.of(0, BrookType.INT32)), Literal.of("negative", BrookType.STRING),
                call("equals", schema.column("x"), Literal.of(0, BrookType.INT32)), schema.column("s"),
                Literal.of("positive", BrookType.STRING));
        assertEquals(List.of("zero", "positive", "negative"), support.evaluateRows(caseWhen, schema, rows, row(1, "filler")));
    }

    @Test
    void conditionalTypesAreSupertypes() {
        Schema schema = Schema.of("c", BrookType.BOOL, "i", BrookType.INT32, "f", BrookType.FLOAT32);
        Expression mixed = call("if", schema.column("c"), schema.column("i"), schema.column("f"));
        assertEquals(BrookType.FLOAT64, mixed.type());
        assertEquals(List.of(1.0, 2.5), support.evaluateRows(mixed, schema, List.of(row(true, 1, 9f), row(false, 1, 2.5f)), row(true, 0, 0f)));
        Expression withNull = call("if", schema.column("c"), schema.column("i"), Literal.nullOf(BrookType.NOTHING));
        assertEquals("nullable(int32)", withNull.type().toString());
        assertEquals(Arrays.asList(1L, null), support.evaluateRows(withNull, schema, List.of(row(true, 1, 9f), row(false, 1, 2.5f)), row(true, 0, 0f)));
        assertThrows(BrookException.class, () -> call("if", schema.column("c"), schema.column("i"), Literal.of("x", BrookType.STRING)));
        BrookException count = assertThrows(BrookException.class, () -> call("multi_if", schema.column("c"), schema.column("i")));
        assertEquals(ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, count.code());
    }

    @Test
    void constantConditionsChooseAtBindTime() {
        Schema schema = Schema.of("i", BrookType.INT32);
        assertSame(schema.column("i").getClass(), call("if", Literal.of(true, BrookType.BOOL), schema.column("i"),
                Literal.of(0, BrookType.INT32)).getClass());
    }

    @Test
    void coalesceTakesFirstNonNull() {
        Schema schema = Schema.of("a", TypeParser.parse("nullable(int32)"), "b", TypeParser.parse("nullable(int64)"), "c", BrookType.INT8);
        List<List<Object>> rows = List.of(row(1, 2L, 3), row(null, 2L, 3), row(null, null, 3));
        Expression all = call("coalesce", schema.column("a"), schema.column("b"), schema.column("c"));
        assertEquals(BrookType.INT64, all.type());
        assertEquals(List.of(1L, 2L, 3L), support.evaluateRows(all, schema, rows, row(9, 9L, 9)));
        Expression twoNullables = call("if_null", schema.column("a"), schema.column("b"));
        assertEquals("nullable(int64)", twoNullables.type().toString());
        assertEquals(Arrays.asList(1L, 2L, null), support.evaluateRows(twoNullables, schema, rows, row(9, 9L, 9)));
        Expression strings = call("coalesce", Literal.nullOf(BrookType.NOTHING), Literal.of("x", BrookType.STRING));
        assertEquals(Literal.of("x", BrookType.STRING), strings);
    }

    @Test
    void coalesceOfStrings() {
        Schema schema = Schema.of("a", TypeParser.parse("nullable(string)"), "b", BrookType.STRING);
        assertEquals(List.of("first", "second", ""), support.evaluateRows(call("coalesce", schema.column("a"), schema.column("b")), schema,
                List.of(row("first", "x"), row(null, "second"), row(null, "")), row(null, "filler")));
        assertEquals(Arrays.asList(null, "x"), support.evaluateRows(call("null_if", schema.column("b"), Literal.of("drop", BrookType.STRING)), schema,
                List.of(row(null, "drop"), row(null, "x")), row(null, "drop")));
    }
}
