package io.brook.engine.function.user;

import io.brook.engine.query.QueryContext;

/** A compiled user aggregate function. */
public interface UserAggregateFunction {

    /** The states of every group of one aggregate call in one query. */
    UserAggregateGroups newGroups(QueryContext context);

    /**
     * Null when states can be written to bytes and read back, so a materialized view can keep
     * them in its checkpoints; else why not, in words for the user.
     */
    String checkpointProblem();
}
