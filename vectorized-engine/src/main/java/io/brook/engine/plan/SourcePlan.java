package io.brook.engine.plan;

import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;

import java.util.List;

/** How a planned query gets its chunks; opened once per run of the plan. */
public interface SourcePlan {

    ChunkSource open(QueryContext context);

    /** One line for EXPLAIN. */
    String describe();

    /** Steps the source runs inside itself, one line each, shown under it by EXPLAIN. */
    default List<String> steps() {
        return List.of();
    }

    /** The streams and external streams it reads, by name. */
    default List<String> streams() {
        return List.of();
    }
}
