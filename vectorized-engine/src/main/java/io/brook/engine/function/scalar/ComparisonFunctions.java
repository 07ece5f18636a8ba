package io.brook.engine.function.scalar;

import io.brook.engine.error.BrookException;
import io.brook.engine.expr.Comparison;
import io.brook.engine.expr.ComparisonOperator;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.FunctionCall;
import io.brook.engine.expr.Literal;
import io.brook.engine.expr.LogicalExpression;
import io.brook.engine.expr.kernel.CompareKind;
import io.brook.engine.expr.kernel.InSet;
import io.brook.engine.expr.vector.JavaValues;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.function.Arguments;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.ScalarFunction;
import io.brook.engine.function.TypeCoercion;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The six comparisons, {@code in} and {@code not_in}. Operands are brought to comparable types:
 * a constant is converted to the other side's type when it fits exactly (so
 * {@code d > '2024-01-01'} compares dates and {@code u64 > 5} compares unsigned integers),
 * temporal values to their common type, decimals to a common scale; integers compare as longs
 * and anything with a float as doubles.
 */
public final class ComparisonFunctions {
    private ComparisonFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        for (ComparisonOperator operator : ComparisonOperator.values()) {
            registry.register(ScalarFunction.of(operator.functionName(), 2, 2, (name, arguments, functions) ->
                    compare(operator, arguments.get(0), arguments.get(1), functions)));
        }
        registry.register(ScalarFunction.of("in", 1, Integer.MAX_VALUE, (name, arguments, functions) ->
                in(arguments, false, functions)));
        registry.register(ScalarFunction.of("not_in", 1, Integer.MAX_VALUE, (name, arguments, functions) ->
                in(arguments, true, functions)));
    }

    public static Expression compare(ComparisonOperator operator, Expression left, Expression right, FunctionRegistry registry) {
        if (isNull(left) || isNull(right)) {
            return Literal.nullOf(BrookType.BOOL);
        }
        if (right instanceof Literal literal && !(left instanceof Literal)) {
            right = adaptConstant(literal, left.type(), registry);
        } else if (left instanceof Literal literal && !(right instanceof Literal)) {
            left = adaptConstant(literal, right.type(), registry);
        }
        BrookType leftType = left.type().base();
        BrookType rightType = right.type().base();
        String name = operator.functionName();
        if (leftType.kind().isTemporal() || rightType.kind().isTemporal()) {
            BrookType common = TypeCoercion.supertype(leftType, rightType);
            return new Comparison(operator, Arguments.convert(left, common, registry),
                    Arguments.convert(right, common, registry), CompareKind.SIGNED);
        }
        if (isBytes(leftType) && isBytes(rightType)) {
            if (leftType.kind() == TypeKind.UUID != (rightType.kind() == TypeKind.UUID)) {
                throw new BrookException(io.brook.engine.error.ErrorCode.NO_COMMON_TYPE,
                        "Cannot compare " + leftType + " with " + rightType);
            }
            return new Comparison(operator, left, right, CompareKind.BYTES);
        }
        if (!Arguments.isNumeric(left) || !Arguments.isNumeric(right)) {
            throw TypeCoercion.illegalType(name, Arguments.isNumeric(left) || isBytes(leftType) ? rightType : leftType);
        }
        if (leftType.kind().isFloating() || rightType.kind().isFloating()) {
            return new Comparison(operator, left, right, CompareKind.DOUBLE);
        }
        if (leftType.kind() == TypeKind.DECIMAL || rightType.kind() == TypeKind.DECIMAL) {
            BrookType common = TypeCoercion.decimalSupertype(leftType, rightType);
            return new Comparison(operator, Arguments.convert(left, common, registry),
                    Arguments.convert(right, common, registry), CompareKind.DECIMAL);
        }
        boolean leftUnsigned64 = leftType.kind() == TypeKind.UINT64;
        boolean rightUnsigned64 = rightType.kind() == TypeKind.UINT64;
        if (leftUnsigned64 && rightUnsigned64) {
            return new Comparison(operator, left, right, CompareKind.UNSIGNED);
        }
        boolean otherSigned = leftUnsigned64 ? TypeCoercion.isSigned(rightType.kind()) : TypeCoercion.isSigned(leftType.kind());
        if ((leftUnsigned64 || rightUnsigned64) && otherSigned) {
            return new Comparison(operator, left, right, CompareKind.DOUBLE);
        }
        return new Comparison(operator, left, right, CompareKind.SIGNED);
    }

    private static boolean isNull(Expression expression) {
        return expression.type().kind() == TypeKind.NOTHING || expression instanceof Literal literal && literal.isNull();
    }

    private static boolean isBytes(BrookType type) {
        return type.kind().isStringLike() || type.kind() == TypeKind.UUID;
    }

    /**
     * The constant converted to the other operand's type when that loses nothing: text to a
     * date, datetime, uuid or fixed string; an integer to another integer type it fits.
     */
    static Expression adaptConstant(Literal constant, BrookType otherType, FunctionRegistry registry) {
        BrookType target = otherType.base();
        TypeKind from = constant.type().kind();
        TypeKind to = target.kind();
        boolean textToValue = from == TypeKind.STRING && (to.isTemporal() || to == TypeKind.UUID || to == TypeKind.FIXED_STRING);
        boolean numberToTime = TypeCoercion.isIntegral(constant.type()) && to.isTemporal();
        if (textToValue || numberToTime) {
            return registry.cast(constant, target);
        }
        if (TypeCoercion.isIntegral(constant.type()) && TypeCoercion.isIntegral(target) && from != to && to != TypeKind.BOOL) {
            try {
                return Literal.of(JavaValues.normalize(constant.value(), target), target);
            } catch (BrookException doesNotFit) {
                return constant;
            }
        }
        return constant;
    }

    /** {@code in(x, c1, c2, ...)}; items that are not constants turn it into ORed equalities. */
    private static Expression in(List<Expression> arguments, boolean negated, FunctionRegistry registry) {
        Expression value = arguments.getFirst();
        List<Expression> items = arguments.subList(1, arguments.size());
        boolean allConstant = items.stream().allMatch(item -> item instanceof Literal);
        if (!allConstant) {
            List<Expression> equalities = new ArrayList<>();
            for (Expression item : items) {
                equalities.add(compare(negated ? ComparisonOperator.NOT_EQUALS : ComparisonOperator.EQUALS, value, item, registry));
            }
            return negated ? LogicalExpression.and(equalities) : LogicalExpression.or(equalities);
        }
        if (isNull(value)) {
            return Literal.nullOf(BrookType.BOOL);
        }
        BrookType valueType = value.type().base();
        List<Literal> constants = new ArrayList<>();
        for (Expression item : items) {
            Literal literal = (Literal) item;
            if (literal.isNull()) {
                continue;
            }
            Expression adapted = adaptConstant(literal, valueType, registry);
            Expression converted = adapted.type().base().equals(valueType) ? adapted : tryConvert(adapted, valueType, registry);
            if (converted instanceof Literal usable && !usable.isNull()) {
                constants.add(usable);
            }
        }
        InSet set = buildSet(valueType, constants, negated);
        StringJoiner text = new StringJoiner(", ", value.describe() + (negated ? " NOT IN (" : " IN ("), ")");
        items.forEach(item -> text.add(item.describe()));
        BrookType type = BrookType.BOOL.withNullable(value.type().nullable());
        return FunctionCall.of(negated ? "not_in" : "in", List.of(value), type, set).describedAs(text.toString());
    }

    /** A constant in the value's type, or null when it cannot equal any value of that type. */
    private static Expression tryConvert(Expression constant, BrookType target, FunctionRegistry registry) {
        if (Arguments.isNumeric(constant) && target.kind().isFloating()) {
            return registry.cast(constant, target);
        }
        try {
            return Literal.of(JavaValues.normalize(((Literal) constant).value(), target), target);
        } catch (BrookException doesNotFit) {
            if (constant.type().kind().isStringLike() || target.kind().isStringLike()) {
                throw TypeCoercion.noCommonType(constant.type(), target);
            }
            return null;
        }
    }

    private static InSet buildSet(BrookType type, List<Literal> constants, boolean negated) {
        Storage storage = Storage.of(type);
        if (storage == Storage.VARIABLE || storage == Storage.FIXED_BYTES) {
            return InSet.ofBytes(constants.stream().map(Literal::bytes).toArray(byte[][]::new), negated);
        }
        if (storage.isFloating() || type.kind() == TypeKind.DECIMAL) {
            return InSet.ofDoubles(constants.stream().mapToDouble(Literal::number).toArray(), negated);
        }
        if (storage.isIntegral() || storage == Storage.BIT) {
            return InSet.ofLongs(constants.stream().mapToLong(Literal::bits).toArray(), negated);
        }
        throw TypeCoercion.illegalType("in", type);
    }
}
