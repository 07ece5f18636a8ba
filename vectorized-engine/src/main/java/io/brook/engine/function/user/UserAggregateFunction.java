package io.brook.engine.function.user;

import io.brook.engine.query.QueryContext;

/** A compiled user aggregate function; one state per group. */
public interface UserAggregateFunction {

    UserAggregateState newState(QueryContext context);

    /** True when states can be serialized, so a materialized view can checkpoint them. */
    boolean supportsCheckpoint();
}
