package io.brook.engine.function.scalar;

import io.brook.engine.expr.Expression;
import io.brook.engine.expr.FunctionCall;
import io.brook.engine.expr.IntervalLiteral;
import io.brook.engine.expr.IntervalUnit;
import io.brook.engine.expr.Literal;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.Scatter;
import io.brook.engine.expr.kernel.time.DateDifference;
import io.brook.engine.expr.kernel.time.TimeComponent;
import io.brook.engine.expr.kernel.time.TimeTruncation;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.JavaValues;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.expr.vector.VectorWriter;
import io.brook.engine.function.Arguments;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.ScalarFunction;
import io.brook.engine.function.TypeCoercion;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Time functions: {@code now()} (datetime('UTC')), {@code now64([p])} (datetime64(p, 'UTC')),
 * {@code earliest_ts()}, the {@code to_start_of_*} family, calendar fields ({@code to_year} ...),
 * {@code date_diff} and {@code to_unix_timestamp}. Fields and truncation use the value's time
 * zone (UTC when the type names none). now() is read per chunk, never folded into the plan.
 */
public final class TimeFunctions {
    private TimeFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(ScalarFunction.of("now", 0, 1, (name, arguments, functions) ->
                clock(name, BrookType.datetime(arguments.isEmpty() ? "UTC" : Arguments.constantString(name, arguments.getFirst())))));
        registry.register(ScalarFunction.of("now64", 0, 2, (name, arguments, functions) -> {
            int precision = arguments.isEmpty() ? 3 : (int) Arguments.constantInteger(name, arguments.getFirst());
            String zone = arguments.size() > 1 ? Arguments.constantString(name, arguments.get(1)) : "UTC";
            return clock(name, BrookType.datetime64(Math.max(0, Math.min(9, precision)), zone));
        }));
        registry.register(ScalarFunction.of("today", 0, 0, (name, arguments, functions) -> clock(name, BrookType.DATE)));
        registry.register(ScalarFunction.of("earliest_ts", 0, 0, (name, arguments, functions) ->
                Literal.of(Instant.EPOCH, BrookType.TP_TIME)));
        registry.register(ScalarFunction.of("earliest_timestamp", 0, 0, (name, arguments, functions) ->
                Literal.of(Instant.EPOCH, BrookType.TP_TIME)));
        truncation(registry, "to_start_of_second", IntervalUnit.SECOND);
        truncation(registry, "to_start_of_minute", IntervalUnit.MINUTE);
        truncation(registry, "to_start_of_hour", IntervalUnit.HOUR);
        truncation(registry, "to_start_of_day", IntervalUnit.DAY);
        truncation(registry, "to_start_of_week", IntervalUnit.WEEK);
        truncation(registry, "to_monday", IntervalUnit.WEEK);
        truncation(registry, "to_start_of_month", IntervalUnit.MONTH);
        truncation(registry, "to_start_of_quarter", IntervalUnit.QUARTER);
        truncation(registry, "to_start_of_year", IntervalUnit.YEAR);
        registry.register(ScalarFunction.of("to_start_of_five_minutes", 1, 1, (name, arguments, functions) ->
                truncate(name, arguments.getFirst(), IntervalUnit.MINUTE, 5)));
        registry.register(ScalarFunction.of("to_start_of_fifteen_minutes", 1, 1, (name, arguments, functions) ->
                truncate(name, arguments.getFirst(), IntervalUnit.MINUTE, 15)));
        registry.register(ScalarFunction.of("to_start_of_interval", 2, 2, (name, arguments, functions) -> {
            if (!(arguments.get(1) instanceof IntervalLiteral interval) || interval.amount() <= 0) {
                throw Arguments.illegalType(name, arguments.get(1));
            }
            return truncate(name, arguments.getFirst(), interval.unit(), interval.amount());
        }));
        component(registry, "to_year", TimeComponent.Field.YEAR, BrookType.UINT16);
        component(registry, "to_quarter", TimeComponent.Field.QUARTER, BrookType.UINT8);
        component(registry, "to_month", TimeComponent.Field.MONTH, BrookType.UINT8);
        component(registry, "to_day_of_month", TimeComponent.Field.DAY_OF_MONTH, BrookType.UINT8);
        component(registry, "to_day_of_week", TimeComponent.Field.DAY_OF_WEEK, BrookType.UINT8);
        component(registry, "to_day_of_year", TimeComponent.Field.DAY_OF_YEAR, BrookType.UINT16);
        component(registry, "to_hour", TimeComponent.Field.HOUR, BrookType.UINT8);
        component(registry, "to_minute", TimeComponent.Field.MINUTE, BrookType.UINT8);
        component(registry, "to_second", TimeComponent.Field.SECOND, BrookType.UINT8);
        registry.register(ScalarFunction.of("date_diff", 3, 3, TimeFunctions::dateDifference));
        registry.register(ScalarFunction.of("to_unix_timestamp", 1, 1, (name, arguments, functions) -> {
            requireTemporal(name, arguments.getFirst());
            return Arguments.convert(arguments.getFirst(), BrookType.INT64, functions);
        }));
    }

    /** A nondeterministic call filling every row with the current time. */
    private static Expression clock(String name, BrookType type) {
        ScalarKernel kernel = (operands, rows, output, context) -> {
            Instant now = Instant.now();
            long value = type.kind() == TypeKind.DATE ? now.getEpochSecond() / 86_400
                    : VectorWriter.ticks(JavaValues.truncate(now, type), type);
            long[] values = Scratch.current().longs(0, rows.size());
            Arrays.fill(values, 0, rows.size(), value);
            Scatter.longs(values, rows.selection(), rows.size(), output, Storage.of(type));
        };
        return FunctionCall.of(name, List.of(), type, kernel).nondeterministic();
    }

    private static void requireTemporal(String name, Expression value) {
        if (!value.type().kind().isTemporal()) {
            throw Arguments.illegalType(name, value);
        }
    }

    private static void truncation(FunctionRegistry registry, String functionName, IntervalUnit unit) {
        registry.register(ScalarFunction.of(functionName, 1, 1, (name, arguments, functions) ->
                truncate(name, arguments.getFirst(), unit, 1)));
    }

    /** Weeks and longer give a date (as in ClickHouse); shorter units keep the argument's type. */
    private static Expression truncate(String name, Expression value, IntervalUnit unit, long amount) {
        requireTemporal(name, value);
        BrookType input = value.type().base();
        boolean toDate = unit.isCalendar() || unit == IntervalUnit.WEEK;
        BrookType output = toDate ? BrookType.DATE
                : input.kind() == TypeKind.DATE || input.kind() == TypeKind.DATE32 ? BrookType.DATETIME : input;
        if (value instanceof Literal literal && literal.isNull()) {
            return Literal.nullOf(output);
        }
        return FunctionCall.of(name, List.of(value), output.withNullable(value.type().nullable()),
                new TimeTruncation(input, output, unit, amount));
    }

    private static void component(FunctionRegistry registry, String functionName, TimeComponent.Field field, BrookType result) {
        registry.register(ScalarFunction.of(functionName, 1, 1, (name, arguments, functions) -> {
            Expression value = arguments.getFirst();
            requireTemporal(name, value);
            return FunctionCall.of(name, List.of(value), result.withNullable(value.type().nullable()),
                    new TimeComponent(value.type().base(), field, result));
        }));
    }

    private static Expression dateDifference(String name, List<Expression> arguments, FunctionRegistry registry) {
        IntervalUnit unit = IntervalUnit.parse(Arguments.constantString(name, arguments.getFirst()));
        Expression start = arguments.get(1);
        Expression end = arguments.get(2);
        if (start instanceof Literal literal && end.type().kind().isTemporal()) {
            start = ComparisonFunctions.adaptConstant(literal, end.type(), registry);
        }
        if (end instanceof Literal literal && start.type().kind().isTemporal()) {
            end = ComparisonFunctions.adaptConstant(literal, start.type(), registry);
        }
        requireTemporal(name, start);
        requireTemporal(name, end);
        BrookType common = TypeCoercion.supertype(start.type().base(), end.type().base());
        List<Expression> operands = List.of(Arguments.convert(start, common, registry), Arguments.convert(end, common, registry));
        return FunctionCall.of(name, List.of(arguments.getFirst(), operands.get(0), operands.get(1)),
                Arguments.propagateNullable(BrookType.INT64, operands),
                dropFirstOperand(new DateDifference(common, unit)));
    }

    /** The unit argument is folded into the kernel; the kernel sees only the two times. */
    private static ScalarKernel dropFirstOperand(ScalarKernel kernel) {
        return (operands, rows, output, context) ->
                kernel.compute(Arrays.copyOfRange(operands, 1, operands.length), rows, output, context);
    }
}
