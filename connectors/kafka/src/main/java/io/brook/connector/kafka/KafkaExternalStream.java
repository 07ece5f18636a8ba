package io.brook.connector.kafka;

import io.brook.engine.external.format.MessageFormat;
import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ExternalSink;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ReadOptions;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A created kafka stream. Each read opens its own consumer (assigned partitions, no group);
 * writes share one producer, made with the first write and closed with the stream.
 */
final class KafkaExternalStream implements ExternalStream {
    private final String name;
    private final KafkaSettings settings;
    private final List<Column> declared;
    private final List<Column> columns;
    private KafkaProducer<byte[], byte[]> producer;
    private final AtomicLong skipped = new AtomicLong();

    KafkaExternalStream(String name, KafkaSettings settings, List<Column> declared) {
        this.name = name;
        this.settings = settings;
        this.declared = declared.isEmpty() ? List.of(Column.of("raw", io.brook.engine.types.BrookType.STRING)) : declared;
        this.columns = MessageColumns.all(this.declared);
        MessageFormat.of(settings.dataFormat(), MessageColumns.payload(this.declared), settings.oneMessagePerRow());
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public long skippedMessages() {
        return skipped.get();
    }

    @Override
    public List<String> virtualColumns() {
        return MessageColumns.virtualNames(declared);
    }

    @Override
    public ChunkSource openSource(QueryContext context, ReadOptions options) {
        try {
            return KafkaSource.open(name, settings, columns, format(), skipped, context, options);
        } catch (KafkaException e) {
            throw readFailure(e);
        }
    }

    /**
     * A client failure while a read opens, naming the brokers: with them down (as after the
     * engine reopened without checking them) the request for the topic's partitions times out.
     */
    private BrookException readFailure(KafkaException e) {
        ErrorCode code = e instanceof AuthenticationException ? ErrorCode.AUTHENTICATION_FAILED : ErrorCode.NETWORK_ERROR;
        return new BrookException(code, "Cannot read topic " + settings.topic() + " from kafka brokers "
                + settings.brokers() + ": " + e.getMessage(), e);
    }

    @Override
    public ExternalSink openSink(QueryContext context) {
        return new KafkaSink(settings, declared, format(), producer());
    }

    private MessageFormat format() {
        return MessageFormat.of(settings.dataFormat(), MessageColumns.payload(declared), settings.oneMessagePerRow());
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Properties properties = ClientConfig.of(settings);
            properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
            properties.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
            properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
