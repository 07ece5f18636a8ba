package io.brook.connector.nats;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ReadOptions;
import io.brook.engine.catalog.Column;
import io.brook.engine.external.format.MessageChunkBuilder;
import io.brook.engine.external.format.MessageFormat;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.NatsJetStreamMetaData;

import java.io.IOException;
import java.util.List;

/**
 * One read of a nats_jetstream stream through an ordered consumer: ephemeral, unacknowledged,
 * filtered by the stream's {@code subject}, recreated by the client from the last sequence it saw
 * when a gap or a reconnect happens, and deleted by the server once the read stops. A streaming
 * read starts at new messages unless {@code seek_to} says {@code earliest} or a sequence number;
 * a bounded read ({@code table(ext)}) reads from the first message to the last one stored when
 * it opened. A view's read resumes at the sequence its checkpoint kept. Messages become rows on the query thread, whatever has arrived up to
 * {@link #MAX_ROWS} per chunk.
 */
final class NatsSource implements ChunkSource {
    static final int MAX_ROWS = 8_192;
    /**
     * Pull requests that expire after 5 s (the client's default is 30 s): the client renews them
     * in that time and notices a consumer lost to a server restart from missed heartbeats (half
     * that time), so a read resumes within seconds.
     */
    private static final io.nats.client.ConsumeOptions CONSUME = io.nats.client.ConsumeOptions.builder()
            .expiresIn(5_000).build();
    /** JetStream API error code of a message lookup that found nothing. */
    private static final int NO_MESSAGE = 10037;

    private final String name;
    private final NatsSettings settings;
    private NatsLink link;
    private final MessageFormat format;
    private final List<Column> columns;
    private final ReadOptions options;
    private final QueryContext context;
    private final boolean bounded;
    /** For a bounded read: the last stream sequence to read. */
    private final long lastSequence;
    private final String start;
    private IterableConsumer consumer;
    /** The stream sequence to resume from (the one after the last message read); 0: from the start. */
    private long nextSequence;
    /** The link's reconnect count when the consumer was made. */
    private long reconnects;
    private boolean finished;

    private NatsSource(String name, NatsSettings settings, MessageFormat format, List<Column> columns,
                       ReadOptions options, QueryContext context, long lastSequence, String start) {
        this.name = name;
        this.settings = settings;
        this.format = format;
        this.columns = columns;
        this.options = options;
        this.context = context;
        this.bounded = options.bounded();
        this.lastSequence = lastSequence;
        this.start = start;
    }

    static NatsSource open(String name, NatsSettings settings, NatsLink link, MessageFormat format,
                           List<Column> columns, ReadOptions options, QueryContext context) {
        String start = options.bounded() ? "earliest"
                : options.seekTo() != null ? NatsSettings.seekTo(options.seekTo(), "seek_to") : settings.seekTo();
        long lastSequence = Long.MAX_VALUE;
        boolean empty = false;
        long firstSequence = 0;
        if (options.bounded()) {
            StreamInfo info = link.streamInfo();
            lastSequence = info.getStreamState().getLastSequence();
            empty = info.getStreamState().getMsgCount() == 0 || !anyMatching(link, settings, info);
        } else if (options.resumeFrom() != null) {
            // a view's checkpoint: the sequence after the last message it had read (0: from the start)
            firstSequence = parseResume(options.resumeFrom());
        } else if (start.equals("latest")) {
            // the sequence after the last stored one rather than "new messages": the same start,
            // and one that a consumer made again after a reconnect can use too
            firstSequence = link.streamInfo().getStreamState().getLastSequence() + 1;
        } else if (!start.equals("earliest")) {
            firstSequence = Long.parseLong(start);
        }
        NatsSource source = new NatsSource(name, settings, format, columns, options, context, lastSequence, start);
        source.link = link;
        source.nextSequence = firstSequence;
        if (empty) {
            source.finished = true;
            return source;
        }
        source.subscribe();
        return source;
    }

    private static long parseResume(String position) {
        try {
            return Math.max(0, Long.parseLong(position.strip()));
        } catch (NumberFormatException e) {
            throw new BrookException(ErrorCode.LOGICAL_ERROR, "Invalid NATS resume position '" + position + "'");
        }
    }

    /** The stream sequence a read continues from ({@code 0}: the first message), for view checkpoints. */
    @Override
    public String resumePosition() {
        return bounded ? null : Long.toString(nextSequence);
    }

    /**
     * Makes the ordered consumer: from {@link #nextSequence}, or from the stream's first message
     * when that is 0. Remembers the link's reconnect count, so that a reconnect makes it again.
     */
    private void subscribe() {
        OrderedConsumerConfiguration configuration = new OrderedConsumerConfiguration()
                .filterSubject(settings.subject());
        if (nextSequence > 0) {
            configuration.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(nextSequence);
        } else {
            configuration.deliverPolicy(DeliverPolicy.All);
        }
        reconnects = link.reconnects();
        try {
            consumer = link.connection().getStreamContext(settings.streamName())
                    .createOrderedConsumer(configuration).iterate(CONSUME);
        } catch (JetStreamApiException | IOException e) {
            throw link.failure("Cannot start reading", e);
        }
    }

    /** True when a message on the stream's subject is stored (looked up by subject from the first sequence). */
    private static boolean anyMatching(NatsLink link, NatsSettings settings, StreamInfo info) {
        try {
            link.connection().jetStreamManagement().getNextMessage(settings.streamName(),
                    Math.max(1, info.getStreamState().getFirstSequence()), settings.subject());
            return true;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == NO_MESSAGE) {
                return false;
            }
            throw link.failure("Cannot look up messages", e);
        } catch (IOException e) {
            throw link.failure("Cannot look up messages", e);
        }
    }

    @Override
    public Chunk next(long maxWaitNanos) throws InterruptedException {
        if (finished) {
            return null;
        }
        Message message = take(Math.max(1, maxWaitNanos / 1_000_000));
        if (message == null) {
            return null;
        }
        try (MessageChunkBuilder builder = new MessageChunkBuilder(columns, NatsExternalStream::isMetadata, format,
                options, context.allocator())) {
            while (message != null) {
                NatsJetStreamMetaData meta = message.metaData();
                long sequence = meta.streamSequence();
                if (sequence > lastSequence) {
                    finished = true;
                    break;
                }
                add(builder, message, sequence);
                nextSequence = sequence + 1;
                if (bounded && (sequence >= lastSequence || meta.pendingCount() == 0)) {
                    finished = true;
                    break;
                }
                if (builder.rowCount() >= MAX_ROWS) {
                    break;
                }
                message = take(1);
            }
            if (finished) {
                stop();
            }
            return builder.rowCount() == 0 ? null : builder.build();
        } catch (org.apache.arrow.memory.OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    private Message take(long waitMillis) throws InterruptedException {
        if (link.reconnects() != reconnects) {
            // after a reconnect (the server may have restarted and lost the consumer) resume
            // from the next sequence rather than wait for the client to notice
            stop();
            subscribe();
        }
        try {
            return consumer.nextMessage(waitMillis);
        } catch (JetStreamStatusCheckedException e) {
            finished = true;
            throw new BrookException(ErrorCode.NETWORK_ERROR, "Reading NATS stream " + settings.streamName() + " on "
                    + settings.url() + " failed: " + NatsLink.message(e));
        }
    }

    private void add(MessageChunkBuilder builder, Message message, long sequence) {
        try {
            builder.add(message.getData() == null ? new byte[0] : message.getData(),
                    column -> column.equals(NatsExternalStream.SEQUENCE_COLUMN) ? (Object) sequence : message.getSubject());
        } catch (BrookException e) {
            finished = true;
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse message " + sequence + " (subject "
                    + message.getSubject() + ") of NATS stream " + settings.streamName() + " as "
                    + settings.dataFormat().settingValue() + ": " + e.text());
        }
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public String describe() {
        return "nats_jetstream read of " + name + " (" + settings.streamName() + ", subject " + settings.subject()
                + ") from " + start + (bounded ? " (bounded)" : "");
    }

    /**
     * Stops the consumer and deletes it on the server at once (the server would drop it a few
     * seconds after it goes quiet anyway, which is also what happens when the connection is down).
     */
    private void stop() {
        if (consumer == null) {
            return;
        }
        String consumerName = null;
        try {
            consumerName = consumer.getConsumerName();
            consumer.stop();
            consumer.close();
        } catch (Exception e) {
            // left to the server's inactivity cleanup
        }
        consumer = null;
        try {
            io.nats.client.Connection connection = link.connection();
            if (consumerName != null && connection.getStatus() == io.nats.client.Connection.Status.CONNECTED) {
                connection.jetStreamManagement().deleteConsumer(settings.streamName(), consumerName);
            }
        } catch (Exception e) {
            // already gone, or left to the server's inactivity cleanup
        }
    }

    @Override
    public void close() {
        stop();
    }
}
