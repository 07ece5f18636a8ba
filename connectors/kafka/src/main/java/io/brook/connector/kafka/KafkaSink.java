package io.brook.connector.kafka;

import io.brook.engine.external.format.DataFormat;
import io.brook.engine.external.format.MessageFormat;
import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.external.ExternalSink;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One INSERT (or view run) into a kafka stream. Declared {@code _tp_message_key},
 * {@code _tp_message_headers}, {@code _tp_time} and {@code _tp_shard} columns become each
 * message's key, headers, timestamp and partition; the other columns are the payload. Each row is
 * a message when {@code one_message_per_row} is true or any of those columns is declared;
 * otherwise a chunk's rows go as few messages of newline-separated rows. Sends are asynchronous;
 * the first that fails fails the write at its next step, or at the flush before a view's checkpoint.
 */
final class KafkaSink implements ExternalSink {
    /** Largest payload batched into one message, below the broker's default 1 MiB limit. */
    static final int MAX_MESSAGE_BYTES = 900_000;

    private final KafkaSettings settings;
    private final List<Column> declared;
    private final MessageFormat format;
    private final KafkaProducer<byte[], byte[]> producer;
    private final boolean perRow;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    KafkaSink(KafkaSettings settings, List<Column> declared, MessageFormat format, KafkaProducer<byte[], byte[]> producer) {
        this.settings = settings;
        this.declared = declared;
        this.format = format;
        this.producer = producer;
        boolean hasMetadata = declared.stream().anyMatch(column -> MessageColumns.isMetadata(column.name()));
        this.perRow = settings.oneMessagePerRow() || settings.dataFormat() == DataFormat.RAW_BLOB || hasMetadata;
    }

    @Override
    public void write(Chunk chunk) {
        checkFailure();
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int row = 0; row < chunk.size(); row++) {
            Message message = message(chunk, chunk.position(row));
            byte[] value = format.encode(message.payload());
            if (perRow) {
                send(message, value);
                continue;
            }
            if (batch.size() > 0 && batch.size() + value.length > MAX_MESSAGE_BYTES) {
                send(new Message(List.of(), null, null, null, null), batch.toByteArray());
                batch.reset();
            }
            if (batch.size() > 0) {
                batch.writeBytes(format.rowSeparator());
            }
            batch.writeBytes(value);
        }
        if (batch.size() > 0) {
            send(new Message(List.of(), null, null, null, null), batch.toByteArray());
        }
    }

    private record Message(List<Object> payload, String key, Map<?, ?> headers, Long timestamp, Integer partition) {
    }

    private Message message(Chunk chunk, int position) {
        List<Object> payload = new ArrayList<>(declared.size());
        String key = null;
        Map<?, ?> headers = null;
        Long timestamp = null;
        Integer partition = null;
        for (int column = 0; column < declared.size(); column++) {
            Object value = VectorReader.value(chunk.column(column), position);
            switch (declared.get(column).name()) {
                case MessageColumns.KEY -> key = value == null ? null : String.valueOf(value);
                case MessageColumns.HEADERS -> headers = (Map<?, ?>) value;
                case MessageColumns.TIME -> timestamp = value instanceof Instant instant ? instant.toEpochMilli() : null;
                case MessageColumns.PARTITION -> partition = value == null ? null : ((Number) value).intValue();
                case MessageColumns.OFFSET -> {
                    // offsets are the broker's to give
                }
                default -> payload.add(value);
            }
        }
        return new Message(payload, key, headers, timestamp, partition);
    }

    private void send(Message message, byte[] value) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(settings.topic(), message.partition(),
                message.timestamp(), message.key() == null ? null : message.key().getBytes(StandardCharsets.UTF_8), value);
        if (message.headers() != null) {
            message.headers().forEach((name, header) -> record.headers().add(new RecordHeader(String.valueOf(name),
                    header == null ? null : String.valueOf(header).getBytes(StandardCharsets.UTF_8))));
        }
        try {
            producer.send(record, (metadata, exception) -> {
                if (exception != null) {
                    failure.compareAndSet(null, exception);
                }
            });
        } catch (org.apache.kafka.common.KafkaException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() {
        producer.flush();
        checkFailure();
    }

    @Override
    public void finish() {
        flush();
    }

    private void checkFailure() {
        Exception first = failure.get();
        if (first != null) {
            throw failed(first);
        }
    }

    private BrookException failed(Exception cause) {
        return new BrookException(ErrorCode.NETWORK_ERROR, "Cannot write to kafka topic " + settings.topic()
                + " on brokers " + settings.brokers() + ": " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        // the producer is the stream's, shared by its writes
    }
}
