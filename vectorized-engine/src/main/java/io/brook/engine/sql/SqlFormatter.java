package io.brook.engine.sql;

import io.brook.engine.sql.ast.*;

import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders an expression as SQL text that {@link SqlParser#parseExpression} reads back to an equal
 * tree: parentheses only where precedence needs them, identifiers quoted only when they must be.
 * Meant for messages and for storing expressions (column DEFAULTs) in the catalog. Subqueries
 * render as {@code (SELECT ...)}, a placeholder: this is not a query printer.
 */
public final class SqlFormatter {
    // Binding strength, loosest first; mirrors the grammar.
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int PREDICATE = 4;
    private static final int CONCAT = 5;
    private static final int ADDITIVE = 6;
    private static final int MULTIPLICATIVE = 7;
    private static final int UNARY = 8;
    private static final int POSTFIX = 9;
    private static final int ATOM = 10;

    /** Token types the grammar accepts as an identifier, keywords included. */
    private static final IntervalSet IDENTIFIER_TOKENS =
            BrookParser._ATN.nextTokens(BrookParser._ATN.ruleToStartState[BrookParser.RULE_identifier]);

    private SqlFormatter() {
    }

    public static String format(Expression expression) {
        return switch (expression) {
            case NullLiteral ignored -> "NULL";
            case BooleanLiteral bool -> bool.value() ? "TRUE" : "FALSE";
            case IntegerLiteral integer -> integer.value().toString();
            case DecimalLiteral decimal -> decimal.text();
            case StringLiteral string -> quoteString(string.value());
            case IntervalLiteral interval ->
                    "INTERVAL " + interval.amount() + " " + interval.unit().name().toLowerCase(Locale.ROOT);
            case Identifier identifier ->
                    identifier.parts().stream().map(SqlFormatter::quoteName).collect(Collectors.joining("."));
            case Parameter ignored -> "?";
            case FunctionCall call -> functionCall(call);
            case Lambda lambda -> (lambda.parameters().size() == 1
                    ? quoteName(lambda.parameters().getFirst())
                    : "(" + lambda.parameters().stream().map(SqlFormatter::quoteName)
                            .collect(Collectors.joining(", ")) + ")")
                    + " -> " + format(lambda.body());
            case Cast cast -> "CAST(" + format(cast.expression()) + " AS " + cast.type() + ")";
            // strict: "- -2" must not become the comment "--2"
            case Unary unary -> unary.operator().symbol()
                    + operand(unary.operand(), unary.operator() == UnaryOperator.NOT ? NOT : UNARY, true);
            case Binary binary -> operand(binary.left(), precedence(binary), false) + " "
                    + binary.operator().symbol() + " " + operand(binary.right(), precedence(binary), true);
            case Between between -> operand(between.expression(), PREDICATE, true)
                    + (between.negated() ? " NOT" : "") + " BETWEEN " + operand(between.low(), PREDICATE, true)
                    + " AND " + operand(between.high(), PREDICATE, true);
            case InList in -> operand(in.expression(), PREDICATE, true) + (in.negated() ? " NOT" : "")
                    + " IN (" + list(in.values()) + ")";
            case InSubquery in -> operand(in.expression(), PREDICATE, true) + (in.negated() ? " NOT" : "")
                    + " IN (SELECT ...)";
            case Like like -> operand(like.expression(), PREDICATE, true) + (like.negated() ? " NOT" : "")
                    + (like.caseInsensitive() ? " ILIKE " : " LIKE ") + operand(like.pattern(), PREDICATE, true);
            case IsNull isNull -> operand(isNull.expression(), PREDICATE, true)
                    + (isNull.negated() ? " IS NOT NULL" : " IS NULL");
            case Case caseExpression -> caseText(caseExpression);
            case ArrayLiteral array -> "[" + list(array.elements()) + "]";
            case TupleLiteral tuple -> "(" + list(tuple.elements()) + ")";
            case Subquery ignored -> "(SELECT ...)";
        };
    }

    private static String functionCall(FunctionCall call) {
        if (call.star()) {
            return quoteName(call.name()) + "(*)";
        }
        if (call.name().equals(ExpressionBuilder.SUBSCRIPT_FUNCTION) && call.arguments().size() == 2) {
            return operand(call.arguments().get(0), POSTFIX, false) + "[" + format(call.arguments().get(1)) + "]";
        }
        return quoteName(call.name()) + "(" + (call.distinct() ? "DISTINCT " : "") + list(call.arguments()) + ")";
    }

    private static String caseText(Case caseExpression) {
        StringBuilder text = new StringBuilder("CASE");
        if (caseExpression.operand() != null) {
            text.append(' ').append(format(caseExpression.operand()));
        }
        for (WhenClause when : caseExpression.whenClauses()) {
            text.append(" WHEN ").append(format(when.condition())).append(" THEN ").append(format(when.result()));
        }
        if (caseExpression.elseValue() != null) {
            text.append(" ELSE ").append(format(caseExpression.elseValue()));
        }
        return text.append(" END").toString();
    }

    private static String list(List<Expression> expressions) {
        return expressions.stream().map(SqlFormatter::format).collect(Collectors.joining(", "));
    }

    /**
     * Formats a child of an operator of strength {@code parent}, in parentheses when it binds
     * more loosely; a right operand (or any operand of a non-associative operator) needs them
     * also at equal strength.
     */
    private static String operand(Expression child, int parent, boolean strict) {
        int strength = precedence(child);
        boolean parenthesize = strict ? strength <= parent : strength < parent;
        return parenthesize ? "(" + format(child) + ")" : format(child);
    }

    private static int precedence(Expression expression) {
        return switch (expression) {
            case Binary binary -> switch (binary.operator()) {
                case OR -> OR;
                case AND -> AND;
                case EQ, NE, LT, LE, GT, GE -> PREDICATE;
                case CONCAT -> CONCAT;
                case ADD, SUB -> ADDITIVE;
                case MUL, DIV, MOD -> MULTIPLICATIVE;
            };
            case Unary unary -> unary.operator() == UnaryOperator.NOT ? NOT : UNARY;
            case Between ignored -> PREDICATE;
            case InList ignored -> PREDICATE;
            case InSubquery ignored -> PREDICATE;
            case Like ignored -> PREDICATE;
            case IsNull ignored -> PREDICATE;
            // a negative number reads as unary minus applied to it
            case IntegerLiteral integer when integer.value().signum() < 0 -> UNARY;
            case DecimalLiteral decimal when decimal.text().startsWith("-") -> UNARY;
            case Lambda ignored -> OR - 1;
            default -> ATOM;
        };
    }

    static String quoteString(String value) {
        StringBuilder text = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\'' -> text.append("\\'");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\0' -> text.append("\\0");
                default -> text.append(c);
            }
        }
        return text.append('\'').toString();
    }

    /** A name as is when it lexes as a plain identifier, else in backquotes. */
    static String quoteName(String name) {
        if (name.matches("[A-Za-z_][A-Za-z_0-9]*") && !isReservedWord(name)) {
            return name;
        }
        return "`" + name.replace("\\", "\\\\").replace("`", "``") + "`";
    }

    private static boolean isReservedWord(String name) {
        String literal = "'" + name.toUpperCase(Locale.ROOT) + "'";
        for (int type = 1; type <= BrookLexer.VOCABULARY.getMaxTokenType(); type++) {
            if (literal.equals(BrookLexer.VOCABULARY.getLiteralName(type))) {
                return !IDENTIFIER_TOKENS.contains(type);
            }
        }
        return false;
    }
}
