package io.brook.engine.function.scalar;

import io.brook.engine.expr.Expression;
import io.brook.engine.expr.FunctionCall;
import io.brook.engine.expr.Literal;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.BinaryMath;
import io.brook.engine.expr.kernel.DecimalUnary;
import io.brook.engine.expr.kernel.Extremum;
import io.brook.engine.expr.kernel.UnaryMath;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.function.Arguments;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.ScalarFunction;
import io.brook.engine.function.TypeCoercion;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.util.List;

/**
 * Math functions. Rounding keeps the argument's type ({@code round(x, 2)} of a float64 is a
 * float64; of a decimal, a decimal); {@code abs} of a signed integer is unsigned, as in
 * ClickHouse; transcendental functions return float64.
 */
public final class MathFunctions {
    private MathFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(ScalarFunction.of("abs", 1, 1, (name, arguments, functions) -> abs(arguments.getFirst())));
        rounding(registry, "round", UnaryMath.Kind.ROUND);
        rounding(registry, "floor", UnaryMath.Kind.FLOOR);
        rounding(registry, "ceil", UnaryMath.Kind.CEIL);
        rounding(registry, "ceiling", UnaryMath.Kind.CEIL);
        rounding(registry, "trunc", UnaryMath.Kind.TRUNCATE);
        rounding(registry, "truncate", UnaryMath.Kind.TRUNCATE);
        floating(registry, "sqrt", UnaryMath.Kind.SQRT);
        floating(registry, "cbrt", UnaryMath.Kind.CBRT);
        floating(registry, "exp", UnaryMath.Kind.EXP);
        floating(registry, "ln", UnaryMath.Kind.LN);
        floating(registry, "log", UnaryMath.Kind.LN);
        floating(registry, "log2", UnaryMath.Kind.LOG2);
        floating(registry, "log10", UnaryMath.Kind.LOG10);
        floating(registry, "sin", UnaryMath.Kind.SIN);
        floating(registry, "cos", UnaryMath.Kind.COS);
        floating(registry, "tan", UnaryMath.Kind.TAN);
        for (String alias : List.of("pow", "power")) {
            registry.register(ScalarFunction.of(alias, 2, 2, (name, arguments, functions) -> {
                arguments.forEach(argument -> requireNumeric(name, argument));
                return call(name, arguments, BrookType.FLOAT64, new BinaryMath(BinaryMath.Kind.POWER));
            }));
        }
        registry.register(ScalarFunction.of("sign", 1, 1, (name, arguments, functions) -> {
            Expression value = arguments.getFirst();
            requireNumeric(name, value);
            boolean floating = !TypeCoercion.isIntegral(value.type());
            return call(name, arguments, BrookType.INT8, new UnaryMath(UnaryMath.Kind.SIGN, floating, Storage.INT8, 0));
        }));
        registry.register(ScalarFunction.of("greatest", 1, Integer.MAX_VALUE, (name, arguments, functions) ->
                extremum(name, arguments, true, functions)));
        registry.register(ScalarFunction.of("least", 1, Integer.MAX_VALUE, (name, arguments, functions) ->
                extremum(name, arguments, false, functions)));
    }

    private static void requireNumeric(String name, Expression argument) {
        if (!Arguments.isNumeric(argument) && argument.type().kind() != TypeKind.NOTHING) {
            throw Arguments.illegalType(name, argument);
        }
    }

    private static Expression call(String name, List<Expression> arguments, BrookType result, ScalarKernel kernel) {
        BrookType type = Arguments.propagateNullable(result, arguments);
        if (Arguments.anyNullLiteral(arguments)) {
            return Literal.nullOf(type);
        }
        return FunctionCall.of(name, arguments, type, kernel);
    }

    private static Expression abs(Expression value) {
        requireNumeric("abs", value);
        BrookType type = value.type().base();
        if (type.kind() == TypeKind.DECIMAL) {
            return call("abs", List.of(value), type, new DecimalUnary(UnaryMath.Kind.ABS, type, type.scale()));
        }
        if (type.kind().isFloating()) {
            return call("abs", List.of(value), type, new UnaryMath(UnaryMath.Kind.ABS, true, Storage.of(type), 0));
        }
        BrookType result = TypeCoercion.integer(TypeCoercion.bits(type.kind()), false);
        return call("abs", List.of(value), result, new UnaryMath(UnaryMath.Kind.ABS, false, Storage.of(result), 0));
    }

    private static void rounding(FunctionRegistry registry, String functionName, UnaryMath.Kind kind) {
        registry.register(ScalarFunction.of(functionName, 1, 2, (name, arguments, functions) -> {
            Expression value = arguments.getFirst();
            requireNumeric(name, value);
            int digits = arguments.size() > 1 ? (int) Arguments.constantInteger(name, arguments.get(1)) : 0;
            BrookType type = value.type().base();
            List<Expression> operands = List.of(value);
            if (type.kind() == TypeKind.DECIMAL) {
                return call(name, operands, type, new DecimalUnary(kind, type, Math.min(digits, type.scale())));
            }
            if (type.kind().isFloating()) {
                return call(name, operands, type, new UnaryMath(kind, true, Storage.of(type), digits));
            }
            BrookType result = type.kind() == TypeKind.BOOL ? BrookType.UINT8 : type;
            return call(name, operands, result, new UnaryMath(kind, false, Storage.of(result), Math.min(digits, 0)));
        }));
    }

    private static void floating(FunctionRegistry registry, String functionName, UnaryMath.Kind kind) {
        registry.register(ScalarFunction.of(functionName, 1, 1, (name, arguments, functions) -> {
            requireNumeric(name, arguments.getFirst());
            return call(name, arguments, BrookType.FLOAT64, new UnaryMath(kind, true, Storage.FLOAT64, 0));
        }));
    }

    private static Expression extremum(String name, List<Expression> arguments, boolean greatest, FunctionRegistry registry) {
        BrookType common = TypeCoercion.supertype(arguments.stream().map(Expression::type).toList());
        BrookType base = common.base();
        if (base.kind() == TypeKind.DECIMAL || base.kind().isNested() || base.kind() == TypeKind.NOTHING) {
            throw TypeCoercion.illegalType(name, base);
        }
        if (base.kind().isStringLike()) {
            base = BrookType.STRING;
        }
        List<Expression> converted = Arguments.convertAll(arguments, base, registry);
        if (converted.size() == 1) {
            return converted.getFirst();
        }
        return call(name, converted, base, new Extremum(greatest, Storage.of(base)));
    }
}
