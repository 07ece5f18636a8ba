package io.brook.engine.plan;

import io.brook.engine.catalog.Column;
import io.brook.engine.operator.OperatorFactory;
import io.brook.engine.query.QuerySettings;

import java.util.ArrayList;
import java.util.List;

/**
 * A planned query: where chunks come from, the operators they pass through, the result
 * columns, whether it is unbounded, how often time-driven operators need a tick (0: never),
 * and the settings it runs with (the session's with the query's own SETTINGS on top).
 */
public record QueryPlan(SourcePlan source, List<OperatorFactory> operators, List<Column> columns,
                        boolean streaming, long tickMillis, QuerySettings settings) {

    public QueryPlan {
        operators = List.copyOf(operators);
        columns = List.copyOf(columns);
    }

    /** The pipeline as EXPLAIN prints it, source first. */
    public List<String> explain() {
        List<String> lines = new ArrayList<>();
        lines.add((streaming ? "Streaming query" : "Bounded query") + " -> " + columns.size() + " columns");
        lines.add("  Source: " + source.describe());
        for (String step : source.steps()) {
            lines.add("    " + step);
        }
        for (OperatorFactory operator : operators) {
            lines.add("  " + operator.describe());
        }
        return lines;
    }
}
