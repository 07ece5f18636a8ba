package io.brook.engine.plan;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.ColumnReference;
import io.brook.engine.expr.Expression;
import io.brook.engine.operator.DistinctOperator;
import io.brook.engine.operator.FilterOperator;
import io.brook.engine.operator.aggregation.HashAggregationOperator;
import io.brook.engine.operator.LimitOperator;
import io.brook.engine.operator.OperatorFactory;
import io.brook.engine.operator.ProjectOperator;
import io.brook.engine.operator.sort.SortOperator;
import io.brook.engine.operator.window.WindowAggregationFactory;
import io.brook.engine.operator.window.WindowColumnsOperator;
import io.brook.engine.operator.window.WindowReferences;
import io.brook.engine.window.WindowEmit;
import io.brook.engine.window.WindowKind;
import io.brook.engine.window.WindowSpec;
import io.brook.engine.query.QuerySettings;
import io.brook.engine.sql.ast.AllColumns;
import io.brook.engine.sql.ast.Query;
import io.brook.engine.sql.ast.Select;
import io.brook.engine.sql.ast.SelectExpression;
import io.brook.engine.sql.ast.SelectItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Plans a SELECT into a source and a line of operators:
 * source -> WHERE filter -> aggregation -> HAVING filter -> projection -> DISTINCT -> ORDER BY
 * -> LIMIT. A global aggregation (no GROUP BY) takes the WHERE filter into itself. Streaming
 * aggregations emit per the EMIT clause (SPEC 1.7). Over a window function (SPEC 1.8) the
 * aggregation is a windowed one; without aggregation the window's columns are added to each row
 * before WHERE.
 */
public final class QueryPlanner {
    private final PlanningContext planning;

    QueryPlanner(PlanningContext planning) {
        this.planning = planning;
    }

    /** Plans a query; {@code bounded} is true inside {@code table()} or a bounded context. */
    public QueryPlan plan(Query query, boolean bounded) {
        Select select = (Select) query;
        QuerySettings settings = planning.settings().with(SettingValues.of(select.settings()));
        PlanningContext context = select.settings().isEmpty() ? planning : planning.withSettings(settings);
        return new SelectPlanning(context, select, bounded).plan();
    }

    /** The state of planning one SELECT. */
    private static final class SelectPlanning {
        private final PlanningContext context;
        private final Select select;
        private final boolean bounded;
        private final List<OperatorFactory> operators = new ArrayList<>();

        SelectPlanning(PlanningContext context, Select select, boolean bounded) {
            this.context = context;
            this.select = select;
            this.bounded = bounded;
        }

        QueryPlan plan() {
            PlannedRelation relation = select.from() == null
                    ? SingleRowSource.relation()
                    : new RelationPlanner(context).plan(select.from(), bounded, select.where());
            operators.addAll(relation.operators());
            SourcePlan source = relation.source();
            Map<String, io.brook.engine.sql.ast.Expression> aliases = aliases(select);
            ExpressionBinder binder = new ExpressionBinder(relation.scope(), context.functions(),
                    context.parameters(), null, aliases);
            Expression where = select.where() == null ? null : predicate(binder.bind(select.where()), "WHERE");
            long tickMillis = relation.tickMillis();
            WindowSpec window = relation.window();
            AggregationPlanner aggregation = new AggregationPlanner(context.functions(), binder);
            if (window != null && (aggregation.needsAggregation(select) || window.kind() == WindowKind.SESSION)) {
                if (where != null && WindowReferences.reads(where, window.startColumn())) {
                    throw new BrookException(ErrorCode.BAD_ARGUMENTS, "WHERE of a windowed aggregation cannot read "
                            + "window_start or window_end, which exist only once rows are in windows: use HAVING");
                }
                if (where != null) {
                    operators.add(new FilterOperator.Factory(where));
                    where = null;
                }
                AggregationPlan plan = aggregation.plan(WindowGrouping.withWindowKeys(select, binder, window));
                WindowEmit emit = WindowEmits.choose(select.emit(), relation.streaming(), window);
                operators.add(new WindowAggregationFactory(window, plan.keys(), plan.aggregates(), emit));
                tickMillis = Math.max(tickMillis, emit.tickMillis());
                binder = new ExpressionBinder(plan.outputScope(), context.functions(), context.parameters(),
                        plan.replacements(), aliases);
                if (select.having() != null) {
                    operators.add(new FilterOperator.Factory(predicate(binder.bind(select.having()), "HAVING")));
                }
            } else if (aggregation.needsAggregation(select)) {
                AggregationPlan plan = aggregation.plan(select);
                EmitPolicies.Choice emit = EmitPolicies.choose(select.emit(), relation.streaming(), context.settings());
                if (ParallelAggregation.applies(relation, where, plan.keys(), plan.aggregates(), emit.policy())) {
                    source = new ParallelAggregation((StreamSource) relation.source(), where, plan.keys(), plan.aggregates());
                    operators.clear();
                } else {
                    if (where != null && !plan.keys().isEmpty()) {
                        operators.add(new FilterOperator.Factory(where));
                        where = null;
                    }
                    // a global aggregation takes the WHERE predicate itself: no selection vector in between
                    operators.add(new HashAggregationOperator.Factory(plan.keys(), where, plan.aggregates(), emit.policy()));
                }
                tickMillis = Math.max(tickMillis, emit.tickMillis());
                binder = new ExpressionBinder(plan.outputScope(), context.functions(), context.parameters(),
                        plan.replacements(), aliases);
                if (select.having() != null) {
                    operators.add(new FilterOperator.Factory(predicate(binder.bind(select.having()), "HAVING")));
                }
            } else if (select.having() != null) {
                throw new BrookException(ErrorCode.ILLEGAL_AGGREGATION, "HAVING needs GROUP BY or an aggregate function");
            } else {
                if (window != null) {
                    operators.add(new WindowColumnsOperator.Factory(window));
                }
                if (where != null) {
                    operators.add(new FilterOperator.Factory(where));
                }
            }
            List<Output> outputs = outputs(binder);
            OrderKeys.requireBounded(select, relation.streaming());
            long limit = select.limit() == null ? -1 : select.limit();
            long offset = select.offset() == null ? 0 : select.offset();
            long sortLimit = limit < 0 ? -1 : limit + offset;
            List<Expression> projected = new ArrayList<>();
            for (Output output : outputs) {
                projected.add(output.expression());
            }
            if (select.distinct()) {
                operators.add(new ProjectOperator.Factory(projected));
                operators.add(new DistinctOperator.Factory());
                if (!select.orderBy().isEmpty()) {
                    operators.add(new SortOperator.Factory(OrderKeys.afterProjection(select, outputs, binder.scope()),
                            sortLimit));
                }
            } else {
                if (!select.orderBy().isEmpty()) {
                    operators.add(new SortOperator.Factory(OrderKeys.beforeProjection(select, outputs, binder),
                            sortLimit));
                }
                operators.add(new ProjectOperator.Factory(projected));
            }
            if (limit >= 0 || offset > 0) {
                operators.add(new LimitOperator.Factory(offset, limit));
            }
            List<io.brook.engine.catalog.Column> columns = new ArrayList<>();
            for (Output output : outputs) {
                columns.add(io.brook.engine.catalog.Column.of(output.name(), output.expression().type()));
            }
            return new QueryPlan(source, operators, columns, relation.streaming(), tickMillis,
                    context.settings());
        }

        private List<Output> outputs(ExpressionBinder binder) {
            List<Output> outputs = new ArrayList<>();
            for (SelectItem item : select.items()) {
                switch (item) {
                    case AllColumns all -> expandStar(all, binder.scope(), outputs);
                    case SelectExpression expression -> outputs.add(new Output(
                            expression.alias() != null ? expression.alias() : ColumnNames.of(expression.expression()),
                            binder.bind(expression.expression())));
                }
            }
            return outputs;
        }

        /** WHERE and HAVING must be boolean (NULL counts as false). */
        private static Expression predicate(Expression condition, String clause) {
            io.brook.engine.types.TypeKind kind = condition.type().kind();
            if (kind != io.brook.engine.types.TypeKind.BOOL && kind != io.brook.engine.types.TypeKind.NOTHING) {
                throw new BrookException(ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type " + condition.type()
                        + " of " + clause + " condition " + condition.describe() + ": it must be bool");
            }
            return condition;
        }

        private static Map<String, io.brook.engine.sql.ast.Expression> aliases(Select select) {
            Map<String, io.brook.engine.sql.ast.Expression> aliases = new HashMap<>();
            for (SelectItem item : select.items()) {
                if (item instanceof SelectExpression expression && expression.alias() != null) {
                    aliases.putIfAbsent(expression.alias(), expression.expression());
                }
            }
            return aliases;
        }

        private static void expandStar(AllColumns all, Scope scope, List<Output> outputs) {
            int before = outputs.size();
            for (int i = 0; i < scope.size(); i++) {
                ScopeColumn column = scope.columns().get(i);
                boolean qualifies = all.qualifier() == null || all.qualifier().equals(column.qualifier());
                if (column.inStar() && qualifies && !all.except().contains(column.name())) {
                    outputs.add(new Output(column.name(), new ColumnReference(i, column.name(), column.type())));
                }
            }
            for (String excluded : all.except()) {
                if (scope.find(List.of(excluded)) < 0) {
                    throw new BrookException(ErrorCode.UNKNOWN_IDENTIFIER, "Unknown identifier: " + excluded);
                }
            }
            if (outputs.size() == before && all.qualifier() != null) {
                throw new BrookException(ErrorCode.UNKNOWN_IDENTIFIER, "Unknown identifier: " + all.qualifier() + ".*");
            }
        }

    }

    /** One result column: its name and its bound expression. */
    record Output(String name, Expression expression) {
    }
}
