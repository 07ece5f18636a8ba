package io.brook.engine.catalog;

import java.util.List;

/**
 * A materialized view as the catalog knows it: its name, its output columns, the streams it
 * reads, and the stream it writes into ({@code null} when it owns a stream of its own name).
 */
public record ViewEntry(String name, List<Column> columns, List<String> sources, String target) {

    public ViewEntry {
        columns = List.copyOf(columns);
        sources = List.copyOf(sources);
    }

    public boolean ownsStream() {
        return target == null;
    }
}
