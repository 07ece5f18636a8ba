package io.brook.engine.operator;

import io.brook.engine.query.QueryContext;

/**
 * Makes one operator instance of a planned step. A plan is a list of factories, so the same
 * plan can be instantiated again (a materialized view restarting) and printed by EXPLAIN.
 */
public interface OperatorFactory {

    Operator create(QueryContext context, Operator downstream);

    /** One line for EXPLAIN, e.g. {@code Filter (value > 10)}. */
    String describe();

    /**
     * Null when a materialized view can checkpoint the operator's state; else why not (an
     * aggregate function whose states cannot be written to bytes).
     */
    default String checkpointProblem() {
        return null;
    }
}
