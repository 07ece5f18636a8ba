package io.brook.engine.plan;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.sql.ast.FunctionCall;
import io.brook.engine.sql.ast.OrderItem;
import io.brook.engine.sql.ast.Select;
import io.brook.engine.sql.ast.SelectExpression;
import io.brook.engine.sql.ast.SelectItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a query's group keys and aggregate calls. GROUP BY entries may be expressions, select
 * aliases or 1-based ordinals; aggregate calls are collected from the select list, HAVING and
 * ORDER BY, each distinct call computed once.
 */
final class AggregationPlanner {
    private final FunctionRegistry functions;
    private final ExpressionBinder input;

    AggregationPlanner(FunctionRegistry functions, ExpressionBinder input) {
        this.functions = functions;
        this.input = input;
    }

    boolean needsAggregation(Select select) {
        if (!select.groupBy().isEmpty()) {
            return true;
        }
        List<io.brook.engine.sql.ast.Expression> roots = new ArrayList<>(selectExpressions(select));
        if (select.having() != null) {
            roots.add(select.having());
        }
        for (io.brook.engine.sql.ast.Expression root : roots) {
            if (!aggregateCalls(root).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    AggregationPlan plan(Select select) {
        Map<io.brook.engine.sql.ast.Expression, Integer> replacements = new HashMap<>();
        List<ScopeColumn> outputColumns = new ArrayList<>();
        List<Expression> keys = new ArrayList<>();
        for (io.brook.engine.sql.ast.Expression written : groupKeys(select)) {
            if (replacements.containsKey(written)) {
                continue;
            }
            Expression key = input.bind(written);
            replacements.put(written, keys.size());
            keys.add(key);
            outputColumns.add(new ScopeColumn(null, ColumnNames.of(written), key.type(), true));
        }
        Map<FunctionCall, AggregateCall> calls = new LinkedHashMap<>();
        List<io.brook.engine.sql.ast.Expression> roots = new ArrayList<>(selectExpressions(select));
        if (select.having() != null) {
            roots.add(select.having());
        }
        for (OrderItem order : select.orderBy()) {
            roots.add(order.expression());
        }
        for (io.brook.engine.sql.ast.Expression root : roots) {
            for (FunctionCall call : aggregateCalls(root)) {
                if (!calls.containsKey(call) && !replacements.containsKey(call)) {
                    calls.put(call, bindAggregate(call));
                }
            }
        }
        List<AggregateCall> aggregates = new ArrayList<>();
        for (Map.Entry<FunctionCall, AggregateCall> entry : calls.entrySet()) {
            replacements.put(entry.getKey(), keys.size() + aggregates.size());
            aggregates.add(entry.getValue());
            outputColumns.add(new ScopeColumn(null, ColumnNames.of(entry.getKey()), entry.getValue().type(), true));
        }
        return new AggregationPlan(keys, aggregates, new Scope(outputColumns), replacements);
    }

    private AggregateCall bindAggregate(FunctionCall call) {
        for (io.brook.engine.sql.ast.Expression argument : call.arguments()) {
            if (!aggregateCalls(argument).isEmpty()) {
                throw new BrookException(ErrorCode.ILLEGAL_AGGREGATION,
                        "Aggregate function " + ColumnNames.text(call) + " contains another aggregate function");
            }
        }
        List<Expression> arguments = call.star() ? List.of() : input.bindAll(call.arguments());
        return functions.aggregate(call.name(), arguments, call.distinct());
    }

    /** GROUP BY entries with aliases and ordinals replaced by the select expressions they name. */
    private List<io.brook.engine.sql.ast.Expression> groupKeys(Select select) {
        List<io.brook.engine.sql.ast.Expression> keys = new ArrayList<>();
        for (io.brook.engine.sql.ast.Expression key : select.groupBy()) {
            keys.add(SelectItems.resolveReference(select, key, input.scope()));
        }
        return keys;
    }

    private List<FunctionCall> aggregateCalls(io.brook.engine.sql.ast.Expression root) {
        List<FunctionCall> found = new ArrayList<>();
        AstExpressions.walk(root, node -> {
            if (node instanceof FunctionCall call && functions.isAggregate(call.name())) {
                found.add(call);
                return false;
            }
            return true;
        });
        return found;
    }

    private static List<io.brook.engine.sql.ast.Expression> selectExpressions(Select select) {
        List<io.brook.engine.sql.ast.Expression> expressions = new ArrayList<>();
        for (SelectItem item : select.items()) {
            if (item instanceof SelectExpression expression) {
                expressions.add(expression.expression());
            }
        }
        return expressions;
    }

}
