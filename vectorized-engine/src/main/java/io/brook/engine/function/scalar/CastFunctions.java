package io.brook.engine.function.scalar;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.FunctionCall;
import io.brook.engine.expr.Literal;
import io.brook.engine.expr.NullHandling;
import io.brook.engine.expr.RetypedExpression;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.cast.CastKernel.OnError;
import io.brook.engine.expr.kernel.cast.CastKernels;
import io.brook.engine.expr.vector.JavaValues;
import io.brook.engine.function.Arguments;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.ScalarFunction;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import io.brook.engine.types.TypeParser;

import java.util.List;
import java.util.Map;

/**
 * CAST and the {@code to_*} conversion functions. CAST is strict about NULL (into a
 * non-nullable type it fails); {@code to_int32(x)} keeps x's nullability;
 * {@code to_int32_or_null} and {@code to_int32_or_zero} turn unconvertible values into NULL or 0.
 */
public final class CastFunctions {
    private static final Map<String, BrookType> TARGETS = Map.ofEntries(
            Map.entry("to_int8", BrookType.INT8), Map.entry("to_int16", BrookType.INT16),
            Map.entry("to_int32", BrookType.INT32), Map.entry("to_int64", BrookType.INT64),
            Map.entry("to_uint8", BrookType.UINT8), Map.entry("to_uint16", BrookType.UINT16),
            Map.entry("to_uint32", BrookType.UINT32), Map.entry("to_uint64", BrookType.UINT64),
            Map.entry("to_float32", BrookType.FLOAT32), Map.entry("to_float64", BrookType.FLOAT64),
            Map.entry("to_float", BrookType.FLOAT64), Map.entry("to_string", BrookType.STRING),
            Map.entry("to_bool", BrookType.BOOL), Map.entry("to_date", BrookType.DATE),
            Map.entry("to_date32", BrookType.DATE32), Map.entry("to_uuid", BrookType.UUID));

    private CastFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(ScalarFunction.of("cast", 2, 2, (name, arguments, functions) ->
                cast(arguments.get(0), TypeParser.parse(Arguments.constantString(name, arguments.get(1))), true)));
        for (Map.Entry<String, BrookType> entry : TARGETS.entrySet()) {
            BrookType target = entry.getValue();
            registry.register(ScalarFunction.of(entry.getKey(), 1, 1, (name, arguments, functions) ->
                    convert(name, arguments.getFirst(), target, OnError.FAIL)));
            if (target.kind() != TypeKind.STRING) {
                registry.register(ScalarFunction.of(entry.getKey() + "_or_null", 1, 1, (name, arguments, functions) ->
                        convert(name, arguments.getFirst(), target.withNullable(true), OnError.NULL)));
                registry.register(ScalarFunction.of(entry.getKey() + "_or_zero", 1, 1, (name, arguments, functions) ->
                        convert(name, arguments.getFirst(), target, OnError.ZERO)));
            }
        }
        registry.register(ScalarFunction.of("to_datetime", 1, 2, (name, arguments, functions) ->
                convert(name, arguments.getFirst(), BrookType.datetime(zone(name, arguments, 1)), OnError.FAIL)));
        registry.register(ScalarFunction.of("to_datetime_or_null", 1, 2, (name, arguments, functions) ->
                convert(name, arguments.getFirst(), BrookType.datetime(zone(name, arguments, 1)).withNullable(true), OnError.NULL)));
        registry.register(ScalarFunction.of("to_datetime64", 1, 3, (name, arguments, functions) -> {
            int precision = arguments.size() > 1 ? (int) Arguments.constantInteger(name, arguments.get(1)) : 3;
            if (precision < 0 || precision > 9) {
                throw new BrookException(ErrorCode.ARGUMENT_OUT_OF_BOUND, "datetime64 precision " + precision + " is out of range 0..9");
            }
            return convert(name, arguments.getFirst(), BrookType.datetime64(precision, zone(name, arguments, 2)), OnError.FAIL);
        }));
        registry.register(ScalarFunction.of("to_decimal", 2, 3, (name, arguments, functions) -> {
            // to_decimal(x, scale) is decimal(38, scale); to_decimal(x, precision, scale) names both
            int precision = arguments.size() == 3 ? (int) Arguments.constantInteger(name, arguments.get(1)) : 38;
            int scale = (int) Arguments.constantInteger(name, arguments.getLast());
            if (precision < 1 || precision > 76 || scale < 0 || scale > precision) {
                throw new BrookException(ErrorCode.ARGUMENT_OUT_OF_BOUND,
                        "Decimal precision " + precision + " and scale " + scale + " are out of range");
            }
            return convert(name, arguments.getFirst(), BrookType.decimal(precision, scale), OnError.FAIL);
        }));
        registerSizedDecimal(registry, "to_decimal32", 9);
        registerSizedDecimal(registry, "to_decimal64", 18);
        registerSizedDecimal(registry, "to_decimal128", 38);
        registerSizedDecimal(registry, "to_decimal256", 76);
    }

    private static void registerSizedDecimal(FunctionRegistry registry, String functionName, int precision) {
        registry.register(ScalarFunction.of(functionName, 2, 2, (name, arguments, functions) -> convert(name, arguments.getFirst(),
                BrookType.decimal(precision, (int) Arguments.constantInteger(name, arguments.get(1))), OnError.FAIL)));
    }

    /** The time zone named by argument {@code index}, or the source's own zone. */
    private static String zone(String function, List<Expression> arguments, int index) {
        if (arguments.size() > index) {
            return Arguments.constantString(function, arguments.get(index));
        }
        return arguments.getFirst().type().timezone();
    }

    /** CAST(e AS target), described as SQL; {@code strict}: NULL into a non-nullable type fails. */
    public static Expression cast(Expression expression, BrookType target, boolean strict) {
        return bind(expression, target, OnError.FAIL, strict, "CAST(" + expression.describe() + " AS " + target + ")", "cast");
    }

    /** An implicit conversion inserted by the registry, shown as CAST in EXPLAIN. */
    public static Expression convert(Expression expression, BrookType target, boolean strict) {
        return cast(expression, target, strict);
    }

    private static Expression convert(String function, Expression expression, BrookType target, OnError onError) {
        BrookType result = target.withNullable(target.nullable() || expression.type().nullable()
                || expression.type().kind() == TypeKind.NOTHING);
        return bind(expression, result, onError, false, function + "(" + expression.describe() + ")", function);
    }

    private static Expression bind(Expression expression, BrookType target, OnError onError, boolean strict,
                                   String text, String name) {
        if (expression.type().kind() == TypeKind.NOTHING || expression instanceof Literal literal && literal.isNull()) {
            if (strict && !target.nullable()) {
                throw new BrookException(ErrorCode.CANNOT_CONVERT_TYPE, "Cannot convert NULL value to non-Nullable type " + target);
            }
            return Literal.nullOf(target);
        }
        if (expression instanceof Literal literal && target.kind().isNested()) {
            return Literal.of(JavaValues.normalize(literal.value(), target), target);
        }
        ScalarKernel kernel = CastKernels.of(expression.type(), target, onError, strict);
        if (kernel == null) {
            return expression.type().equals(target) ? expression : new RetypedExpression(expression, target, text);
        }
        return FunctionCall.of(name, List.of(expression), target, kernel)
                .withNullHandling(NullHandling.KERNEL)
                .describedAs(text);
    }
}
