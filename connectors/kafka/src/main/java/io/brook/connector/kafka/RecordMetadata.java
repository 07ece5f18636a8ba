package io.brook.connector.kafka;

import io.brook.engine.external.format.MessageChunkBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The metadata columns of the record being decoded: timestamp, key, headers, offset, partition. */
final class RecordMetadata implements MessageChunkBuilder.Metadata {
    private ConsumerRecord<byte[], byte[]> record;

    /** Makes {@code current} the record whose metadata {@link #value} answers with. */
    RecordMetadata of(ConsumerRecord<byte[], byte[]> current) {
        this.record = current;
        return this;
    }

    @Override
    public Object value(String column) {
        return switch (column) {
            case MessageColumns.TIME -> Instant.ofEpochMilli(record.timestamp());
            case MessageColumns.KEY -> record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
            case MessageColumns.HEADERS -> headers(record);
            case MessageColumns.OFFSET -> record.offset();
            case MessageColumns.PARTITION -> (long) record.partition();
            default -> throw new IllegalStateException("not a metadata column: " + column);
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
