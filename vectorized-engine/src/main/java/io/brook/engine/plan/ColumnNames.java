package io.brook.engine.plan;

import io.brook.engine.sql.ast.ArrayLiteral;
import io.brook.engine.sql.ast.Between;
import io.brook.engine.sql.ast.Binary;
import io.brook.engine.sql.ast.BooleanLiteral;
import io.brook.engine.sql.ast.Case;
import io.brook.engine.sql.ast.Cast;
import io.brook.engine.sql.ast.DecimalLiteral;
import io.brook.engine.sql.ast.Expression;
import io.brook.engine.sql.ast.FunctionCall;
import io.brook.engine.sql.ast.Identifier;
import io.brook.engine.sql.ast.InList;
import io.brook.engine.sql.ast.IntegerLiteral;
import io.brook.engine.sql.ast.IntervalLiteral;
import io.brook.engine.sql.ast.IsNull;
import io.brook.engine.sql.ast.Like;
import io.brook.engine.sql.ast.NullLiteral;
import io.brook.engine.sql.ast.Parameter;
import io.brook.engine.sql.ast.StringLiteral;
import io.brook.engine.sql.ast.TupleLiteral;
import io.brook.engine.sql.ast.Unary;
import io.brook.engine.sql.ast.WhenClause;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The name a result column gets when the query gives no alias: the expression as SQL text,
 * e.g. {@code count()}, {@code sum(value)}, {@code (a + 1)}, the way Timeplus names them. A
 * bare column keeps its own name.
 */
public final class ColumnNames {
    private ColumnNames() {
    }

    public static String of(Expression expression) {
        return switch (expression) {
            case Identifier identifier -> identifier.parts().getLast();
            default -> text(expression);
        };
    }

    public static String text(Expression expression) {
        return switch (expression) {
            case Identifier identifier -> String.join(".", identifier.parts());
            case IntegerLiteral integer -> integer.value().toString();
            case DecimalLiteral decimal -> decimal.text();
            case StringLiteral string -> "'" + string.value().replace("'", "\\'") + "'";
            case BooleanLiteral bool -> Boolean.toString(bool.value());
            case NullLiteral ignored -> "NULL";
            case Parameter parameter -> "?";
            case IntervalLiteral interval -> "INTERVAL " + interval.amount() + " " + interval.unit().name();
            case FunctionCall call -> call.name() + "(" + (call.distinct() ? "DISTINCT " : "")
                    + (call.star() ? "*" : join(call.arguments())) + ")";
            case Cast cast -> "CAST(" + text(cast.expression()) + " AS " + cast.type() + ")";
            case Unary unary -> unary.operator() == io.brook.engine.sql.ast.UnaryOperator.NOT
                    ? "NOT " + text(unary.operand()) : "-" + text(unary.operand());
            case Binary binary -> "(" + text(binary.left()) + " " + symbol(binary) + " " + text(binary.right()) + ")";
            case Between between -> text(between.expression()) + (between.negated() ? " NOT" : "") + " BETWEEN "
                    + text(between.low()) + " AND " + text(between.high());
            case InList in -> text(in.expression()) + (in.negated() ? " NOT IN (" : " IN (") + join(in.values()) + ")";
            case Like like -> text(like.expression()) + (like.negated() ? " NOT" : "")
                    + (like.caseInsensitive() ? " ILIKE " : " LIKE ") + text(like.pattern());
            case IsNull isNull -> text(isNull.expression()) + (isNull.negated() ? " IS NOT NULL" : " IS NULL");
            case Case caseExpression -> caseText(caseExpression);
            case ArrayLiteral array -> "[" + join(array.elements()) + "]";
            case TupleLiteral tuple -> "(" + join(tuple.elements()) + ")";
            default -> expression.toString();
        };
    }

    private static String symbol(Binary binary) {
        return switch (binary.operator()) {
            case ADD -> "+";
            case SUB -> "-";
            case MUL -> "*";
            case DIV -> "/";
            case MOD -> "%";
            case EQ -> "=";
            case NE -> "!=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case AND -> "AND";
            case OR -> "OR";
            case CONCAT -> "||";
        };
    }

    private static String caseText(Case caseExpression) {
        StringBuilder text = new StringBuilder("CASE");
        if (caseExpression.operand() != null) {
            text.append(' ').append(text(caseExpression.operand()));
        }
        for (WhenClause when : caseExpression.whenClauses()) {
            text.append(" WHEN ").append(text(when.condition())).append(" THEN ").append(text(when.result()));
        }
        if (caseExpression.elseValue() != null) {
            text.append(" ELSE ").append(text(caseExpression.elseValue()));
        }
        return text.append(" END").toString();
    }

    private static String join(List<Expression> expressions) {
        return expressions.stream().map(ColumnNames::text).collect(Collectors.joining(", "));
    }
}
