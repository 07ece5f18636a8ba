package io.brook.connector.kafka;

import io.brook.engine.external.format.MessageFormat;
import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.format.MessageChunkBuilder;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;
import io.brook.engine.external.ReadOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One read of a kafka stream: a consumer with assigned partitions (no consumer group, nothing
 * committed), polled on the query thread. A bounded read ({@code table(ext)}) takes each
 * partition's end offset when it opens and ends once every partition reached it. A streaming read
 * without {@code shards} looks for new partitions every {@link #DISCOVERY_NANOS} and reads them
 * from their beginning.
 */
final class KafkaSource implements ChunkSource {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSource.class);
    static final int MAX_ROWS = 8_192;
    static final long DISCOVERY_NANOS = 1_000_000_000L;
    private static final byte[] EMPTY = new byte[0];

    private final String name;
    private final KafkaSettings settings;
    private final MessageChunkBuilder chunk;
    private final RecordMetadata metadata = new RecordMetadata();
    private final QueryContext context;
    private final boolean bounded;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ReentrantLock polling = new ReentrantLock();
    private final List<TopicPartition> assigned = new ArrayList<>();
    /** For a bounded read: the offset each unfinished partition ends at. */
    private final Map<TopicPartition, Long> endOffsets = new HashMap<>();
    /** The next offset of each assigned partition after the records handed out so far. */
    private final Map<Integer, Long> nextOffsets = new java.util.TreeMap<>();
    private long lastDiscovery = System.nanoTime();
    private long skipped;
    /** The stream's count of skipped messages, over all its reads. */
    private final AtomicLong streamSkipped;
    private volatile boolean closed;
    private boolean finished;

    private KafkaSource(String name, KafkaSettings settings, List<Column> columns, MessageFormat format,
                        AtomicLong streamSkipped, QueryContext context, ReadOptions options) {
        this.name = name;
        this.streamSkipped = streamSkipped;
        this.settings = settings;
        this.context = context;
        this.bounded = options.bounded();
        Properties properties = ClientConfig.of(settings);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_ROWS);
        properties.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        if (!bounded && settings.shards() == null) {
            // partitionsFor answers from cached metadata; a short age lets new partitions show up soon
            properties.putIfAbsent(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2_000);
        }
        this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            this.chunk = new MessageChunkBuilder(columns, MessageColumns::isMetadata, format, options, context.allocator());
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Opens a read; a message skipped for not parsing also counts in {@code streamSkipped}. */
    static KafkaSource open(String name, KafkaSettings settings, List<Column> columns, MessageFormat format,
                            AtomicLong streamSkipped, QueryContext context, ReadOptions options) {
        KafkaSource source = new KafkaSource(name, settings, columns, format, streamSkipped, context, options);
        try {
            source.start(options);
            return source;
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private void start(ReadOptions options) {
        List<Integer> existing = partitions();
        List<Integer> wanted = settings.shards() != null ? settings.shards() : existing;
        for (int partition : wanted) {
            if (!existing.contains(partition)) {
                throw new BrookException(ErrorCode.INVALID_SETTING_VALUE, "Shard " + partition + " doesn't exist: topic "
                        + settings.topic() + " has " + existing.size() + " partitions");
            }
            assigned.add(new TopicPartition(settings.topic(), partition));
        }
        consumer.assign(assigned);
        if (options.resumeFrom() != null) {
            resume(options.resumeFrom());
        } else {
            String seekTo = options.seekTo() != null ? options.seekTo().toLowerCase(java.util.Locale.ROOT) : settings.seekTo();
            if (seekTo == null) {
                seekTo = bounded ? "earliest" : "latest";
            }
            Seeks.apply(consumer, assigned, seekTo, bounded ? java.util.OptionalLong.empty() : options.timeLowerBoundMillis());
        }
        for (TopicPartition partition : assigned) {
            nextOffsets.put(partition.partition(), consumer.position(partition));
        }
        if (bounded) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
            for (TopicPartition partition : assigned) {
                if (consumer.position(partition) < ends.get(partition)) {
                    endOffsets.put(partition, ends.get(partition));
                }
            }
            finished = endOffsets.isEmpty();
        }
    }

    /**
     * Seeks each partition to the offset a view's checkpoint kept ({@link #resumePosition()}); a
     * partition it does not name was added since, and is read from its beginning.
     */
    private void resume(String position) {
        Map<Integer, Long> offsets = new HashMap<>();
        for (String part : position.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split(":");
            offsets.put(Integer.parseInt(pair[0].strip()), Long.parseLong(pair[1].strip()));
        }
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition partition : assigned) {
            Long offset = offsets.get(partition.partition());
            if (offset == null) {
                fresh.add(partition);
            } else {
                consumer.seek(partition, offset);
            }
        }
        if (!fresh.isEmpty()) {
            consumer.seekToBeginning(fresh);
        }
    }

    /** {@code partition:next offset} of every partition read, comma separated, for view checkpoints. */
    @Override
    public String resumePosition() {
        StringBuilder text = new StringBuilder();
        nextOffsets.forEach((partition, offset) -> text.append(text.isEmpty() ? "" : ",").append(partition).append(':').append(offset));
        return text.toString();
    }

    private List<Integer> partitions() {
        return consumer.partitionsFor(settings.topic()).stream().map(info -> info.partition()).sorted().toList();
    }

    @Override
    public Chunk next(long maxWaitNanos) throws InterruptedException {
        if (finished || closed) {
            return null;
        }
        polling.lock();
        try {
            if (closed) {
                return null;
            }
            discoverPartitions();
            ConsumerRecords<byte[], byte[]> records = consumer.poll(
                    // capped so that a long wait still looks for new partitions on time
                    Duration.ofNanos(Math.clamp(maxWaitNanos, 0, DISCOVERY_NANOS)));
            for (TopicPartition partition : records.partitions()) {
                List<ConsumerRecord<byte[], byte[]>> partitionRecords = records.records(partition);
                if (partitionRecords.isEmpty()) {
                    continue;
                }
                nextOffsets.put(partition.partition(), partitionRecords.getLast().offset() + 1);
                Long end = bounded ? endOffsets.get(partition) : null;
                if (bounded && end == null) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : partitionRecords) {
                    if (end != null && record.offset() >= end) {
                        break;
                    }
                    decode(record);
                }
            }
            if (bounded) {
                endOffsets.entrySet().removeIf(entry -> consumer.position(entry.getKey()) >= entry.getValue());
                finished = endOffsets.isEmpty();
            }
            return chunk.rowCount() == 0 ? null : chunk.build();
        } catch (WakeupException stopped) {
            return null;
        } catch (org.apache.arrow.memory.OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        } finally {
            polling.unlock();
        }
    }

    private void decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            chunk.add(record.value() == null ? EMPTY : record.value(), metadata.of(record));
        } catch (org.apache.arrow.memory.OutOfMemoryException e) {
            throw e;
        } catch (RuntimeException e) {
            String reason = e instanceof BrookException brook ? brook.text() : e.toString();
            if (!settings.skipErrors()) {
                throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse message at partition "
                        + record.partition() + " offset " + record.offset() + " of topic " + settings.topic() + ": " + reason);
            }
            skipped++;
            streamSkipped.incrementAndGet();
            LOG.warn("Skipped message at partition {} offset {} of topic {} ({} skipped in this read): {}",
                    record.partition(), record.offset(), settings.topic(), skipped, reason);
        }
    }

    /** A streaming read of all partitions takes partitions added to the topic while it runs. */
    private void discoverPartitions() {
        if (bounded || settings.shards() != null || System.nanoTime() - lastDiscovery < DISCOVERY_NANOS) {
            return;
        }
        lastDiscovery = System.nanoTime();
        List<TopicPartition> added = new ArrayList<>();
        for (int partition : partitions()) {
            TopicPartition topicPartition = new TopicPartition(settings.topic(), partition);
            if (!assigned.contains(topicPartition)) {
                added.add(topicPartition);
            }
        }
        if (!added.isEmpty()) {
            assigned.addAll(added);
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
            for (TopicPartition partition : added) {
                nextOffsets.put(partition.partition(), consumer.position(partition));
            }
            LOG.info("Kafka stream {} now reads {} partitions of topic {}", name, assigned.size(), settings.topic());
        }
    }

    /** Messages skipped because they did not parse ({@code input_format_skip_errors}). */
    long skipped() {
        return skipped;
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public String describe() {
        return "kafka read of " + name + " (topic " + settings.topic() + ", " + assigned.size() + " partitions"
                + (bounded ? ", bounded" : "") + ")";
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        consumer.wakeup();
        polling.lock();
        try {
            consumer.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing the consumer of {} failed", name, e);
        } finally {
            chunk.close();
            polling.unlock();
        }
    }
}
