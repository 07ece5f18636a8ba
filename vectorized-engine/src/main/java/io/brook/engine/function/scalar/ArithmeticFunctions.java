package io.brook.engine.function.scalar;

import io.brook.engine.expr.Expression;
import io.brook.engine.expr.FunctionCall;
import io.brook.engine.expr.IntervalLiteral;
import io.brook.engine.expr.Literal;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.DecimalArithmetic;
import io.brook.engine.expr.kernel.DoubleArithmetic;
import io.brook.engine.expr.kernel.LongArithmetic;
import io.brook.engine.expr.kernel.UnaryMath;
import io.brook.engine.expr.kernel.time.TemporalShift;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.function.Arguments;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.ScalarFunction;
import io.brook.engine.function.TypeCoercion;
import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.util.List;

/**
 * {@code plus minus multiply divide modulo int_div negate}, with ClickHouse's result types:
 * integer plus/multiply widen to the next size (int64 stays int64 and wraps on overflow), minus
 * is signed, divide gives float64, any float gives float64, decimals keep exact scales. Dates and
 * datetimes move by intervals ({@code t - INTERVAL 2 DAY}) or by a number of days / seconds.
 */
public final class ArithmeticFunctions {

    private enum Operation { PLUS, MINUS, MULTIPLY, DIVIDE, MODULO, INT_DIVIDE }

    private ArithmeticFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        binary(registry, "plus", "+", Operation.PLUS);
        binary(registry, "minus", "-", Operation.MINUS);
        binary(registry, "multiply", "*", Operation.MULTIPLY);
        binary(registry, "divide", "/", Operation.DIVIDE);
        binary(registry, "modulo", "%", Operation.MODULO);
        binary(registry, "int_div", null, Operation.INT_DIVIDE);
        registry.register(ScalarFunction.of("negate", 1, 1, (name, arguments, functions) -> negate(arguments.getFirst())));
    }

    private static void binary(FunctionRegistry registry, String name, String symbol, Operation operation) {
        registry.register(ScalarFunction.of(name, 2, 2, (function, arguments, functions) -> {
            Expression call = bind(function, operation, arguments.get(0), arguments.get(1), functions);
            return symbol != null && call instanceof FunctionCall bound ? bound.asOperator(symbol) : call;
        }));
    }

    private static Expression bind(String name, Operation operation, Expression left, Expression right, FunctionRegistry registry) {
        if (right instanceof IntervalLiteral interval && (operation == Operation.PLUS || operation == Operation.MINUS)) {
            return shift(name, left, interval, operation == Operation.MINUS);
        }
        if (left instanceof IntervalLiteral interval && operation == Operation.PLUS) {
            return shift(name, right, interval, false);
        }
        List<Expression> arguments = List.of(left, right);
        BrookType leftType = left.type().base();
        BrookType rightType = right.type().base();
        if (leftType.kind() == TypeKind.NOTHING || rightType.kind() == TypeKind.NOTHING) {
            BrookType other = leftType.kind() == TypeKind.NOTHING ? rightType : leftType;
            return Literal.nullOf(other.kind() == TypeKind.NOTHING ? BrookType.NOTHING : other);
        }
        if (leftType.kind().isTemporal() || rightType.kind().isTemporal()) {
            return temporal(name, operation, left, right, registry);
        }
        if (!Arguments.isNumeric(left) || !Arguments.isNumeric(right)) {
            throw Arguments.illegalType(name, Arguments.isNumeric(left) ? right : left);
        }
        BrookType result = resultType(operation, leftType, rightType);
        ScalarKernel kernel = kernel(operation, leftType, rightType, result);
        BrookType type = Arguments.propagateNullable(result, arguments);
        if (Arguments.anyNullLiteral(arguments)) {
            return Literal.nullOf(type);
        }
        return FunctionCall.of(name, arguments, type, kernel);
    }

    private static BrookType resultType(Operation operation, BrookType left, BrookType right) {
        boolean floating = left.kind().isFloating() || right.kind().isFloating();
        boolean decimal = left.kind() == TypeKind.DECIMAL || right.kind() == TypeKind.DECIMAL;
        if (floating || operation == Operation.DIVIDE && !decimal) {
            return BrookType.FLOAT64;
        }
        if (decimal) {
            return decimalResult(operation, left, right);
        }
        return switch (operation) {
            case PLUS, MULTIPLY -> TypeCoercion.widenedInteger(left, right, false);
            case MINUS -> TypeCoercion.widenedInteger(left, right, true);
            default -> TypeCoercion.integerSupertype(left, right);
        };
    }

    private static BrookType decimalResult(Operation operation, BrookType left, BrookType right) {
        int leftScale = left.kind() == TypeKind.DECIMAL ? left.scale() : 0;
        int rightScale = right.kind() == TypeKind.DECIMAL ? right.scale() : 0;
        int precision = Math.max(left.kind() == TypeKind.DECIMAL ? left.precision() : 0,
                right.kind() == TypeKind.DECIMAL ? right.precision() : 0) > 38 ? 76 : 38;
        int scale = switch (operation) {
            case MULTIPLY -> Math.min(precision, leftScale + rightScale);
            case DIVIDE -> leftScale;
            default -> Math.max(leftScale, rightScale);
        };
        return BrookType.decimal(precision, scale);
    }

    private static ScalarKernel kernel(Operation operation, BrookType left, BrookType right, BrookType result) {
        Storage storage = Storage.of(result);
        boolean integers = TypeCoercion.isIntegral(left) && TypeCoercion.isIntegral(right);
        if (result.kind() == TypeKind.DECIMAL) {
            return new DecimalArithmetic(switch (operation) {
                case PLUS -> DecimalArithmetic.Operation.PLUS;
                case MINUS -> DecimalArithmetic.Operation.MINUS;
                case MULTIPLY -> DecimalArithmetic.Operation.MULTIPLY;
                default -> DecimalArithmetic.Operation.DIVIDE;
            }, left, right, result);
        }
        if (result.kind().isFloating()) {
            return new DoubleArithmetic(switch (operation) {
                case PLUS -> DoubleArithmetic.Operation.PLUS;
                case MINUS -> DoubleArithmetic.Operation.MINUS;
                case MULTIPLY -> DoubleArithmetic.Operation.MULTIPLY;
                case MODULO -> DoubleArithmetic.Operation.MODULO;
                default -> DoubleArithmetic.Operation.DIVIDE;
            }, storage, integers);
        }
        boolean unsigned64 = left.kind() == TypeKind.UINT64 && right.kind() == TypeKind.UINT64;
        return new LongArithmetic(switch (operation) {
            case PLUS -> LongArithmetic.Operation.PLUS;
            case MINUS -> LongArithmetic.Operation.MINUS;
            case MULTIPLY -> LongArithmetic.Operation.MULTIPLY;
            case MODULO -> LongArithmetic.Operation.MODULO;
            default -> LongArithmetic.Operation.INT_DIVIDE;
        }, storage, unsigned64);
    }

    /**
     * Date arithmetic without intervals: a date plus or minus an integer moves by days, a
     * datetime by seconds; the difference of two temporal values is an int64 in the finer unit.
     */
    private static Expression temporal(String name, Operation operation, Expression left, Expression right,
                                       FunctionRegistry registry) {
        BrookType leftType = left.type().base();
        BrookType rightType = right.type().base();
        List<Expression> arguments = List.of(left, right);
        if (operation == Operation.MINUS && leftType.kind().isTemporal() && rightType.kind().isTemporal()) {
            BrookType common = TypeCoercion.supertype(leftType, rightType);
            Expression first = Arguments.convert(left, common, registry);
            Expression second = Arguments.convert(right, common, registry);
            return FunctionCall.of(name, List.of(first, second), Arguments.propagateNullable(BrookType.INT64, arguments),
                    new LongArithmetic(LongArithmetic.Operation.MINUS, Storage.INT64, false));
        }
        boolean temporalLeft = leftType.kind().isTemporal();
        BrookType temporalType = temporalLeft ? leftType : rightType;
        Expression number = temporalLeft ? right : left;
        boolean allowed = (operation == Operation.PLUS || operation == Operation.MINUS && temporalLeft)
                && TypeCoercion.isIntegral(number.type().base());
        if (!allowed) {
            throw Arguments.illegalType(name, temporalLeft ? right : left);
        }
        long perUnit = temporalType.kind() == TypeKind.DATETIME64 ? ArrowMapping.ticksPerSecond(temporalType) : 1;
        LongArithmetic kernel = new LongArithmetic(operation == Operation.PLUS ? LongArithmetic.Operation.PLUS
                : LongArithmetic.Operation.MINUS, Storage.of(temporalType), false,
                temporalLeft ? 1 : perUnit, temporalLeft ? perUnit : 1);
        return FunctionCall.of(name, arguments, Arguments.propagateNullable(temporalType, arguments), kernel);
    }

    /** {@code t ± INTERVAL n unit}; the result is fine enough to hold the interval's unit. */
    public static Expression shift(String name, Expression value, IntervalLiteral interval, boolean subtract) {
        BrookType type = value.type().base();
        if (!type.kind().isTemporal()) {
            throw Arguments.illegalType(name, value);
        }
        BrookType result = shiftedType(type, interval);
        String text = value.describe() + (subtract ? " - " : " + ") + interval.describe();
        return FunctionCall.of(name, List.of(value), result.withNullable(value.type().nullable()),
                new TemporalShift(type, result, interval, subtract)).describedAs(text);
    }

    private static BrookType shiftedType(BrookType type, IntervalLiteral interval) {
        int digits = interval.unit().fractionDigits();
        boolean subDay = !interval.unit().isCalendar() && interval.unit().nanos() % 86_400_000_000_000L != 0;
        return switch (type.kind()) {
            case DATE, DATE32 -> !subDay ? type : digits > 0 ? BrookType.datetime64(digits, null) : BrookType.DATETIME;
            case DATETIME -> digits > 0 ? BrookType.datetime64(digits, type.timezone()) : type;
            default -> digits > type.precision() ? BrookType.datetime64(digits, type.timezone()) : type;
        };
    }

    private static Expression negate(Expression value) {
        BrookType type = value.type().base();
        if (type.kind() == TypeKind.NOTHING) {
            return value;
        }
        if (!Arguments.isNumeric(value)) {
            throw Arguments.illegalType("negate", value);
        }
        BrookType result = switch (type.kind()) {
            case UINT8, BOOL -> BrookType.INT16;
            case UINT16 -> BrookType.INT32;
            case UINT32, UINT64 -> BrookType.INT64;
            default -> type;
        };
        BrookType nullableResult = result.withNullable(value.type().nullable());
        if (result.kind() == TypeKind.DECIMAL) {
            return FunctionCall.of("negate", List.of(Literal.of(0L, BrookType.INT8), value), nullableResult,
                    new DecimalArithmetic(DecimalArithmetic.Operation.MINUS, BrookType.INT8, type, result))
                    .describedAs("-" + value.describe());
        }
        boolean floating = result.kind().isFloating();
        return FunctionCall.of("negate", List.of(value), nullableResult,
                new UnaryMath(UnaryMath.Kind.NEGATE, floating, Storage.of(result), 0)).asOperator("-");
    }
}
