package io.brook.engine.statement;

import io.brook.engine.catalog.Column;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.stream.StreamSchema;
import io.brook.engine.types.TypeParser;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns an external stream found itself (its DDL listed none), as kept in the catalog: one
 * {@code name<TAB>type} line per column, leaving out virtual columns and {@code _tp_time}, which
 * the type adds again itself, as for declared columns.
 */
final class DiscoveredColumns {
    private DiscoveredColumns() {
    }

    static String format(ExternalStream stream) {
        StringBuilder text = new StringBuilder();
        for (Column column : stream.columns()) {
            if (!stream.virtualColumns().contains(column.name()) && !column.name().equals(StreamSchema.TIME_COLUMN)) {
                text.append(column.name()).append('\t').append(column.type()).append('\n');
            }
        }
        return text.toString();
    }

    /** The columns kept by {@link #format}; none for null (a stream created before they were kept). */
    static List<Column> parse(String text) {
        List<Column> columns = new ArrayList<>();
        if (text == null) {
            return columns;
        }
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                columns.add(Column.of(line.substring(0, tab), TypeParser.parse(line.substring(tab + 1))));
            }
        }
        return columns;
    }
}
