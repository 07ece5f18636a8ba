package io.brook.engine.sql;

import io.brook.engine.sql.BrookParser.*;
import io.brook.engine.sql.ast.ArrayLiteral;
import io.brook.engine.sql.ast.Between;
import io.brook.engine.sql.ast.Binary;
import io.brook.engine.sql.ast.BinaryOperator;
import io.brook.engine.sql.ast.Case;
import io.brook.engine.sql.ast.Cast;
import io.brook.engine.sql.ast.Expression;
import io.brook.engine.sql.ast.FunctionCall;
import io.brook.engine.sql.ast.Identifier;
import io.brook.engine.sql.ast.InList;
import io.brook.engine.sql.ast.InSubquery;
import io.brook.engine.sql.ast.IsNull;
import io.brook.engine.sql.ast.Lambda;
import io.brook.engine.sql.ast.Like;
import io.brook.engine.sql.ast.Parameter;
import io.brook.engine.sql.ast.Subquery;
import io.brook.engine.sql.ast.TupleLiteral;
import io.brook.engine.sql.ast.Unary;
import io.brook.engine.sql.ast.UnaryOperator;
import io.brook.engine.sql.ast.WhenClause;
import org.antlr.v4.runtime.Token;

import java.util.List;
import java.util.Map;

/** Builds {@link Expression}s from the expression rules of the grammar. */
final class ExpressionBuilder extends BrookBaseVisitor<Expression> {
    /** Name Timeplus gives the function behind {@code a[i]}. */
    static final String SUBSCRIPT_FUNCTION = "array_element";

    private final Map<Integer, Integer> parameterIndexByToken;
    private final QueryBuilder queries;

    /**
     * @param parameterIndexByToken for each {@code ?} token index, its 0-based position among the
     *                              statement's placeholders
     * @param queries               builds subqueries met inside expressions
     */
    ExpressionBuilder(Map<Integer, Integer> parameterIndexByToken, QueryBuilder queries) {
        this.parameterIndexByToken = parameterIndexByToken;
        this.queries = queries;
    }

    Expression expression(ExpressionContext context) {
        return visit(context.booleanExpression());
    }

    List<Expression> expressions(List<ExpressionContext> contexts) {
        return contexts.stream().map(this::expression).toList();
    }

    // ------------------------------------------------------------ boolean level

    @Override
    public Expression visitPredicated(PredicatedContext context) {
        Expression value = visit(context.valueExpression());
        return context.predicate() == null ? value : predicate(value, context.predicate());
    }

    private Expression predicate(Expression value, PredicateContext context) {
        return switch (context) {
            case ComparisonContext comparison ->
                    new Binary(comparisonOperator(comparison.comparisonOperator()), value, visit(comparison.right));
            case BetweenContext between ->
                    new Between(value, visit(between.lower), visit(between.upper), between.NOT() != null);
            case InSubqueryContext in -> new InSubquery(value, queries.select(in.query()), in.NOT() != null);
            case InListContext in -> new InList(value, expressions(in.expression()), in.NOT() != null);
            case LikeContext like -> new Like(value, visit(like.pattern), like.NOT() != null,
                    like.operator.getType() == BrookLexer.ILIKE);
            case NullPredicateContext isNull -> new IsNull(value, isNull.NOT() != null);
            default -> throw new IllegalStateException("unknown predicate " + context.getText());
        };
    }

    private static BinaryOperator comparisonOperator(ComparisonOperatorContext context) {
        return switch (context.getStart().getType()) {
            case BrookLexer.EQ -> BinaryOperator.EQ;
            case BrookLexer.NEQ -> BinaryOperator.NE;
            case BrookLexer.LT -> BinaryOperator.LT;
            case BrookLexer.LTE -> BinaryOperator.LE;
            case BrookLexer.GT -> BinaryOperator.GT;
            case BrookLexer.GTE -> BinaryOperator.GE;
            default -> throw new IllegalStateException("unknown comparison " + context.getText());
        };
    }

    @Override
    public Expression visitLogicalNot(LogicalNotContext context) {
        return new Unary(UnaryOperator.NOT, visit(context.booleanExpression()));
    }

    @Override
    public Expression visitLogicalAnd(LogicalAndContext context) {
        return new Binary(BinaryOperator.AND, visit(context.left), visit(context.right));
    }

    @Override
    public Expression visitLogicalOr(LogicalOrContext context) {
        return new Binary(BinaryOperator.OR, visit(context.left), visit(context.right));
    }

    // ------------------------------------------------------------ arithmetic level

    @Override
    public Expression visitPrimary(PrimaryContext context) {
        return visit(context.primaryExpression());
    }

    @Override
    public Expression visitSubscript(SubscriptContext context) {
        return FunctionCall.of(SUBSCRIPT_FUNCTION, visit(context.valueExpression()), expression(context.index));
    }

    @Override
    public Expression visitCastOperator(CastOperatorContext context) {
        return new Cast(visit(context.valueExpression()), TypeBuilder.dataType(context.dataType()));
    }

    @Override
    public Expression visitUnaryArithmetic(UnaryArithmeticContext context) {
        UnaryOperator operator = context.operator.getType() == BrookLexer.MINUS
                ? UnaryOperator.NEGATE : UnaryOperator.PLUS;
        return new Unary(operator, visit(context.valueExpression()));
    }

    @Override
    public Expression visitMultiplicative(MultiplicativeContext context) {
        BinaryOperator operator = switch (context.operator.getType()) {
            case BrookLexer.ASTERISK -> BinaryOperator.MUL;
            case BrookLexer.SLASH -> BinaryOperator.DIV;
            default -> BinaryOperator.MOD;
        };
        return new Binary(operator, visit(context.left), visit(context.right));
    }

    @Override
    public Expression visitAdditive(AdditiveContext context) {
        BinaryOperator operator = context.operator.getType() == BrookLexer.PLUS
                ? BinaryOperator.ADD : BinaryOperator.SUB;
        return new Binary(operator, visit(context.left), visit(context.right));
    }

    @Override
    public Expression visitConcatenation(ConcatenationContext context) {
        return new Binary(BinaryOperator.CONCAT, visit(context.left), visit(context.right));
    }

    // ------------------------------------------------------------ primaries

    @Override
    public Expression visitLiteralExpression(LiteralExpressionContext context) {
        return Literals.literal(context.literal());
    }

    @Override
    public Expression visitDurationLiteral(DurationLiteralContext context) {
        return Intervals.duration(context.DURATION().getSymbol());
    }

    @Override
    public Expression visitIntervalLiteral(IntervalLiteralContext context) {
        return Intervals.body(context.intervalBody());
    }

    @Override
    public Expression visitParameter(ParameterContext context) {
        Token token = context.QUESTION().getSymbol();
        return new Parameter(parameterIndexByToken.get(token.getTokenIndex()));
    }

    @Override
    public Expression visitCast(CastContext context) {
        return new Cast(expression(context.expression()), TypeBuilder.dataType(context.dataType()));
    }

    @Override
    public Expression visitCaseExpression(CaseExpressionContext context) {
        List<WhenClause> whenClauses = context.whenClause().stream()
                .map(when -> new WhenClause(expression(when.condition), expression(when.result)))
                .toList();
        return new Case(context.operand == null ? null : expression(context.operand), whenClauses,
                context.elseValue == null ? null : expression(context.elseValue));
    }

    @Override
    public Expression visitFunctionCall(FunctionCallContext context) {
        FunctionNameContext nameContext = context.functionName();
        String name = nameContext.identifier() != null
                ? Names.identifier(nameContext.identifier()) : nameContext.getText();
        FunctionArgumentsContext arguments = context.functionArguments();
        if (arguments == null) {
            return new FunctionCall(name, List.of(), false, false);
        }
        if (arguments.ASTERISK() != null) {
            return new FunctionCall(name, List.of(), false, true);
        }
        List<Expression> values = arguments.functionArgument().stream().map(this::argument).toList();
        return new FunctionCall(name, values, arguments.DISTINCT() != null, false);
    }

    private Expression argument(FunctionArgumentContext context) {
        if (context.lambda() == null) {
            return expression(context.expression());
        }
        LambdaContext lambda = context.lambda();
        return new Lambda(Names.identifiers(lambda.identifier()), expression(lambda.expression()));
    }

    @Override
    public Expression visitColumnReference(ColumnReferenceContext context) {
        return new Identifier(Names.identifiers(context.identifier()));
    }

    @Override
    public Expression visitSubquery(SubqueryContext context) {
        return new Subquery(queries.select(context.query()));
    }

    @Override
    public Expression visitParenthesized(ParenthesizedContext context) {
        List<Expression> elements = expressions(context.expression());
        return elements.size() == 1 ? elements.getFirst() : new TupleLiteral(elements);
    }

    @Override
    public Expression visitArrayConstructor(ArrayConstructorContext context) {
        return new ArrayLiteral(expressions(context.expression()));
    }
}
