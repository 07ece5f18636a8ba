package io.brook.engine.function.aggregate;

import io.brook.engine.expr.Expression;
import io.brook.engine.function.Arguments;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.TypeCoercion;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.util.List;

/**
 * The built-in aggregates: {@code count sum avg min max any any_last uniq uniq_exact
 * count_distinct}. count is uint64; sum widens (int to int64, uint to uint64, float to float64,
 * decimal to decimal(38, s)); avg is float64; min/max/any keep the argument's type.
 * {@code uniq} is exact here (a distinct count, not ClickHouse's approximate sketch).
 */
public final class AggregateFunctions {
    private AggregateFunctions() {
    }

    /** An aggregate bound by a function of its (name, arguments, distinct). */
    @FunctionalInterface
    private interface Binder {
        AggregateCall bind(String name, List<Expression> arguments, boolean distinct);
    }

    public static void register(FunctionRegistry registry) {
        register(registry, "count", 0, 1, (name, arguments, distinct) -> AggregateCall.of(name, arguments,
                distinct && !arguments.isEmpty(), BrookType.UINT64, context -> new CountAggregator(context.allocator()))
                .withMergeableStates());
        for (String alias : List.of("uniq", "uniq_exact", "count_distinct")) {
            register(registry, alias, 1, 1, (name, arguments, distinct) ->
                    AggregateCall.of(name, arguments, true, BrookType.UINT64, context -> new CountAggregator(context.allocator())));
        }
        register(registry, "sum", 1, 1, AggregateFunctions::sum);
        register(registry, "avg", 1, 1, (name, arguments, distinct) -> {
            BrookType input = numeric(name, arguments.getFirst());
            return AggregateCall.of(name, arguments, distinct, BrookType.FLOAT64.withNullable(input.nullable()),
                    context -> new AverageAggregator(context.allocator(), input)).withMergeableStates();
        });
        extremum(registry, "min", ExtremumAggregator.Mode.MIN);
        extremum(registry, "max", ExtremumAggregator.Mode.MAX);
        extremum(registry, "any", ExtremumAggregator.Mode.ANY);
        extremum(registry, "any_last", ExtremumAggregator.Mode.ANY_LAST);
    }

    private static void register(FunctionRegistry registry, String name, int minimum, int maximum, Binder binder) {
        registry.register(new AggregateFunction() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int minArguments() {
                return minimum;
            }

            @Override
            public int maxArguments() {
                return maximum;
            }

            @Override
            public AggregateCall bind(List<Expression> arguments, boolean distinct) {
                return binder.bind(name, arguments, distinct);
            }
        });
    }

    private static BrookType numeric(String name, Expression argument) {
        if (!Arguments.isNumeric(argument)) {
            throw Arguments.illegalType(name, argument);
        }
        return argument.type();
    }

    private static AggregateCall sum(String name, List<Expression> arguments, boolean distinct) {
        BrookType input = numeric(name, arguments.getFirst());
        TypeKind kind = input.kind();
        if (kind == TypeKind.DECIMAL) {
            if (input.precision() > 38) {
                throw Arguments.illegalType(name, arguments.getFirst());
            }
            BrookType result = BrookType.decimal(38, input.scale()).withNullable(input.nullable());
            return AggregateCall.of(name, arguments, distinct, result,
                    context -> new DecimalSumAggregator(context.allocator(), input.nullable())).withMergeableStates();
        }
        BrookType result = kind.isFloating() ? BrookType.FLOAT64
                : TypeCoercion.isSigned(kind) ? BrookType.INT64 : BrookType.UINT64;
        return AggregateCall.of(name, arguments, distinct, result.withNullable(input.nullable()),
                context -> new SumAggregator(context.allocator(), input)).withMergeableStates();
    }

    private static void extremum(FunctionRegistry registry, String functionName, ExtremumAggregator.Mode mode) {
        register(registry, functionName, 1, 1, (name, arguments, distinct) -> {
            BrookType input = arguments.getFirst().type();
            TypeKind kind = input.kind();
            boolean comparable = kind.isNumeric() || kind == TypeKind.BOOL || kind.isTemporal()
                    || kind.isStringLike() || kind == TypeKind.UUID;
            if (!comparable || kind == TypeKind.DECIMAL && input.precision() > 38) {
                throw Arguments.illegalType(name, arguments.getFirst());
            }
            AggregateCall call = AggregateCall.of(name, arguments, false, input,
                    context -> new ExtremumAggregator(context.allocator(), mode, input));
            // min and max merge by comparing; any and any_last depend on which row came first
            return mode == ExtremumAggregator.Mode.MIN || mode == ExtremumAggregator.Mode.MAX
                    ? call.withMergeableStates() : call;
        });
    }
}
