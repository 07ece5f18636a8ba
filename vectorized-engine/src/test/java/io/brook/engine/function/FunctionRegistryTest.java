package io.brook.engine.function;

import io.brook.engine.catalog.FunctionInfo;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.FunctionCall;
import io.brook.engine.expr.Literal;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionRegistryTest {
    private final FunctionRegistry registry = new FunctionRegistry();
    private final Schema schema = Schema.of("i", BrookType.INT32, "s", BrookType.STRING);

    @Test
    void unknownFunctionsFailWithTheTimeplusText() {
        BrookException error = assertThrows(BrookException.class, () -> registry.call("no_such_function", List.of()));
        assertEquals(ErrorCode.UNKNOWN_FUNCTION, error.code());
        assertEquals("Unknown function no_such_function", error.text());
        assertEquals("Unknown function no_such_function (UNKNOWN_FUNCTION)", error.getMessage());
    }

    @Test
    void wrongArgumentCountsFail() {
        BrookException error = assertThrows(BrookException.class, () -> registry.call("lower", List.of()));
        assertEquals(ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, error.code());
        assertEquals("Number of arguments for function lower doesn't match: passed 0, should be 1", error.text());
        assertThrows(BrookException.class, () -> registry.aggregate("sum", List.of(), false));
    }

    @Test
    void namesResolveCaseInsensitivelyForBuiltIns() {
        Expression call = registry.call("LOWER", List.of(schema.column("s")));
        assertEquals(BrookType.STRING, call.type());
        assertTrue(registry.isAggregate("count"));
        assertTrue(registry.isAggregate("SUM"));
        assertFalse(registry.isAggregate("lower"));
    }

    @Test
    void aggregatesInScalarPlacesAreReported() {
        BrookException error = assertThrows(BrookException.class, () -> registry.call("sum", List.of(schema.column("i"))));
        assertEquals(ErrorCode.ILLEGAL_AGGREGATION, error.code());
    }

    @Test
    void aggregateCallsCarryTypesAndDistinct() {
        AggregateCall sum = registry.aggregate("sum", List.of(schema.column("i")), false);
        assertEquals(BrookType.INT64, sum.type());
        assertEquals("sum(i)", sum.describe());
        AggregateCall distinct = registry.aggregate("count", List.of(schema.column("s")), true);
        assertTrue(distinct.distinct());
        assertEquals("count(DISTINCT s)", distinct.describe());
        AggregateCall uniq = registry.aggregate("uniq", List.of(schema.column("s")), false);
        assertTrue(uniq.distinct());
        assertEquals(BrookType.UINT64, uniq.type());
        assertThrows(BrookException.class, () -> registry.aggregate("avg", List.of(schema.column("s")), false));
    }

    @Test
    void userFunctionsCanBeRegisteredAndDropped() {
        registry.register(ScalarFunction.of("double_it", 1, 1, (name, arguments, functions) ->
                functions.call("multiply", arguments.getFirst(), Literal.of(2, BrookType.INT8))));
        assertTrue(registry.exists("double_it"));
        assertEquals(Literal.of(42L, BrookType.INT64), registry.call("double_it", List.of(Literal.of(21, BrookType.INT32))));
        assertTrue(registry.unregister("double_it"));
        assertFalse(registry.exists("double_it"));
    }

    @Test
    void listsFunctionsForShowFunctions() {
        List<FunctionInfo> functions = registry.functions();
        assertTrue(functions.stream().anyMatch(info -> info.name().equals("to_start_of_interval") && !info.aggregate()));
        assertTrue(functions.stream().anyMatch(info -> info.name().equals("uniq") && info.aggregate()));
        assertTrue(functions.size() > 120, "built-ins: " + functions.size());
    }

    @Test
    void foldingKeepsNondeterministicCallsAndFoldsTheRest() {
        Expression folded = registry.call("concat", List.of(Literal.of("a", BrookType.STRING), Literal.of(1, BrookType.INT32)));
        assertEquals(Literal.of("a1", BrookType.STRING), folded);
        Expression now = registry.call("to_start_of_day", List.of(registry.call("now", List.of())));
        assertTrue(now instanceof FunctionCall);
    }

    @Test
    void intervalUnitsAndShorthand() {
        assertEquals("INTERVAL 5 SECOND", registry.interval(5, "s").describe());
        assertEquals("INTERVAL 2 DAY", registry.interval(2, "days").describe());
        assertEquals("INTERVAL 1 MILLISECOND", registry.interval(1, "ms").describe());
        assertEquals("INTERVAL 3 MINUTE", registry.interval(3, "m").describe());
        assertEquals("INTERVAL 1 QUARTER", registry.interval(1, "QUARTER").describe());
        assertThrows(BrookException.class, () -> registry.interval(1, "fortnight"));
    }
}
