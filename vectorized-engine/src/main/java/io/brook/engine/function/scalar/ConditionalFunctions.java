package io.brook.engine.function.scalar;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.CoalesceExpression;
import io.brook.engine.expr.ComparisonOperator;
import io.brook.engine.expr.ConditionalExpression;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.function.Arguments;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.ScalarFunction;
import io.brook.engine.function.TypeCoercion;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code if}, {@code multi_if} (CASE), {@code coalesce}, {@code if_null}, {@code null_if}. Branch
 * values are converted to their supertype; constant conditions pick their branch at bind time.
 */
public final class ConditionalFunctions {
    private ConditionalFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(ScalarFunction.of("if", 3, 3, (name, arguments, functions) ->
                conditional(name, arguments, functions)));
        registry.register(ScalarFunction.of("multi_if", 3, Integer.MAX_VALUE, (name, arguments, functions) -> {
            if (arguments.size() % 2 == 0) {
                throw new BrookException(ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                        "Invalid number of arguments for function multi_if: it needs pairs of condition and value and an else value");
            }
            return conditional(name, arguments, functions);
        }));
        registry.register(ScalarFunction.of("coalesce", 1, Integer.MAX_VALUE, (name, arguments, functions) ->
                coalesce(name, arguments, functions)));
        registry.register(ScalarFunction.of("if_null", 2, 2, (name, arguments, functions) ->
                coalesce(name, arguments, functions)));
        registry.register(ScalarFunction.of("null_if", 2, 2, (name, arguments, functions) -> {
            Expression value = arguments.get(0);
            Expression equal = ComparisonFunctions.compare(ComparisonOperator.EQUALS, value, arguments.get(1), functions);
            return conditional("if", List.of(equal, Literal.nullOf(value.type()), value), functions);
        }));
    }

    private static Expression conditional(String name, List<Expression> arguments, FunctionRegistry registry) {
        List<Expression> conditions = new ArrayList<>();
        List<Expression> values = new ArrayList<>();
        for (int index = 0; index + 1 < arguments.size(); index += 2) {
            conditions.add(LogicalFunctions.condition(name, arguments.get(index), registry));
            values.add(arguments.get(index + 1));
        }
        Expression otherwise = arguments.getLast();
        List<BrookType> types = new ArrayList<>();
        values.forEach(value -> types.add(value.type()));
        types.add(otherwise.type());
        BrookType type = TypeCoercion.supertype(types);
        if (type.kind() == TypeKind.NOTHING) {
            return Literal.nullOf(BrookType.NOTHING);
        }
        List<Expression> keptConditions = new ArrayList<>();
        List<Expression> keptValues = new ArrayList<>();
        for (int index = 0; index < conditions.size(); index++) {
            Expression condition = conditions.get(index);
            Expression value = Arguments.convert(values.get(index), type, registry);
            if (condition instanceof Literal literal) {
                if (literal.isNull() || !(Boolean) literal.value()) {
                    continue;
                }
                if (keptConditions.isEmpty()) {
                    return value;
                }
                otherwise = values.get(index);
                break;
            }
            keptConditions.add(condition);
            keptValues.add(value);
        }
        Expression elseValue = Arguments.convert(otherwise, type, registry);
        if (keptConditions.isEmpty()) {
            return elseValue;
        }
        return new ConditionalExpression(name, keptConditions, keptValues, elseValue, type);
    }

    private static Expression coalesce(String name, List<Expression> arguments, FunctionRegistry registry) {
        List<Expression> candidates = new ArrayList<>();
        for (Expression argument : arguments) {
            if (argument.type().kind() == TypeKind.NOTHING || argument instanceof Literal literal && literal.isNull()) {
                continue;
            }
            candidates.add(argument);
            if (!argument.type().nullable()) {
                break;
            }
        }
        if (candidates.isEmpty()) {
            return Literal.nullOf(TypeCoercion.supertype(arguments.stream().map(Expression::type).toList()));
        }
        BrookType supertype = TypeCoercion.supertype(candidates.stream().map(Expression::type).toList());
        BrookType type = supertype.withNullable(candidates.getLast().type().nullable());
        List<Expression> converted = new ArrayList<>();
        for (Expression candidate : candidates) {
            converted.add(Arguments.convert(candidate, type.withNullable(false), registry));
        }
        if (converted.size() == 1) {
            return converted.getFirst();
        }
        return new CoalesceExpression(name, converted, type);
    }
}
