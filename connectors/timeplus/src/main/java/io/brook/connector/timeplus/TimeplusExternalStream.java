package io.brook.connector.timeplus;

import io.brook.engine.catalog.Column;
import io.brook.engine.external.ExternalSink;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ReadOptions;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A created timeplus stream: its settings, its columns and where the next write goes. */
final class TimeplusExternalStream implements ExternalStream {
    private final String name;
    private final TimeplusSettings settings;
    private final List<Column> columns;
    private final RemoteBrook remote;
    /** Chunks written so far, across writes, so writes keep going round the hosts. */
    private final AtomicLong writes = new AtomicLong();

    TimeplusExternalStream(String name, TimeplusSettings settings, List<Column> columns, RemoteBrook remote) {
        this.name = name;
        this.settings = settings;
        this.columns = List.copyOf(columns);
        this.remote = remote;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public ChunkSource openSource(QueryContext context, ReadOptions options) {
        return RemoteSource.open(name, settings, columns, remote, RemoteSql.read(settings, columns, options),
                options.bounded(), context);
    }

    @Override
    public ExternalSink openSink(QueryContext context) {
        return new RemoteSink(settings, columns, remote, writes);
    }
}
