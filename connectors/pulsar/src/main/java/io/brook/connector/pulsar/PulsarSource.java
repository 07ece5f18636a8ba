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
import org.apache.pulsar.client.api.TopicMessageId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One read of a pulsar stream through a Pulsar reader: no subscription state is kept on the
 * broker, and the reader starts at the earliest or the latest message. A bounded read
 * ({@code table(ext)}) asks the broker for the last message of each partition when it opens, reads
 * from the earliest and ends once it has passed all of them. The query thread reads messages
 * itself: whatever has arrived, up to {@link #MAX_ROWS} rows, becomes one chunk.
 */
final class PulsarSource implements ChunkSource {
    static final int MAX_ROWS = 8_192;

    private final String name;
    private final PulsarSettings settings;
    private final Reader<byte[]> reader;
    private final MessageChunkBuilder chunk;
    private final boolean bounded;
    private final QueryContext context;
    /** For a bounded read: the last message of each partition not yet reached, by partition index. */
    private final Map<Integer, MessageIdAdv> ends = new HashMap<>();
    private boolean finished;

    private PulsarSource(String name, PulsarSettings settings, Reader<byte[]> reader, List<Column> columns,
                         MessageFormat format, ReadOptions options, QueryContext context) {
        this.name = name;
        this.settings = settings;
        this.reader = reader;
        this.bounded = options.bounded();
        this.context = context;
        this.chunk = new MessageChunkBuilder(columns, column -> !PulsarExternalStream.isData(column), format, options,
                context.allocator());
    }

    static PulsarSource open(String name, PulsarSettings settings, PulsarClient client, List<Column> columns,
                             MessageFormat format, PulsarSettings.SeekTo start, ReadOptions options, QueryContext context) {
        Reader<byte[]> reader;
        try {
            reader = client.newReader()
                    .topic(settings.topic())
                    .startMessageId(start == PulsarSettings.SeekTo.EARLIEST ? MessageId.earliest : MessageId.latest)
                    .readerName("brook-query-" + context.queryId())
                    .create();
        } catch (PulsarClientException e) {
            throw failure("Cannot read pulsar topic " + settings.topic() + " at " + settings.serviceUrl(), e);
        }
        PulsarSource source = new PulsarSource(name, settings, reader, columns, format, options, context);
        if (options.bounded()) {
            try {
                for (TopicMessageId last : reader.getLastMessageIds()) {
                    if (last instanceof MessageIdAdv position && position.getEntryId() >= 0) {
                        source.ends.put(position.getPartitionIndex(), position);
                    }
                }
            } catch (PulsarClientException e) {
                source.close();
                throw failure("Cannot find the end of pulsar topic " + settings.topic(), e);
            }
            source.finished = source.ends.isEmpty();
        }
        return source;
    }

    @Override
    public Chunk next(long maxWaitNanos) throws InterruptedException {
        if (finished) {
            return null;
        }
        long waitMicros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(maxWaitNanos));
        Message<byte[]> message = read((int) Math.min(Integer.MAX_VALUE, waitMicros));
        try {
            while (message != null) {
                add(message);
                if (finished || chunk.rowCount() >= MAX_ROWS) {
                    break;
                }
                message = read(0);
            }
            return chunk.rowCount() == 0 ? null : chunk.build();
        } catch (org.apache.arrow.memory.OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    private Message<byte[]> read(int waitMicros) throws InterruptedException {
        try {
            return reader.readNext(waitMicros, TimeUnit.MICROSECONDS);
        } catch (PulsarClientException e) {
            if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                throw new InterruptedException("reading pulsar topic " + settings.topic());
            }
            finished = true;
            throw failure("Cannot read pulsar topic " + settings.topic(), e);
        }
    }

    private void add(Message<byte[]> message) {
        MessageId id = message.getMessageId();
        if (bounded) {
            if (!(id instanceof MessageIdAdv position) || !ends.containsKey(position.getPartitionIndex())) {
                return;
            }
            Position where = position(position, ends.get(position.getPartitionIndex()));
            if (where != Position.BEFORE) {
                ends.remove(position.getPartitionIndex());
                finished = ends.isEmpty();
            }
            if (where == Position.PAST) {
                return;
            }
        }
        try {
            chunk.add(message.getValue(), column -> column.equals(PulsarExternalStream.SN_COLUMN) ? (Object) SequenceNumbers.of(id)
                    : message.hasKey() ? message.getKey() : "");
        } catch (BrookException e) {
            finished = true;
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse message " + id + " of pulsar topic "
                    + settings.topic() + ": " + e.text());
        }
    }

    private enum Position { BEFORE, LAST, PAST }

    /** Where a message lies against the last message of its partition when the bounded read began. */
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

    static BrookException failure(String what, PulsarClientException e) {
        return new BrookException(ErrorCode.NETWORK_ERROR, what + ": " + e.getMessage(), e);
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
        reader.closeAsync();
        chunk.close();
    }
}
