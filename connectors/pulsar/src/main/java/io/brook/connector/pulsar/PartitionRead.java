package io.brook.connector.pulsar;

import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.MessageIdAdv;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;

import java.util.concurrent.CompletableFuture;

/**
 * The read of one partition of a pulsar topic (or of a whole topic without partitions) by a
 * {@link PulsarSource}, and where it stands. Its positions are message ids: the read continues
 * right after {@link #position}.
 */
final class PartitionRead {
    /** The partition's index; -1 for a topic without partitions. */
    final int index;
    final Reader<byte[]> reader;
    /** A bounded read ends at {@link #end}; a streaming read goes on. */
    private final boolean bounded;
    /** The last message of the chunks returned so far, or where the read began; null: the beginning. */
    MessageId position;
    /** The last message taken into the chunk being made; becomes {@link #position} as it is returned. */
    private MessageId taken;
    /** Messages at or before this one are not part of the read (where it began); null once passed. */
    private MessageIdAdv after;
    /** For a bounded read: the last message of the partition when the read began. */
    private MessageIdAdv end;
    /** A read that waits for the next message, made when no partition had one. */
    CompletableFuture<Message<byte[]>> waiting;
    /** A bounded read has reached {@link #end}. */
    boolean done;

    private PartitionRead(int index, Reader<byte[]> reader, boolean bounded) {
        this.index = index;
        this.reader = reader;
        this.bounded = bounded;
    }

    /**
     * A reader of one partition from {@code from}: a message id read before (the read goes on
     * right after it), {@link MessageId#earliest} or {@link MessageId#latest}. A read from the
     * latest takes the partition's last message as where it began: it leaves out that message and
     * any before it, whenever they arrive, so the position it reports matches what it returns.
     * A non-persistent topic keeps no messages and has no positions to compare (the client does
     * not filter its messages either): its reads take every message that comes.
     */
    static CompletableFuture<PartitionRead> open(PulsarClient client, String topic, int index, MessageId from,
                                                 boolean bounded, String readerName) {
        boolean persistent = !topic.startsWith("non-persistent://");
        return client.newReader()
                .topic(topic)
                .startMessageId(from)
                .readerName(readerName)
                .createAsync()
                .thenCompose(reader -> {
                    PartitionRead partition = new PartitionRead(index, reader, bounded);
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

    /**
     * Takes the message {@code id} into the chunk being made; false when it is not part of the
     * read: at or before where the read began, or, for a bounded read, past its end. A bounded
     * read that reaches its end is done and closes its reader.
     */
    boolean take(MessageId id) {
        if (after != null) {
            if (id instanceof MessageIdAdv adv && position(adv, after) != Position.PAST) {
                return false; // at or before where the read began: not part of it, nor of its position
            }
            after = null;
        }
        taken = id;
        if (bounded) {
            if (!(id instanceof MessageIdAdv adv)) {
                return false;
            }
            Position where = position(adv, end);
            if (where != Position.BEFORE) {
                done = true;
                reader.closeAsync();
            }
            return where != Position.PAST;
        }
        return true;
    }

    /** The chunk with the messages taken was returned (or made no rows): the read now stands after them. */
    void handOut() {
        if (taken != null) {
            position = taken;
            taken = null;
        }
    }

    /** Stops waiting for a message and closes the reader, without waiting for either. */
    void close() {
        CompletableFuture<Message<byte[]>> pending = waiting;
        if (pending != null) {
            pending.cancel(false);
        }
        reader.closeAsync();
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
}
