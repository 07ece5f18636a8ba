package io.brook.engine.plan;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.ColumnReference;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.sql.ast.ArrayLiteral;
import io.brook.engine.sql.ast.Between;
import io.brook.engine.sql.ast.Binary;
import io.brook.engine.sql.ast.BooleanLiteral;
import io.brook.engine.sql.ast.Case;
import io.brook.engine.sql.ast.Cast;
import io.brook.engine.sql.ast.DecimalLiteral;
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
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed expressions into bound, typed ones over a {@link Scope}. SQL operators become
 * calls of the registry's named functions ({@code a + b} is {@code plus(a, b)}), so there is one
 * place that knows types and kernels.
 *
 * <p>After aggregation, {@code replacements} maps group keys and aggregate calls, as written,
 * to the columns the aggregation produces; any other column reference there is an error.
 */
public final class ExpressionBinder {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final Scope scope;
    private final FunctionRegistry functions;
    private final Parameters parameters;
    private final Map<io.brook.engine.sql.ast.Expression, Integer> replacements;
    private final Map<String, io.brook.engine.sql.ast.Expression> aliases;
    private final java.util.Set<String> expanding = new java.util.HashSet<>();

    public ExpressionBinder(Scope scope, FunctionRegistry functions, Parameters parameters) {
        this(scope, functions, parameters, null, Map.of());
    }

    /**
     * A binder that also resolves select-list aliases ({@code SELECT max(n) AS top ... HAVING
     * top > 3}): a bare name that is not a column stands for the aliased expression.
     */
    public ExpressionBinder(Scope scope, FunctionRegistry functions, Parameters parameters,
                            Map<io.brook.engine.sql.ast.Expression, Integer> replacements,
                            Map<String, io.brook.engine.sql.ast.Expression> aliases) {
        this.scope = scope;
        this.functions = functions;
        this.parameters = parameters;
        this.replacements = replacements;
        this.aliases = aliases;
    }

    public Scope scope() {
        return scope;
    }

    public Expression bind(io.brook.engine.sql.ast.Expression expression) {
        if (replacements != null) {
            Integer index = replacements.get(expression);
            if (index != null) {
                ScopeColumn column = scope.columns().get(index);
                return new ColumnReference(index, column.name(), column.type());
            }
        }
        return switch (expression) {
            case IntegerLiteral integer -> integerLiteral(integer.value());
            case DecimalLiteral decimal -> Literal.of(decimal.value(), BrookType.FLOAT64);
            case StringLiteral string -> Literal.of(string.value(), BrookType.STRING);
            case BooleanLiteral bool -> Literal.of(bool.value(), BrookType.BOOL);
            case NullLiteral ignored -> Literal.of(null, BrookType.NOTHING);
            case IntervalLiteral interval -> functions.interval(interval.amount(), interval.unit().name());
            case Identifier identifier -> identifier(identifier);
            case Parameter parameter -> parameters.literal(parameter.index());
            case FunctionCall call -> call(call);
            case Cast cast -> functions.cast(bind(cast.expression()), TypeParser.parse(cast.type().toString()));
            case Unary unary -> unary(unary);
            case Binary binary -> functions.call(binaryName(binary), List.of(bind(binary.left()), bind(binary.right())));
            case Between between -> between(between);
            case InList in -> in(in);
            case Like like -> like(like);
            case IsNull isNull -> functions.call(isNull.negated() ? "is_not_null" : "is_null",
                    List.of(bind(isNull.expression())));
            case Case caseExpression -> caseExpression(caseExpression);
            case ArrayLiteral array -> functions.call("array", bindAll(array.elements()));
            case TupleLiteral tuple -> functions.call("tuple", bindAll(tuple.elements()));
            default -> throw new BrookException(ErrorCode.NOT_IMPLEMENTED,
                    "Subqueries and lambdas inside expressions are not supported: " + expression);
        };
    }

    public List<Expression> bindAll(List<io.brook.engine.sql.ast.Expression> expressions) {
        List<Expression> bound = new ArrayList<>(expressions.size());
        for (io.brook.engine.sql.ast.Expression expression : expressions) {
            bound.add(bind(expression));
        }
        return bound;
    }

    private Expression identifier(Identifier identifier) {
        List<String> parts = identifier.parts();
        if (parts.size() == 1 && aliases.containsKey(parts.getFirst())
                && (replacements != null || scope.find(parts) < 0) && expanding.add(parts.getFirst())) {
            try {
                return bind(aliases.get(parts.getFirst()));
            } finally {
                expanding.remove(parts.getFirst());
            }
        }
        if (replacements != null) {
            throw new BrookException(ErrorCode.NOT_AN_AGGREGATE, "Column " + String.join(".", identifier.parts())
                    + " is not under aggregate function and not in GROUP BY");
        }
        return scope.resolve(identifier.parts());
    }

    private Expression call(FunctionCall call) {
        if (functions.isAggregate(call.name())) {
            throw new BrookException(ErrorCode.ILLEGAL_AGGREGATION,
                    "Aggregate function " + call.name() + " is found in a place where aggregates are not allowed");
        }
        return functions.call(call.name(), bindAll(call.arguments()));
    }

    private static Expression integerLiteral(BigInteger value) {
        if (value.bitLength() < 64) {
            return Literal.of(value.longValue(), BrookType.INT64);
        }
        if (value.signum() > 0 && value.bitLength() == 64) {
            return Literal.of(new java.math.BigDecimal(value), BrookType.UINT64);
        }
        throw new BrookException(ErrorCode.ARGUMENT_OUT_OF_BOUND, "Integer literal " + value + " is out of range");
    }

    private Expression unary(Unary unary) {
        return switch (unary.operator()) {
            case PLUS -> bind(unary.operand());
            case NOT -> functions.call("not", List.of(bind(unary.operand())));
            case NEGATE -> unary.operand() instanceof IntegerLiteral integer && integer.value().compareTo(LONG_MAX) > 0
                    ? integerLiteral(integer.value().negate())
                    : functions.call("negate", List.of(bind(unary.operand())));
        };
    }

    private static String binaryName(Binary binary) {
        return switch (binary.operator()) {
            case ADD -> "plus";
            case SUB -> "minus";
            case MUL -> "multiply";
            case DIV -> "divide";
            case MOD -> "modulo";
            case EQ -> "equals";
            case NE -> "not_equals";
            case LT -> "less";
            case LE -> "less_or_equals";
            case GT -> "greater";
            case GE -> "greater_or_equals";
            case AND -> "and";
            case OR -> "or";
            case CONCAT -> "concat";
        };
    }

    private Expression between(Between between) {
        Expression value = bind(between.expression());
        Expression range = functions.call("and", List.of(
                functions.call("greater_or_equals", List.of(value, bind(between.low()))),
                functions.call("less_or_equals", List.of(value, bind(between.high())))));
        return between.negated() ? functions.call("not", List.of(range)) : range;
    }

    private Expression in(InList in) {
        List<Expression> arguments = new ArrayList<>();
        arguments.add(bind(in.expression()));
        arguments.addAll(bindAll(in.values()));
        Expression test = functions.call("in", arguments);
        return in.negated() ? functions.call("not", List.of(test)) : test;
    }

    private Expression like(Like like) {
        String name = like.caseInsensitive() ? "ilike" : "like";
        Expression test = functions.call(name, List.of(bind(like.expression()), bind(like.pattern())));
        return like.negated() ? functions.call("not", List.of(test)) : test;
    }

    private Expression caseExpression(Case caseExpression) {
        List<Expression> arguments = new ArrayList<>();
        Expression operand = caseExpression.operand() == null ? null : bind(caseExpression.operand());
        for (WhenClause when : caseExpression.whenClauses()) {
            Expression condition = bind(when.condition());
            arguments.add(operand == null ? condition : functions.call("equals", List.of(operand, condition)));
            arguments.add(bind(when.result()));
        }
        arguments.add(caseExpression.elseValue() == null
                ? Literal.of(null, BrookType.NOTHING) : bind(caseExpression.elseValue()));
        return functions.call("multi_if", arguments);
    }
}
