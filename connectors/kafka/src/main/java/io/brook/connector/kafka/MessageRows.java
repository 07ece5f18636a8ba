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
    /** No metadata columns: a payload row is the whole row. */
    private final boolean payloadOnly;
    /** The rows of the message being decoded; a message that fails adds none to the caller's. */
    private final List<List<Object>> payloads = new ArrayList<>();
    private static final byte[] EMPTY = new byte[0];

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
        this.payloadOnly = payload == columns.size();
    }

    void add(ConsumerRecord<byte[], byte[]> record, List<List<Object>> out) {
        payloads.clear();
        format.decode(record.value() == null ? EMPTY : record.value(), payloads);
        if (payloadOnly) {
            // the payload rows are already rows of all the stream's columns
            out.addAll(payloads);
            return;
        }
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
