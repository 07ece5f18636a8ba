package io.brook.engine.function;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Comparison;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.expr.kernel.CompareKind;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonFunctionsTest {
    private final FunctionRegistry registry = new FunctionRegistry();
    private final TestSupport support = TestSupport.create();

    @AfterEach
    void close() {
        support.close();
    }

    private Expression call(String name, Expression... arguments) {
        return registry.call(name, List.of(arguments));
    }

    /** Rows where the comparison is true, computed both by evaluating and by the filter path. */
    private List<Integer> matching(Expression predicate, Schema schema, List<List<Object>> rows, List<Object> filler) {
        List<Object> values = support.evaluateRows(predicate, schema, rows, filler);
        List<Integer> evaluated = new ArrayList<>();
        for (int index = 0; index < values.size(); index++) {
            if (Boolean.TRUE.equals(values.get(index))) {
                evaluated.add(index);
            }
        }
        assertEquals(evaluated, support.selectRows(predicate, schema, rows, filler), "filter and evaluation disagree: " + predicate.describe());
        return evaluated;
    }

    @ParameterizedTest
    @CsvSource({
            "equals, 5, '[2]'", "not_equals, 5, '[0, 1, 3, 4]'", "less, 5, '[0, 1]'", "less_or_equals, 5, '[0, 1, 2]'",
            "greater, 5, '[3, 4]'", "greater_or_equals, 5, '[2, 3, 4]'", "greater, 9223372036854775807, '[]'",
            "less, -9223372036854775808, '[]'"})
    void int64AgainstConstant(String function, long constant, String expected) {
        Schema schema = Schema.of("v", BrookType.INT64);
        List<List<Object>> rows = List.of(row(Long.MIN_VALUE), row(1L), row(5L), row(6L), row(Long.MAX_VALUE));
        Expression predicate = call(function, schema.column("v"), Literal.of(constant, BrookType.INT64));
        assertEquals(expected, matching(predicate, schema, rows, row(5L)).toString());
        Expression swapped = call(function, Literal.of(constant, BrookType.INT64), schema.column("v"));
        assertEquals(matching(call(switch (function) {
            case "less" -> "greater";
            case "greater" -> "less";
            case "less_or_equals" -> "greater_or_equals";
            case "greater_or_equals" -> "less_or_equals";
            default -> function;
        }, schema.column("v"), Literal.of(constant, BrookType.INT64)), schema, rows, row(5L)),
                matching(swapped, schema, rows, row(5L)));
    }

    @Test
    void integerColumnAgainstFractionalConstant() {
        Schema schema = Schema.of("v", BrookType.INT32);
        List<List<Object>> rows = List.of(row(1), row(2), row(3));
        assertEquals(List.of(2), matching(call("greater", schema.column("v"), Literal.of(2.5, BrookType.FLOAT64)), schema, rows, row(0)));
        assertEquals(List.of(1, 2), matching(call("greater_or_equals", schema.column("v"), Literal.of(1.5, BrookType.FLOAT64)), schema, rows, row(0)));
        assertEquals(List.of(), matching(call("equals", schema.column("v"), Literal.of(2.5, BrookType.FLOAT64)), schema, rows, row(0)));
        assertEquals(List.of(0, 1, 2), matching(call("not_equals", schema.column("v"), Literal.of(2.5, BrookType.FLOAT64)), schema, rows, row(0)));
        assertEquals(List.of(0, 1, 2), matching(call("less", schema.column("v"), Literal.of(1e30, BrookType.FLOAT64)), schema, rows, row(0)));
    }

    @Test
    void floatsWithNanAndNulls() {
        Schema schema = Schema.of("v", TypeParser.parse("nullable(float64)"));
        List<List<Object>> rows = List.of(row(1.0), row(Double.NaN), row((Object) null), row(-0.0), row(Double.POSITIVE_INFINITY));
        assertEquals(List.of(0, 4), matching(call("greater", schema.column("v"), Literal.of(0.0, BrookType.FLOAT64)), schema, rows, row(0.0)));
        assertEquals(List.of(3), matching(call("equals", schema.column("v"), Literal.of(0.0, BrookType.FLOAT64)), schema, rows, row(0.0)));
        assertEquals(List.of(0, 1, 4), matching(call("not_equals", schema.column("v"), Literal.of(0.0, BrookType.FLOAT64)), schema, rows, row(0.0)));
        assertEquals(List.of(), matching(call("greater", schema.column("v"), Literal.of(Double.POSITIVE_INFINITY, BrookType.FLOAT64)), schema, rows, row(0.0)));
        List<Object> values = support.evaluateRows(call("less", schema.column("v"), Literal.of(2, BrookType.INT32)), schema, rows, row(0.0));
        assertEquals(Arrays.asList(true, false, null, true, false), values);
    }

    /**
     * Every storage against constants over more rows than one mask word holds (whole words and
     * a tail), with nulls and NaN: the filter, the evaluation and the row mask must agree.
     */
    @Test
    void constantComparisonsOverManyRows() {
        Schema schema = Schema.of("a", BrookType.INT8, "b", TypeParser.parse("nullable(int32)"), "c", BrookType.INT64,
                "d", BrookType.UINT64, "e", BrookType.FLOAT32, "f", TypeParser.parse("nullable(float64)"), "g", BrookType.FLOAT64,
                "h", BrookType.BOOL, "i", BrookType.UINT16);
        List<List<Object>> rows = new ArrayList<>();
        for (int k = 0; k < 150; k++) {
            double g = k % 11 == 0 ? Double.NaN : k % 17 == 0 ? Double.NEGATIVE_INFINITY : (k * 7) % 23 - 11.5;
            rows.add(row((k * 5) % 21 - 10, k % 4 == 0 ? null : (k * 3) % 17 - 8, (k * 7L) % 19 - 9,
                    k % 3 == 0 ? new BigDecimal("18446744073709551615") : BigDecimal.valueOf(k % 9), ((k * 3) % 13 - 6) / 2.0f,
                    k % 5 == 0 ? null : k % 7 == 0 ? Double.NaN : ((k * 11) % 29 - 14) / 4.0, g, k % 2 == 0, (k * 13) % 50));
        }
        List<Object> filler = row(0, 0, 0L, 0L, 0f, 0.0, 0.0, false, 0);
        for (String column : List.of("a", "b", "c", "d", "e", "f", "g", "h", "i")) {
            for (String function : List.of("equals", "not_equals", "less", "less_or_equals", "greater", "greater_or_equals")) {
                for (Literal constant : List.of(Literal.of(1, BrookType.INT32), Literal.of(-2.5, BrookType.FLOAT64),
                        Literal.of(0.0, BrookType.FLOAT64), Literal.of(Double.NaN, BrookType.FLOAT64))) {
                    if (column.equals("h") && constant.type().kind().isFloating()) {
                        continue;
                    }
                    matching(call(function, schema.column(column), constant), schema, rows, filler);
                    matching(call(function, constant, schema.column(column)), schema, rows, filler);
                }
            }
        }
    }

    @Test
    void columnAgainstColumnOfMixedTypes() {
        Schema schema = Schema.of("a", BrookType.INT8, "b", BrookType.UINT32, "c", BrookType.FLOAT32);
        List<List<Object>> rows = List.of(row(-1, 4000000000L, 0.5f), row(3, 3L, 3.0f), row(5, 4L, 4.5f));
        assertEquals(List.of(0), matching(call("less", schema.column("a"), schema.column("b")), schema, rows, row(0, 0L, 0f)));
        assertEquals(List.of(1), matching(call("equals", schema.column("a"), schema.column("c")), schema, rows, row(0, 0L, 0f)));
        assertEquals(List.of(2), matching(call("greater", schema.column("a"), schema.column("c")), schema, rows, row(0, 0L, 0f)));
    }

    @Test
    void unsigned64UsesUnsignedOrder() {
        Schema schema = Schema.of("u", BrookType.UINT64);
        List<List<Object>> rows = List.of(row(1L), row(new BigDecimal("18446744073709551615")));
        Expression predicate = call("greater", schema.column("u"), Literal.of(5L, BrookType.INT8));
        assertEquals(CompareKind.UNSIGNED, ((Comparison) predicate).kind());
        assertEquals(List.of(1), matching(predicate, schema, rows, row(0L)));
    }

    @Test
    void stringsCompareByBytes() {
        Schema schema = Schema.of("s", TypeParser.parse("nullable(string)"));
        List<List<Object>> rows = List.of(row("apple"), row("banana"), row((Object) null), row(""), row("äpfel"), row("apple pie"));
        assertEquals(List.of(0), matching(call("equals", schema.column("s"), Literal.of("apple", BrookType.STRING)), schema, rows, row("apple")));
        assertEquals(List.of(1, 3, 4, 5), matching(call("not_equals", schema.column("s"), Literal.of("apple", BrookType.STRING)), schema, rows, row("apple")));
        assertEquals(List.of(1, 4, 5), matching(call("greater", schema.column("s"), Literal.of("apple", BrookType.STRING)), schema, rows, row("apple")));
        assertEquals(List.of(3), matching(call("less", schema.column("s"), Literal.of("a", BrookType.STRING)), schema, rows, row("")));
    }

    @Test
    void textConstantsBecomeDatesAndDatetimes() {
        Schema schema = Schema.of("d", BrookType.DATE, "t", BrookType.TP_TIME);
        List<List<Object>> rows = List.of(
                row(LocalDate.parse("2023-12-31"), Instant.parse("2024-01-01T00:00:00.001Z")),
                row(LocalDate.parse("2024-01-01"), Instant.parse("2023-12-31T23:59:59.999Z")));
        assertEquals(List.of(1), matching(call("greater_or_equals", schema.column("d"), Literal.of("2024-01-01", BrookType.STRING)), schema, rows, rows.get(0)));
        assertEquals(List.of(0), matching(call("greater", schema.column("t"), Literal.of("2024-01-01 00:00:00", BrookType.STRING)), schema, rows, rows.get(0)));
        assertEquals(List.of(0), matching(call("greater", schema.column("t"), schema.column("d")), schema, rows, rows.get(0)));
        BrookException error = assertThrows(BrookException.class,
                () -> call("equals", schema.column("d"), Literal.of("yesterday", BrookType.STRING)));
        assertEquals(ErrorCode.CANNOT_PARSE_TEXT, error.code());
        assertTrue(error.text().contains("'yesterday'"), error.text());
    }

    @Test
    void decimalsCompareAtACommonScale() {
        Schema schema = Schema.of("d", TypeParser.parse("decimal(10, 2)"));
        List<List<Object>> rows = List.of(row(new BigDecimal("1.50")), row(new BigDecimal("1.49")));
        assertEquals(List.of(0), matching(call("greater_or_equals", schema.column("d"), Literal.of(new BigDecimal("1.5"), TypeParser.parse("decimal(5, 1)"))), schema, rows, rows.get(0)));
        assertEquals(List.of(0), matching(call("greater", schema.column("d"), Literal.of(1.495, BrookType.FLOAT64)), schema, rows, rows.get(0)));
    }

    @Test
    void inListWithConstants() {
        Schema schema = Schema.of("v", TypeParser.parse("nullable(int32)"), "s", BrookType.STRING);
        List<List<Object>> rows = List.of(row(1, "a"), row(2, "b"), row(null, "c"), row(300, "d"));
        Expression in = call("in", schema.column("v"), Literal.of(2L, BrookType.UINT8), Literal.of(300L, BrookType.INT64),
                Literal.nullOf(BrookType.INT32), Literal.of(5000000000L, BrookType.INT64));
        assertEquals(Arrays.asList(false, true, null, true), support.evaluateRows(in, schema, rows, row(2, "b")));
        assertEquals(List.of(1, 3), support.selectRows(in, schema, rows, row(2, "b")));
        Expression notIn = call("not_in", schema.column("s"), Literal.of("a", BrookType.STRING), Literal.of("d", BrookType.STRING));
        assertEquals(List.of(false, true, true, false), support.evaluateRows(notIn, schema, rows, row(2, "a")));
        assertEquals("v IN (2, 300, NULL, 5000000000)", in.describe());
    }

    @Test
    void inListWithExpressionsIsAnOr() {
        Schema schema = Schema.of("a", BrookType.INT32, "b", BrookType.INT32);
        Expression in = call("in", schema.column("a"), schema.column("b"), Literal.of(7, BrookType.INT32));
        assertEquals(List.of(true, false, true), support.evaluateRows(in, schema, List.of(row(1, 1), row(2, 3), row(7, 0)), row(0, 1)));
    }

    @Test
    void incomparableTypesFail() {
        Schema schema = Schema.of("s", BrookType.STRING, "i", BrookType.INT32);
        BrookException error = assertThrows(BrookException.class, () -> call("less", schema.column("s"), schema.column("i")));
        assertEquals(ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT, error.code());
    }

    @Test
    void comparisonWithNullIsNull() {
        Schema schema = Schema.of("i", BrookType.INT32);
        Expression predicate = call("equals", schema.column("i"), Literal.nullOf(BrookType.NOTHING));
        assertTrue(predicate instanceof Literal literal && literal.isNull());
    }
}
