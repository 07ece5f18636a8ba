package io.brook.engine.plan;

import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;

/** How a planned query gets its chunks; opened once per run of the plan. */
public interface SourcePlan {

    ChunkSource open(QueryContext context);

    /** One line for EXPLAIN. */
    String describe();

    /** The streams and external streams it reads, by name. */
    default java.util.List<String> streams() {
        return java.util.List.of();
    }
}
