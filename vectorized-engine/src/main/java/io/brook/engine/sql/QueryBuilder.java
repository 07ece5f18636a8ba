package io.brook.engine.sql;

import io.brook.engine.sql.BrookParser.*;
import io.brook.engine.sql.ast.AllColumns;
import io.brook.engine.sql.ast.Emit;
import io.brook.engine.sql.ast.Expression;
import io.brook.engine.sql.ast.IntervalLiteral;
import io.brook.engine.sql.ast.Join;
import io.brook.engine.sql.ast.NamedRelation;
import io.brook.engine.sql.ast.OrderItem;
import io.brook.engine.sql.ast.Relation;
import io.brook.engine.sql.ast.Select;
import io.brook.engine.sql.ast.SelectExpression;
import io.brook.engine.sql.ast.SelectItem;
import io.brook.engine.sql.ast.Setting;
import io.brook.engine.sql.ast.SubqueryRelation;
import io.brook.engine.sql.ast.TableFunctionRelation;
import org.antlr.v4.runtime.Token;

import java.util.List;
import java.util.Map;

/** Builds {@link Select}s: select list, relations, limits, EMIT and SETTINGS. */
final class QueryBuilder {
    private final ExpressionBuilder expressions;

    QueryBuilder(Map<Integer, Integer> parameterIndexByToken) {
        this.expressions = new ExpressionBuilder(parameterIndexByToken, this);
    }

    ExpressionBuilder expressions() {
        return expressions;
    }

    Select select(QueryContext context) {
        if (context.early != null && context.late != null) {
            throw SyntaxErrors.at(context.late.getStart(), "a query has one EMIT clause");
        }
        EmitClauseContext emit = context.early != null ? context.early : context.late;
        LimitClauseContext limit = context.limitClause();
        return new Select(
                context.DISTINCT() != null,
                context.selectItem().stream().map(this::selectItem).toList(),
                context.relation() == null ? null : relation(context.relation()),
                optional(context.where),
                expressions.expressions(context.groupingKeys),
                optional(context.having),
                context.orderItem().stream().map(this::orderItem).toList(),
                limit == null ? null : count(limitToken(limit, true)),
                limit == null ? null : count(limitToken(limit, false)),
                emit == null ? null : emit(emit),
                settings(context.settingsClause()));
    }

    private Expression optional(ExpressionContext context) {
        return context == null ? null : expressions.expression(context);
    }

    static List<Setting> settings(SettingsClauseContext context) {
        if (context == null) {
            return List.of();
        }
        return context.setting().stream().map(QueryBuilder::setting).toList();
    }

    static Setting setting(SettingContext context) {
        return new Setting(Names.identifier(context.identifier()), Literals.settingValue(context.settingValue()));
    }

    // ------------------------------------------------------------ select list and ORDER BY

    private SelectItem selectItem(SelectItemContext context) {
        return switch (context) {
            case AllColumnsContext all -> new AllColumns(null, except(all.exceptColumns()));
            case QualifiedAllColumnsContext qualified ->
                    new AllColumns(Names.identifier(qualified.identifier()), except(qualified.exceptColumns()));
            case SelectExpressionContext expression ->
                    new SelectExpression(expressions.expression(expression.expression()), alias(expression.alias()));
            default -> throw new IllegalStateException("unknown select item " + context.getText());
        };
    }

    private static List<String> except(ExceptColumnsContext context) {
        return context == null ? List.of() : Names.identifiers(context.identifier());
    }

    private static String alias(AliasContext context) {
        if (context == null) {
            return null;
        }
        if (context.identifier() != null) {
            return Names.identifier(context.identifier());
        }
        Token word = context.implicitAlias().getStart();
        return word.getType() == BrookLexer.BACKQUOTED_IDENTIFIER || word.getType() == BrookLexer.DOUBLEQUOTED_IDENTIFIER
                ? TokenText.unquote(word.getText()) : word.getText();
    }

    private OrderItem orderItem(OrderItemContext context) {
        boolean descending = context.direction != null && context.direction.getType() == BrookLexer.DESC;
        OrderItem.NullsOrder nulls = context.nulls == null ? OrderItem.NullsOrder.DEFAULT
                : context.nulls.getType() == BrookLexer.FIRST ? OrderItem.NullsOrder.FIRST : OrderItem.NullsOrder.LAST;
        return new OrderItem(expressions.expression(context.expression()), descending, nulls);
    }

    // ------------------------------------------------------------ LIMIT / OFFSET

    private static Token limitToken(LimitClauseContext context, boolean wantLimit) {
        return switch (context) {
            case LimitOffsetContext c -> wantLimit ? c.limit : c.offset;
            case LimitWithLeadingOffsetContext c -> wantLimit ? c.limit : c.offset;
            case OffsetLimitContext c -> wantLimit ? c.limit : c.offset;
            default -> throw new IllegalStateException("unknown limit clause " + context.getText());
        };
    }

    private static Long count(Token token) {
        if (token == null) {
            return null;
        }
        try {
            return Long.parseLong(token.getText());
        } catch (NumberFormatException tooLarge) {
            throw SyntaxErrors.at(token, "number out of range");
        }
    }

    // ------------------------------------------------------------ relations

    Relation relation(RelationContext context) {
        return switch (context) {
            case JoinRelationContext join -> join(join);
            case PrimaryRelationContext primary -> relationPrimary(primary.relationPrimary());
            default -> throw new IllegalStateException("unknown relation " + context.getText());
        };
    }

    private Relation join(JoinRelationContext context) {
        JoinCriteriaContext criteria = context.joinCriteria();
        Expression on = criteria == null || criteria.expression() == null
                ? null : expressions.expression(criteria.expression());
        List<String> using = criteria == null ? List.of() : Names.identifiers(criteria.identifier());
        return new Join(relation(context.left), relationPrimary(context.right), joinType(context.joinType()),
                on, using);
    }

    private static Join.Type joinType(JoinTypeContext context) {
        if (context.LEFT() != null) {
            return Join.Type.LEFT;
        }
        if (context.RIGHT() != null) {
            return Join.Type.RIGHT;
        }
        if (context.FULL() != null) {
            return Join.Type.FULL;
        }
        return context.CROSS() != null ? Join.Type.CROSS : Join.Type.INNER;
    }

    private Relation relationPrimary(RelationPrimaryContext context) {
        return switch (context) {
            case TableFunctionRelationContext function -> tableFunction(function.tableFunction(), alias(function.alias()));
            case NamedRelationContext named -> new NamedRelation(Names.qualifiedName(named.qualifiedName()),
                    alias(named.alias()));
            case SubqueryRelationContext subquery -> new SubqueryRelation(select(subquery.query()),
                    alias(subquery.alias()));
            default -> throw new IllegalStateException("unknown relation " + context.getText());
        };
    }

    private Relation tableFunction(TableFunctionContext context, String alias) {
        String name = Names.identifier(context.identifier());
        TableFunctionArgumentsContext arguments = context.tableFunctionArguments();
        if (arguments == null) {
            return new TableFunctionRelation(name, null, List.of(), alias);
        }
        TableFunctionInputContext input = arguments.tableFunctionInput();
        return new TableFunctionRelation(name, input == null ? null : tableFunctionInput(input),
                expressions.expressions(arguments.expression()), alias);
    }

    private Relation tableFunctionInput(TableFunctionInputContext context) {
        if (context.tableFunction() != null) {
            return tableFunction(context.tableFunction(), null);
        }
        if (context.qualifiedName() != null) {
            return new NamedRelation(Names.qualifiedName(context.qualifiedName()), null);
        }
        return new SubqueryRelation(select(context.query()), null);
    }

    // ------------------------------------------------------------ EMIT

    private static Emit emit(EmitClauseContext context) {
        Emit.Kind kind = Emit.Kind.DEFAULT;
        IntervalLiteral period = null;
        IntervalLiteral delay = null;
        IntervalLiteral timeout = null;
        boolean repeat = false;
        boolean changelog = false;
        for (EmitPolicyContext policy : context.emitPolicy()) {
            switch (policy) {
                case EmitStreamContext ignored -> changelog = false;
                case EmitChangelogContext ignored -> changelog = true;
                case EmitPeriodicContext periodic -> {
                    kind = trigger(kind, Emit.Kind.PERIODIC, policy);
                    period = Intervals.interval(periodic.interval(0));
                    repeat = periodic.REPEAT() != null;
                    delay = periodic.delay == null ? null : Intervals.interval(periodic.delay);
                }
                case EmitOnUpdateContext ignored -> kind = trigger(kind, Emit.Kind.ON_UPDATE, policy);
                case EmitAfterWindowCloseContext after -> {
                    kind = trigger(kind, Emit.Kind.AFTER_WINDOW_CLOSE, policy);
                    delay = after.delay == null ? null : Intervals.interval(after.delay);
                }
                case EmitTimeoutContext timeoutPolicy -> {
                    if (timeout != null) {
                        throw SyntaxErrors.at(policy.getStart(), "TIMEOUT given twice");
                    }
                    timeout = Intervals.interval(timeoutPolicy.interval());
                }
                default -> throw new IllegalStateException("unknown emit policy " + policy.getText());
            }
        }
        return new Emit(kind, period, repeat, delay, timeout, changelog);
    }

    private static Emit.Kind trigger(Emit.Kind current, Emit.Kind next, EmitPolicyContext policy) {
        if (current != Emit.Kind.DEFAULT) {
            throw SyntaxErrors.at(policy.getStart(), "conflicting EMIT policies");
        }
        return next;
    }
}
