package io.brook.engine.plan;

import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.sql.ast.Binary;
import io.brook.engine.sql.ast.BinaryOperator;
import io.brook.engine.sql.ast.Identifier;
import io.brook.engine.stream.StreamSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * Finds a lower bound on {@code _tp_time} in a WHERE clause ({@code _tp_time > X},
 * {@code _tp_time >= X}, {@code X < _tp_time}, inside top-level ANDs) with a constant X, so a
 * streaming query can start from the first log entry that can match instead of the end
 * (SPEC 1.4). The filter itself stays in the plan; this only chooses where reading starts.
 */
final class TimeBound {
    private TimeBound() {
    }

    static OptionalLong lowerBoundMillis(io.brook.engine.sql.ast.Expression where, ExpressionBinder constants) {
        if (!(where instanceof Binary binary)) {
            return OptionalLong.empty();
        }
        if (binary.operator() == BinaryOperator.AND) {
            OptionalLong left = lowerBoundMillis(binary.left(), constants);
            OptionalLong right = lowerBoundMillis(binary.right(), constants);
            if (left.isPresent() && right.isPresent()) {
                return OptionalLong.of(Math.max(left.getAsLong(), right.getAsLong()));
            }
            return left.isPresent() ? left : right;
        }
        boolean columnLeft = isTimeColumn(binary.left());
        boolean columnRight = isTimeColumn(binary.right());
        boolean lower = columnLeft && (binary.operator() == BinaryOperator.GT || binary.operator() == BinaryOperator.GE)
                || columnRight && (binary.operator() == BinaryOperator.LT || binary.operator() == BinaryOperator.LE);
        if (!lower) {
            return OptionalLong.empty();
        }
        return constantMillis(columnLeft ? binary.right() : binary.left(), constants);
    }

    private static boolean isTimeColumn(io.brook.engine.sql.ast.Expression expression) {
        return expression instanceof Identifier identifier
                && identifier.parts().getLast().equals(StreamSchema.TIME_COLUMN);
    }

    private static OptionalLong constantMillis(io.brook.engine.sql.ast.Expression expression, ExpressionBinder constants) {
        Expression bound;
        try {
            bound = constants.bind(expression);
        } catch (RuntimeException notConstant) {
            return OptionalLong.empty();
        }
        if (!(bound instanceof Literal) && !io.brook.engine.expr.ExpressionTrees.readsNoColumn(bound)) {
            return OptionalLong.empty();
        }
        Literal literal = bound instanceof Literal constant ? constant : FunctionRegistry.evaluateConstant(bound);
        return switch (literal.value()) {
            case Instant instant -> OptionalLong.of(instant.toEpochMilli());
            case LocalDate date -> OptionalLong.of(date.toEpochDay() * 86_400_000L);
            // '2024-01-01 00:00:00' compares with _tp_time as that time in UTC, so it bounds it too
            case String ignored -> textMillis(expression, constants);
            case null, default -> OptionalLong.empty();
        };
    }

    private static OptionalLong textMillis(io.brook.engine.sql.ast.Expression text, ExpressionBinder constants) {
        try {
            Expression cast = constants.bind(new io.brook.engine.sql.ast.Cast(text,
                    new io.brook.engine.sql.ast.DataTypeSpec("datetime64", java.util.List.of(3, "UTC"))));
            Literal literal = cast instanceof Literal constant ? constant : FunctionRegistry.evaluateConstant(cast);
            return literal.value() instanceof Instant instant ? OptionalLong.of(instant.toEpochMilli()) : OptionalLong.empty();
        } catch (RuntimeException notATime) {
            return OptionalLong.empty();
        }
    }
}
