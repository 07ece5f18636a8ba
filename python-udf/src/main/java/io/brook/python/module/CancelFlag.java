package io.brook.python.module;

import io.brook.engine.query.QueryContext;
import org.graalvm.polyglot.HostAccess;

/**
 * What Python code sees of its query: whether it was cancelled. Brook's {@code time.sleep} asks
 * it every few milliseconds and raises KeyboardInterrupt once it is true.
 */
public final class CancelFlag {
    private final QueryContext query;

    CancelFlag(QueryContext query) {
        this.query = query;
    }

    @HostAccess.Export
    public boolean cancelled() {
        return query != null && query.failure() != null;
    }
}
