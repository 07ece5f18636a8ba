package io.brook.connector.pulsar;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ReadOptions;
import io.brook.engine.external.format.MessageChunkBuilder;
import io.brook.engine.external.format.MessageFormat;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One read of a pulsar stream: a Pulsar reader for each partition of the topic (one for a topic
 * without partitions), so that each starts where it should. No subscription state is kept on the
 * broker. A streaming read starts at the earliest or the latest message, or, for a materialized
 * view resuming, right after the last message of each partition that its checkpoint kept
 * ({@link #resumePosition()}); a streaming read also picks up partitions added to the topic while
 * it runs, from their beginning. A bounded read ({@code table(ext)}) asks the broker for the last
 * message of each partition when it opens, reads from the earliest and ends once it has passed
 * all of them. The query thread reads messages itself: whatever has arrived, up to
 * {@link #MAX_ROWS} rows, becomes one chunk. A read that has had no connection to the broker for
 * {@link PulsarClients#OPERATION_TIMEOUT_SECONDS} fails (the reader would otherwise wait on silently).
 */
final class PulsarSource implements ChunkSource {
    private static final Logger LOG = LoggerFactory.getLogger(PulsarSource.class);
    static final int MAX_ROWS = 8_192;
    /** How long a reader may be without a connection to the broker before the read fails. */
    static final long DISCONNECTED_NANOS = TimeUnit.SECONDS.toNanos(PulsarClients.OPERATION_TIMEOUT_SECONDS);

    private final String name;
    private final PulsarSettings settings;
    private final PulsarClient client;
    /** The chunk being made: kept when reading is interrupted, so none of its rows is lost. */
    private final MessageChunkBuilder chunk;
    /** Held while {@link #next} runs, so that {@link #close} frees the chunk only after it. */
    private final ReentrantLock reading = new ReentrantLock();
    private final boolean bounded;
    private final QueryContext context;
    /** The partitions read, by partition index (one, index -1, for a topic without partitions). */
    private final List<PartitionRead> partitions = new CopyOnWriteArrayList<>();
    private boolean partitioned;
    private final PartitionDiscovery discovery;
    private long disconnectedSince;
    private boolean disconnected;
    private int turn;
    private volatile boolean finished;

    private PulsarSource(String name, PulsarSettings settings, PulsarClient client, List<Column> columns,
                         MessageFormat format, ReadOptions options, QueryContext context) {
        this.name = name;
        this.settings = settings;
        this.client = client;
        this.bounded = options.bounded();
        this.context = context;
        this.discovery = new PartitionDiscovery(client, settings.topic());
        this.chunk = new MessageChunkBuilder(columns, column -> !PulsarExternalStream.isData(column), format, options,
                context.allocator());
    }

    /**
     * Opens a read. {@code options.resumeFrom()}, when not null, is what {@link #resumePosition()}
     * said before: a streaming read then starts right after the messages it names, whatever
     * {@code start} says, and reads partitions it does not name from their beginning.
     */
    static PulsarSource open(String name, PulsarSettings settings, PulsarClient client, List<Column> columns,
                             MessageFormat format, PulsarSettings.SeekTo start, ReadOptions options,
                             QueryContext context) {
        PulsarSource source = new PulsarSource(name, settings, client, columns, format, options, context);
        try {
            source.start(start, options.bounded() ? null : options.resumeFrom());
            return source;
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private void start(PulsarSettings.SeekTo seekTo, String resumeFrom) {
        String cannotRead = "Cannot read pulsar topic " + settings.topic() + " at " + settings.serviceUrl();
        List<String> topics = answer(client.getPartitionsForTopic(settings.topic(), true), cannotRead);
        partitioned = !(topics.size() == 1 && topics.getFirst().equals(settings.topic()));
        Map<Integer, MessageId> resumed = resumeFrom == null ? null : ResumePosition.parse(resumeFrom);
        List<CompletableFuture<PartitionRead>> opening = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            int index = partitioned ? i : -1;
            MessageId from;
            if (resumed != null) {
                from = resumed.getOrDefault(index, MessageId.earliest);
            } else {
                from = bounded || seekTo == PulsarSettings.SeekTo.EARLIEST ? MessageId.earliest : MessageId.latest;
            }
            opening.add(openPartition(topics.get(i), index, from));
        }
        try {
            answer(CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)), cannotRead);
        } catch (RuntimeException e) {
            // the readers that did open close again, now or when they come
            opening.forEach(future -> future.thenAccept(partition -> partition.reader.closeAsync()));
            throw e;
        }
        for (CompletableFuture<PartitionRead> future : opening) {
            partitions.add(future.join());
        }
        finished = bounded && partitions.stream().allMatch(partition -> partition.done);
    }

    private CompletableFuture<PartitionRead> openPartition(String topic, int index, MessageId from) {
        return PartitionRead.open(client, topic, index, from, bounded, "brook-query-" + context.queryId());
    }

    @Override
    public Chunk next(long maxWaitNanos) throws InterruptedException {
        reading.lock();
        try {
            return finished ? null : read(maxWaitNanos);
        } finally {
            reading.unlock();
        }
    }

    private Chunk read(long maxWaitNanos) throws InterruptedException {
        discoverPartitions();
        checkConnections();
        long deadline = System.nanoTime() + Math.max(0, maxWaitNanos);
        drain();
        while (chunk.rowCount() == 0 && !finished) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || !await(remaining)) {
                break;
            }
            drain();
        }
        Chunk built = null;
        if (chunk.rowCount() > 0) {
            try {
                built = chunk.build();
            } catch (org.apache.arrow.memory.OutOfMemoryException e) {
                throw context.memoryExceeded(e);
            }
        }
        // what was taken is now handed out (or made no rows)
        for (PartitionRead partition : partitions) {
            partition.handOut();
        }
        return built;
    }

    /** Takes the messages that have arrived, partition after partition, up to {@link #MAX_ROWS} rows. */
    private void drain() throws InterruptedException {
        int count = partitions.size();
        for (int i = 0; i < count && chunk.rowCount() < MAX_ROWS && !finished; i++) {
            PartitionRead partition = partitions.get((turn + i) % count);
            while (!partition.done && chunk.rowCount() < MAX_ROWS) {
                Message<byte[]> message = poll(partition);
                if (message == null) {
                    break;
                }
                add(partition, message);
            }
        }
        turn = count == 0 ? 0 : (turn + 1) % count;
        if (bounded) {
            finished = partitions.stream().allMatch(partition -> partition.done);
        }
    }

    /** The partition's next message if it has arrived, else null. */
    private Message<byte[]> poll(PartitionRead partition) throws InterruptedException {
        if (partition.waiting != null) {
            if (!partition.waiting.isDone()) {
                return null; // the message it gets comes first
            }
            CompletableFuture<Message<byte[]>> done = partition.waiting;
            partition.waiting = null;
            try {
                return done.join();
            } catch (CompletionException | CancellationException e) {
                finished = true;
                throw failure("Cannot read pulsar topic " + settings.topic(), e.getCause() == null ? e : e.getCause());
            }
        }
        try {
            return partition.reader.readNext(0, TimeUnit.MICROSECONDS);
        } catch (PulsarClientException e) {
            if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                throw new InterruptedException("reading pulsar topic " + settings.topic());
            }
            finished = true;
            throw failure("Cannot read pulsar topic " + settings.topic(), e);
        }
    }

    /**
     * Waits until a partition has a message, at most {@code nanos}; false when none came. Each
     * partition without a message gets a read that waits for its next one.
     */
    private boolean await(long nanos) throws InterruptedException {
        List<CompletableFuture<Message<byte[]>>> reads = new ArrayList<>();
        for (PartitionRead partition : partitions) {
            if (!partition.done) {
                if (partition.waiting == null) {
                    partition.waiting = partition.reader.readNextAsync();
                }
                reads.add(partition.waiting);
            }
        }
        if (reads.isEmpty()) {
            return false;
        }
        try {
            CompletableFuture.anyOf(reads.toArray(CompletableFuture[]::new)).get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // the failed read reports it
        }
    }

    private void add(PartitionRead partition, Message<byte[]> message) {
        MessageId id = message.getMessageId();
        if (!partition.take(id)) {
            return;
        }
        try {
            chunk.add(message.getValue(), column -> column.equals(PulsarExternalStream.SN_COLUMN) ? (Object) SequenceNumbers.of(id)
                    : message.hasKey() ? message.getKey() : "");
        } catch (org.apache.arrow.memory.OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        } catch (BrookException e) {
            finished = true;
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse message " + id + " of pulsar topic "
                    + settings.topic() + ": " + e.text());
        }
    }

    /**
     * Fails the read once a reader has had no connection to the broker for
     * {@link #DISCONNECTED_NANOS}: the client would go on trying to reconnect, and the read wait
     * on without saying why. A view reading the stream then shows the error and retries from its
     * last checkpoint.
     */
    private void checkConnections() {
        boolean connected = true;
        for (PartitionRead partition : partitions) {
            connected &= partition.done || partition.reader.isConnected();
        }
        long now = System.nanoTime();
        if (connected) {
            disconnected = false;
        } else if (!disconnected) {
            disconnected = true;
            disconnectedSince = now;
        } else if (now - disconnectedSince >= DISCONNECTED_NANOS) {
            finished = true;
            throw new BrookException(ErrorCode.NETWORK_ERROR, "Cannot read pulsar topic " + settings.topic()
                    + ": no connection to the broker at " + settings.serviceUrl() + " for "
                    + TimeUnit.NANOSECONDS.toSeconds(now - disconnectedSince) + " s");
        }
    }

    /** A streaming read of a partitioned topic reads partitions added to it from their beginning. */
    private void discoverPartitions() {
        if (bounded || !partitioned) {
            return;
        }
        List<String> topics = discovery.poll();
        if (topics == null) {
            return;
        }
        int known = partitions.size();
        if (topics.size() <= known) {
            return;
        }
        for (int index = known; index < topics.size(); index++) {
            partitions.add(answer(openPartition(topics.get(index), index, MessageId.earliest),
                    "Cannot read partition " + index + " of pulsar topic " + settings.topic()));
        }
        LOG.info("Pulsar stream {} now reads {} partitions of topic {}", name, partitions.size(), settings.topic());
    }

    /** Where a read would continue after the chunks returned so far, as {@link ResumePosition} writes it. */
    @Override
    public String resumePosition() {
        return ResumePosition.of(partitions);
    }

    /** What a future answers, waiting at most twice the operation timeout; its failure as a network error. */
    private static <T> T answer(CompletableFuture<T> future, String what) {
        try {
            return future.get(2L * PulsarClients.OPERATION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        } catch (ExecutionException e) {
            throw failure(what, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new BrookException(ErrorCode.NETWORK_ERROR, what + ": the broker did not answer in time");
        }
    }

    static BrookException failure(String what, Throwable e) {
        return PulsarFailures.of(what, e);
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public String describe() {
        return "pulsar read of " + name + " (topic " + settings.topic() + ")" + (bounded ? " (bounded)" : "");
    }

    @Override
    public void close() {
        finished = true;
        discovery.close();
        for (PartitionRead partition : partitions) {
            partition.close();
        }
        reading.lock();
        try {
            chunk.close();
        } finally {
            reading.unlock();
        }
    }
}
