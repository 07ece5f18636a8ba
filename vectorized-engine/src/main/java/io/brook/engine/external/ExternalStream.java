package io.brook.engine.external;

import io.brook.engine.catalog.Column;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;

import java.util.List;

/**
 * A created external stream: a source that queries read from and/or a sink that INSERT and
 * materialized views write into. One instance serves many queries; per-query state lives in the
 * sources and sinks it opens.
 */
public interface ExternalStream extends AutoCloseable {

    /** Columns a query can select: declared ones first, then virtual ones (selected by name). */
    List<Column> columns();

    /** Virtual columns that {@code SELECT *} leaves out, such as {@code _tp_sn}. */
    default List<String> virtualColumns() {
        return List.of();
    }

    /**
     * Opens a read. {@code bounded} is true for {@code table(ext)}: read what exists now and end.
     * Chunks carry the columns of {@link #columns()} in that order.
     */
    ChunkSource openSource(QueryContext context, ReadOptions options);

    /**
     * Messages that this stream's reads skipped because they did not parse (a type's setting such
     * as kafka's {@code input_format_skip_errors} allows that), since the stream was created or the
     * engine opened; shown in {@code system.external_streams}.
     */
    default long skippedMessages() {
        return 0;
    }

    /** Opens a write; chunks arrive with the declared columns in declared order. */
    ExternalSink openSink(QueryContext context);

    @Override
    default void close() {
    }
}
