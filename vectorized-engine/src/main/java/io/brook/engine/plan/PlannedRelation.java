package io.brook.engine.plan;

import io.brook.engine.operator.OperatorFactory;

import java.util.List;

/**
 * A FROM clause planned so far: its source, the operators already needed (a subquery's), the
 * columns it yields, whether it is unbounded, and its tick interval.
 */
record PlannedRelation(SourcePlan source, List<OperatorFactory> operators, Scope scope, boolean streaming,
                       long tickMillis) {
}
