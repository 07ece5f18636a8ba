package io.brook.engine.statement;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.external.ExternalSink;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ExternalStreamDefinition;
import io.brook.engine.external.ReadOptions;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;

import java.util.List;

/**
 * Stands for a persisted external stream that its type could not reopen when the engine opened
 * (no module for the type any more, a setting it no longer accepts). It keeps the stream's name
 * and its declared (or persisted discovered) columns in the catalog, so the stream is still
 * listed, the views over it still load and show the error, and DROP STREAM removes it; every read
 * and write fails with the reopen's error, code included.
 */
final class UnavailableExternalStream implements ExternalStream {
    private final List<Column> columns;
    private final BrookException failure;

    UnavailableExternalStream(ExternalStreamDefinition definition, BrookException cause) {
        this.columns = definition.columns();
        this.failure = new BrookException(cause.code(), "External stream " + definition.name()
                + " could not be opened when the engine opened: " + cause.text()
                + "; fix the cause and reopen the engine, or drop the stream and create it again", cause);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public ChunkSource openSource(QueryContext context, ReadOptions options) {
        throw failure();
    }

    @Override
    public ExternalSink openSink(QueryContext context) {
        throw failure();
    }

    /** A fresh exception each time, so every caller gets its own stack trace. */
    private BrookException failure() {
        return new BrookException(failure.code(), failure.text(), failure.getCause());
    }
}
