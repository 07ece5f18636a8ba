package io.brook.engine.plan;

import io.brook.engine.sql.ast.ArrayLiteral;
import io.brook.engine.sql.ast.Between;
import io.brook.engine.sql.ast.Binary;
import io.brook.engine.sql.ast.Case;
import io.brook.engine.sql.ast.Cast;
import io.brook.engine.sql.ast.Expression;
import io.brook.engine.sql.ast.FunctionCall;
import io.brook.engine.sql.ast.InList;
import io.brook.engine.sql.ast.IsNull;
import io.brook.engine.sql.ast.Like;
import io.brook.engine.sql.ast.TupleLiteral;
import io.brook.engine.sql.ast.Unary;
import io.brook.engine.sql.ast.WhenClause;

import java.util.List;
import java.util.function.Predicate;

/** Walks parsed expressions, for finding aggregate calls before binding. */
final class AstExpressions {
    private AstExpressions() {
    }

    /**
     * Visits {@code expression} and its sub-expressions, parents first. When {@code visitor}
     * returns false the node's children are skipped (an aggregate's arguments, say).
     */
    static void walk(Expression expression, Predicate<Expression> visitor) {
        if (expression == null || !visitor.test(expression)) {
            return;
        }
        switch (expression) {
            case FunctionCall call -> walkAll(call.arguments(), visitor);
            case Cast cast -> walk(cast.expression(), visitor);
            case Unary unary -> walk(unary.operand(), visitor);
            case Binary binary -> {
                walk(binary.left(), visitor);
                walk(binary.right(), visitor);
            }
            case Between between -> {
                walk(between.expression(), visitor);
                walk(between.low(), visitor);
                walk(between.high(), visitor);
            }
            case InList in -> {
                walk(in.expression(), visitor);
                walkAll(in.values(), visitor);
            }
            case Like like -> {
                walk(like.expression(), visitor);
                walk(like.pattern(), visitor);
            }
            case IsNull isNull -> walk(isNull.expression(), visitor);
            case Case caseExpression -> {
                walk(caseExpression.operand(), visitor);
                for (WhenClause when : caseExpression.whenClauses()) {
                    walk(when.condition(), visitor);
                    walk(when.result(), visitor);
                }
                walk(caseExpression.elseValue(), visitor);
            }
            case ArrayLiteral array -> walkAll(array.elements(), visitor);
            case TupleLiteral tuple -> walkAll(tuple.elements(), visitor);
            default -> {
            }
        }
    }

    private static void walkAll(List<Expression> expressions, Predicate<Expression> visitor) {
        for (Expression expression : expressions) {
            walk(expression, visitor);
        }
    }
}
