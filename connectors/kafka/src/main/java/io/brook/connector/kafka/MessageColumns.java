package io.brook.connector.kafka;

import io.brook.engine.catalog.Column;
import io.brook.engine.types.BrookType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The columns of a kafka stream: declared ones, then the virtual ones that carry a message's
 * metadata. A declared column with a virtual column's name is that metadata (filled from the
 * message when reading, written as it when writing: key, headers, timestamp, partition) rather
 * than part of the payload.
 */
final class MessageColumns {
    static final String TIME = "_tp_time";
    static final String KEY = "_tp_message_key";
    static final String HEADERS = "_tp_message_headers";
    static final String OFFSET = "_tp_sn";
    static final String PARTITION = "_tp_shard";
    static final List<Column> VIRTUAL = List.of(
            Column.of(TIME, BrookType.TP_TIME),
            Column.of(KEY, BrookType.STRING),
            Column.of(HEADERS, BrookType.map(BrookType.STRING, BrookType.STRING)),
            Column.of(OFFSET, BrookType.INT64),
            Column.of(PARTITION, BrookType.INT32));
    private static final Set<String> METADATA = Set.of(TIME, KEY, HEADERS, OFFSET, PARTITION);

    private MessageColumns() {
    }

    static boolean isMetadata(String name) {
        return METADATA.contains(name);
    }

    /** The declared columns that a message's value holds. */
    static List<Column> payload(List<Column> declared) {
        return declared.stream().filter(column -> !isMetadata(column.name())).toList();
    }

    /** Declared columns then the virtual columns not declared. */
    static List<Column> all(List<Column> declared) {
        List<Column> all = new ArrayList<>(declared);
        for (Column column : VIRTUAL) {
            if (declared.stream().noneMatch(d -> d.name().equals(column.name()))) {
                all.add(column);
            }
        }
        return all;
    }

    /** Names of the virtual columns that {@code SELECT *} leaves out. */
    static List<String> virtualNames(List<Column> declared) {
        return all(declared).subList(declared.size(), all(declared).size()).stream().map(Column::name).toList();
    }
}
