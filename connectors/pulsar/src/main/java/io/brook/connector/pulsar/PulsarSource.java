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
import org.apache.pulsar.client.api.MessageIdAdv;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Reader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
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
    /** How often a streaming read of a partitioned topic asks whether partitions were added. */
    static final long DISCOVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
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
    private final List<Partition> partitions = new CopyOnWriteArrayList<>();
    private boolean partitioned;
    private CompletableFuture<List<String>> discovery;
    private long lastDiscovery = System.nanoTime();
    private long disconnectedSince;
    private boolean disconnected;
    private int turn;
    private volatile boolean finished;

    /**
     * The read of one partition (or of a whole topic without partitions) and where it stands.
     * Its positions are message ids: the read continues right after {@link #position}.
     */
    private static final class Partition {
        final int index;
        final Reader<byte[]> reader;
        /** The last message of the chunks returned so far, or where the read began; null: the beginning. */
        MessageId position;
        /** The last message taken into the chunk being made; becomes {@link #position} as it is returned. */
        MessageId taken;
        /** Messages at or before this one are not part of the read (where it began); null once passed. */
        MessageIdAdv after;
        /** For a bounded read: the last message of the partition when the read began. */
        MessageIdAdv end;
        /** A read that waits for the next message, made when no partition had one. */
        CompletableFuture<Message<byte[]>> waiting;
        /** A bounded read has reached {@link #end}. */
        boolean done;

        Partition(int index, Reader<byte[]> reader) {
            this.index = index;
            this.reader = reader;
        }
    }

    private PulsarSource(String name, PulsarSettings settings, PulsarClient client, List<Column> columns,
                         MessageFormat format, ReadOptions options, QueryContext context) {
        this.name = name;
        this.settings = settings;
        this.client = client;
        this.bounded = options.bounded();
        this.context = context;
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
        Map<Integer, MessageId> resumed = resumeFrom == null ? null : parsePosition(resumeFrom);
        List<CompletableFuture<Partition>> opening = new ArrayList<>();
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
        for (CompletableFuture<Partition> future : opening) {
            partitions.add(future.join());
        }
        finished = bounded && partitions.stream().allMatch(partition -> partition.done);
    }

    /**
     * A reader of one partition from {@code from}: a message id read before (the read goes on
     * right after it), {@link MessageId#earliest} or {@link MessageId#latest}. A read from the
     * latest takes the partition's last message as where it began: it leaves out that message and
     * any before it, whenever they arrive, so the position it reports matches what it returns.
     * A non-persistent topic keeps no messages and has no positions to compare (the client does
     * not filter its messages either): its reads take every message that comes.
     */
    private CompletableFuture<Partition> openPartition(String topic, int index, MessageId from) {
        boolean persistent = !topic.startsWith("non-persistent://");
        return client.newReader()
                .topic(topic)
                .startMessageId(from)
                .readerName("brook-query-" + context.queryId())
                .createAsync()
                .thenCompose(reader -> {
                    Partition partition = new Partition(index, reader);
                    if (from != MessageId.earliest && from != MessageId.latest) {
                        partition.position = from;
                        partition.after = persistent ? (MessageIdAdv) from : null;
                        return CompletableFuture.completedFuture(partition);
                    }
                    if (!bounded && (from == MessageId.earliest || !persistent)) {
                        return CompletableFuture.completedFuture(partition);
                    }
                    return reader.getLastMessageIdsAsync().thenApply(ids -> {
                        MessageIdAdv last = ids.isEmpty() ? null : (MessageIdAdv) ids.getFirst();
                        if (bounded) {
                            if (last == null || last.getEntryId() < 0) {
                                partition.done = true; // nothing to read
                                reader.closeAsync();
                            } else {
                                partition.end = last;
                            }
                        } else if (last != null && last.getLedgerId() >= 0) {
                            partition.position = last;
                            partition.after = last;
                        }
                        return partition;
                    }).whenComplete((opened, failure) -> {
                        if (failure != null) {
                            reader.closeAsync();
                        }
                    });
                });
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
        for (Partition partition : partitions) {
            if (partition.taken != null) {
                partition.position = partition.taken;
                partition.taken = null;
            }
        }
        return built;
    }

    /** Takes the messages that have arrived, partition after partition, up to {@link #MAX_ROWS} rows. */
    private void drain() throws InterruptedException {
        int count = partitions.size();
        for (int i = 0; i < count && chunk.rowCount() < MAX_ROWS && !finished; i++) {
            Partition partition = partitions.get((turn + i) % count);
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
    private Message<byte[]> poll(Partition partition) throws InterruptedException {
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
        for (Partition partition : partitions) {
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

    private void add(Partition partition, Message<byte[]> message) {
        MessageId id = message.getMessageId();
        if (partition.after != null) {
            if (id instanceof MessageIdAdv adv && position(adv, partition.after) != Position.PAST) {
                return; // at or before where the read began: not part of it, nor of its position
            }
            partition.after = null;
        }
        partition.taken = id;
        if (bounded) {
            if (!(id instanceof MessageIdAdv adv)) {
                return;
            }
            Position where = position(adv, partition.end);
            if (where != Position.BEFORE) {
                partition.done = true;
                partition.reader.closeAsync();
            }
            if (where == Position.PAST) {
                return;
            }
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

    private enum Position { BEFORE, LAST, PAST }

    /** Where a message lies against another of its partition (where a read began or ends). */
    private static Position position(MessageIdAdv id, MessageIdAdv end) {
        int order = Long.compare(id.getLedgerId(), end.getLedgerId());
        if (order == 0) {
            order = Long.compare(id.getEntryId(), end.getEntryId());
        }
        if (order != 0) {
            return order < 0 ? Position.BEFORE : Position.PAST;
        }
        if (id.getBatchIndex() < 0) {
            return Position.LAST;
        }
        // one entry holds a batch: its last message ends the read
        int lastIndex = end.getBatchIndex() >= 0 ? end.getBatchIndex() : id.getBatchSize() - 1;
        return id.getBatchIndex() < lastIndex ? Position.BEFORE
                : id.getBatchIndex() == lastIndex ? Position.LAST : Position.PAST;
    }

    /**
     * Fails the read once a reader has had no connection to the broker for
     * {@link #DISCONNECTED_NANOS}: the client would go on trying to reconnect, and the read wait
     * on without saying why. A view reading the stream then shows the error and retries from its
     * last checkpoint.
     */
    private void checkConnections() {
        boolean connected = true;
        for (Partition partition : partitions) {
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

    /**
     * A streaming read of a partitioned topic asks every {@link #DISCOVERY_NANOS} how many
     * partitions it has, without waiting for the answer, and reads added ones from their beginning.
     */
    private void discoverPartitions() {
        if (bounded || !partitioned) {
            return;
        }
        if (discovery == null) {
            if (System.nanoTime() - lastDiscovery >= DISCOVERY_NANOS) {
                discovery = client.getPartitionsForTopic(settings.topic(), true);
            }
            return;
        }
        if (!discovery.isDone()) {
            return;
        }
        CompletableFuture<List<String>> answered = discovery;
        discovery = null;
        lastDiscovery = System.nanoTime();
        List<String> topics;
        try {
            topics = answered.join();
        } catch (CompletionException | CancellationException e) {
            LOG.debug("Could not look up the partitions of pulsar topic {}: {}", settings.topic(), e.getMessage());
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

    /**
     * Where a read would continue after the chunks returned so far: for each partition with a
     * known position, {@code index:id}, comma separated, where id is the message id
     * ({@link MessageId#toByteArray()}, base64) the read goes on right after and index is the
     * partition's (-1 for a topic without partitions). A partition not named is read from its
     * beginning.
     */
    @Override
    public String resumePosition() {
        StringBuilder text = new StringBuilder();
        for (Partition partition : partitions) {
            MessageId position = partition.position;
            if (position != null) {
                text.append(text.isEmpty() ? "" : ",").append(partition.index).append(':')
                        .append(Base64.getEncoder().encodeToString(position.toByteArray()));
            }
        }
        return text.toString();
    }

    /** The message ids of a {@link #resumePosition()}, by partition index. */
    static Map<Integer, MessageId> parsePosition(String text) {
        Map<Integer, MessageId> ids = new HashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            try {
                ids.put(Integer.parseInt(part.substring(0, colon).strip()),
                        MessageId.fromByteArray(Base64.getDecoder().decode(part.substring(colon + 1).strip())));
            } catch (RuntimeException | IOException e) {
                throw new BrookException(ErrorCode.LOGICAL_ERROR, "Invalid pulsar resume position '" + text + "'");
            }
        }
        return ids;
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
        CompletableFuture<List<String>> looking = discovery;
        if (looking != null) {
            looking.cancel(false);
        }
        for (Partition partition : partitions) {
            CompletableFuture<Message<byte[]>> waiting = partition.waiting;
            if (waiting != null) {
                waiting.cancel(false);
            }
            partition.reader.closeAsync();
        }
        reading.lock();
        try {
            chunk.close();
        } finally {
            reading.unlock();
        }
    }
}
