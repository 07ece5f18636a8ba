package io.brook.engine.plan;

import io.brook.engine.expr.Expression;
import io.brook.engine.function.aggregate.AggregateCall;

import java.util.List;
import java.util.Map;

/**
 * The aggregation step of a query: bound group keys and aggregate calls, the scope after it
 * (keys then aggregates), and which written expressions those output columns stand for.
 */
record AggregationPlan(List<Expression> keys, List<AggregateCall> aggregates, Scope outputScope,
                       Map<io.brook.engine.sql.ast.Expression, Integer> replacements) {
}
