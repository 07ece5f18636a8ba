package io.brook.engine.view;

import io.brook.engine.catalog.Column;
import io.brook.engine.catalog.ViewEntry;
import io.brook.engine.operator.OperatorFactory;
import io.brook.engine.operator.aggregation.HashAggregationOperator;
import io.brook.engine.plan.QueryPlan;
import io.brook.engine.plan.StreamSource;
import io.brook.engine.stream.StreamTable;

import java.util.List;

/**
 * A materialized view's definition, planned and checked: its query, its settings, and where its
 * rows go: the stream or external stream named by INTO, or (when {@code into} is null) a stream
 * of the view's own name with {@code ownColumns}.
 */
record ViewPlan(String name, QueryPlan query, ViewSettings settings, String into, List<Column> ownColumns) {

    boolean ownsStream() {
        return into == null;
    }

    /** The query's result columns, which go to the target by name. */
    List<Column> output() {
        return query.columns();
    }

    ViewEntry entry() {
        return new ViewEntry(name, output(), query.source().streams(), into);
    }

    /**
     * Whether reading the same source rows again from a checkpoint produces the same output rows
     * in the same order, so rows the target already holds can be skipped by count. True for
     * filters, projections and DISTINCT; false for aggregations, whose emits depend on time.
     */
    boolean replaysExactly() {
        for (OperatorFactory operator : query.operators()) {
            if (operator instanceof HashAggregationOperator.Factory) {
                return false;
            }
        }
        return true;
    }

    /** The stream the view reads, whose positions it checkpoints; null for an external source. */
    StreamTable sourceStream() {
        return query.source() instanceof StreamSource source ? source.stream() : null;
    }
}
