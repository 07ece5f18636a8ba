package io.brook.engine.plan;

import io.brook.engine.operator.OperatorFactory;
import io.brook.engine.window.WindowSpec;

import java.util.List;

/**
 * A FROM clause planned so far: its source, the operators already needed (a subquery's), the
 * columns it yields, whether it is unbounded, its tick interval, and the window when it is a
 * {@code tumble}, {@code hop} or {@code session} function (null otherwise): the scope then ends
 * with {@code window_start} and {@code window_end}, which the query's planner fills in.
 */
record PlannedRelation(SourcePlan source, List<OperatorFactory> operators, Scope scope, boolean streaming,
                       long tickMillis, WindowSpec window) {

    PlannedRelation(SourcePlan source, List<OperatorFactory> operators, Scope scope, boolean streaming,
                    long tickMillis) {
        this(source, operators, scope, streaming, tickMillis, null);
    }
}
