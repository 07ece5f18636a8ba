package io.brook.engine.function.scalar;

import io.brook.engine.expr.Expression;
import io.brook.engine.expr.FunctionCall;
import io.brook.engine.expr.Literal;
import io.brook.engine.expr.LogicalExpression;
import io.brook.engine.expr.NullHandling;
import io.brook.engine.expr.kernel.BooleanKernels;
import io.brook.engine.function.Arguments;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.ScalarFunction;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code and or not is_null is_not_null} with SQL three-valued logic. Numbers are accepted as
 * conditions (non-zero is true), constants are simplified away ({@code x AND true} is x,
 * {@code x OR true} is true) and nested ANDs/ORs are flattened.
 */
public final class LogicalFunctions {
    private LogicalFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(ScalarFunction.of("and", 2, Integer.MAX_VALUE, (name, arguments, functions) ->
                connective(true, arguments, functions)));
        registry.register(ScalarFunction.of("or", 2, Integer.MAX_VALUE, (name, arguments, functions) ->
                connective(false, arguments, functions)));
        registry.register(ScalarFunction.of("not", 1, 1, (name, arguments, functions) -> {
            Expression operand = condition(name, arguments.getFirst(), functions);
            if (operand instanceof Literal literal) {
                // the bitmap kernel reads a vector; a constant folds here instead
                return literal.isNull() ? literal : Literal.of(!(Boolean) literal.value(), BrookType.BOOL);
            }
            return FunctionCall.of(name, List.of(operand), operand.type(), BooleanKernels.NOT).asOperator("NOT");
        }));
        registry.register(ScalarFunction.of("is_null", 1, 1, (name, arguments, functions) -> nullCheck(arguments.getFirst(), true)));
        registry.register(ScalarFunction.of("is_not_null", 1, 1, (name, arguments, functions) -> nullCheck(arguments.getFirst(), false)));
    }

    /** A bool-typed condition: bool as is, NULL as a bool NULL, numbers compared with zero. */
    public static Expression condition(String function, Expression expression, FunctionRegistry registry) {
        TypeKind kind = expression.type().kind();
        if (kind == TypeKind.BOOL) {
            return expression;
        }
        if (kind == TypeKind.NOTHING) {
            return Literal.nullOf(BrookType.BOOL);
        }
        if (!Arguments.isNumeric(expression)) {
            throw Arguments.illegalType(function, expression);
        }
        return Arguments.convert(expression, BrookType.BOOL, registry);
    }

    private static Expression connective(boolean conjunction, List<Expression> arguments, FunctionRegistry registry) {
        String name = conjunction ? "and" : "or";
        List<Expression> operands = new ArrayList<>();
        for (Expression argument : arguments) {
            Expression operand = condition(name, argument, registry);
            if (operand instanceof Literal literal) {
                if (literal.isNull()) {
                    operands.add(operand);
                } else if ((Boolean) literal.value() != conjunction) {
                    // false decides an AND, true decides an OR, whatever the other operands are
                    return literal;
                }
                continue;
            }
            if (operand instanceof LogicalExpression nested && nested.isConjunction() == conjunction) {
                operands.addAll(nested.children());
            } else {
                operands.add(operand);
            }
        }
        if (operands.isEmpty()) {
            return Literal.of(conjunction, BrookType.BOOL);
        }
        if (operands.size() == 1) {
            return operands.getFirst();
        }
        return conjunction ? LogicalExpression.and(operands) : LogicalExpression.or(operands);
    }

    private static Expression nullCheck(Expression value, boolean isNull) {
        String name = isNull ? "is_null" : "is_not_null";
        if (value.type().kind() == TypeKind.NOTHING || value instanceof Literal literal && literal.isNull()) {
            return Literal.of(isNull, BrookType.BOOL);
        }
        if (!value.type().nullable()) {
            return Literal.of(!isNull, BrookType.BOOL);
        }
        String text = value.describe() + (isNull ? " IS NULL" : " IS NOT NULL");
        return FunctionCall.of(name, List.of(value), BrookType.BOOL, isNull ? BooleanKernels.IS_NULL : BooleanKernels.IS_NOT_NULL)
                .withNullHandling(NullHandling.KERNEL).describedAs(text);
    }
}
