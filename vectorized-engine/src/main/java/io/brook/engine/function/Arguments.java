package io.brook.engine.function;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.function.scalar.CastFunctions;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.util.ArrayList;
import java.util.List;

/** Checks and conversions that function bindings share. */
public final class Arguments {
    private Arguments() {
    }

    public static boolean anyNullable(List<Expression> arguments) {
        for (Expression argument : arguments) {
            if (argument.type().nullable() || argument.type().kind() == TypeKind.NOTHING) {
                return true;
            }
        }
        return false;
    }

    /** True when an argument is the NULL literal, which makes a null-propagating call NULL. */
    public static boolean anyNullLiteral(List<Expression> arguments) {
        for (Expression argument : arguments) {
            if (argument instanceof Literal literal && literal.isNull()) {
                return true;
            }
        }
        return false;
    }

    /** {@code type} made nullable when any argument is. */
    public static BrookType propagateNullable(BrookType type, List<Expression> arguments) {
        return type.withNullable(anyNullable(arguments));
    }

    /** An implicit conversion: lenient about NULLs (the result stays nullable), folded when constant. */
    public static Expression convert(Expression expression, BrookType target, FunctionRegistry registry) {
        BrookType wanted = target.withNullable(target.nullable() || expression.type().nullable());
        if (expression.type().equals(wanted)) {
            return expression;
        }
        return registry.fold(CastFunctions.convert(expression, wanted, false));
    }

    public static List<Expression> convertAll(List<Expression> expressions, BrookType target, FunctionRegistry registry) {
        List<Expression> converted = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            converted.add(convert(expression, target, registry));
        }
        return converted;
    }

    public static BrookType base(Expression expression) {
        return expression.type().base();
    }

    public static boolean isNumeric(Expression expression) {
        TypeKind kind = expression.type().kind();
        return kind.isNumeric() || kind == TypeKind.BOOL;
    }

    public static boolean isString(Expression expression) {
        return expression.type().kind().isStringLike();
    }

    public static boolean isStringLiteral(Expression expression) {
        return expression instanceof Literal literal && literal.type().kind() == TypeKind.STRING && !literal.isNull();
    }

    /** The text of a constant string argument (a unit name, a type name, a pattern). */
    public static String constantString(String function, Expression expression) {
        if (!isStringLiteral(expression)) {
            throw new BrookException(ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Argument " + expression.describe() + " of function " + function + " must be a constant string");
        }
        return (String) ((Literal) expression).value();
    }

    /** A constant integer argument (a precision, a number of digits). */
    public static long constantInteger(String function, Expression expression) {
        if (!(expression instanceof Literal literal) || literal.isNull() || !TypeCoercion.isIntegral(literal.type())) {
            throw new BrookException(ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Argument " + expression.describe() + " of function " + function + " must be a constant integer");
        }
        return literal.bits();
    }

    public static BrookException illegalType(String function, Expression argument) {
        return TypeCoercion.illegalType(function, argument.type());
    }
}
