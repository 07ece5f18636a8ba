package io.brook.connector.kafka;

import io.brook.engine.catalog.Column;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a consumed message into rows of all the stream's columns: payload from the format, metadata from the record. */
final class MessageRows {
    private final MessageFormat format;
    /** Per column: its payload index, or -1 for a metadata column (then {@link #metadata} names it). */
    private final int[] payloadIndex;
    private final String[] metadata;

    MessageRows(List<Column> columns, MessageFormat format) {
        this.format = format;
        this.payloadIndex = new int[columns.size()];
        this.metadata = new String[columns.size()];
        int payload = 0;
        for (int column = 0; column < columns.size(); column++) {
            String name = columns.get(column).name();
            if (MessageColumns.isMetadata(name)) {
                payloadIndex[column] = -1;
                metadata[column] = name;
            } else {
                payloadIndex[column] = payload++;
            }
        }
    }

    void add(ConsumerRecord<byte[], byte[]> record, List<List<Object>> out) {
        List<List<Object>> payloads = new ArrayList<>(1);
        format.decode(record.value() == null ? new byte[0] : record.value(), payloads);
        for (List<Object> payload : payloads) {
            List<Object> row = new ArrayList<>(payloadIndex.length);
            for (int column = 0; column < payloadIndex.length; column++) {
                row.add(payloadIndex[column] >= 0 ? payload.get(payloadIndex[column]) : metadata(metadata[column], record));
            }
            out.add(row);
        }
    }

    private static Object metadata(String name, ConsumerRecord<byte[], byte[]> record) {
        return switch (name) {
            case MessageColumns.TIME -> Instant.ofEpochMilli(record.timestamp());
            case MessageColumns.KEY -> record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
            case MessageColumns.HEADERS -> headers(record);
            case MessageColumns.OFFSET -> record.offset();
            case MessageColumns.PARTITION -> (long) record.partition();
            default -> throw new IllegalStateException("not a metadata column: " + name);
        };
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
