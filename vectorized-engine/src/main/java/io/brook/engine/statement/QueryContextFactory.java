package io.brook.engine.statement;

import io.brook.engine.query.QueryContext;
import io.brook.engine.query.QuerySettings;
import org.apache.arrow.memory.BufferAllocator;

import java.util.concurrent.atomic.AtomicLong;

/** Makes each statement's {@link QueryContext}: a fresh id and a child of the engine's allocator. */
public final class QueryContextFactory {
    private final BufferAllocator root;
    private final AtomicLong nextId = new AtomicLong(1);

    public QueryContextFactory(BufferAllocator root) {
        this.root = root;
    }

    public QueryContext create(QuerySettings settings) {
        return new QueryContext(nextId.getAndIncrement(), root, settings);
    }
}
