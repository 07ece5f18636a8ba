package io.brook.connector.nats;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.vector.JsonForms;
import io.brook.engine.external.ExternalSink;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One INSERT (or view run) into a nats_jetstream stream: each chunk is published to the stream's
 * {@code subject}, or per row to the value of a declared {@code _nats_subject} column (empty or
 * NULL: the {@code subject} setting). Every publish must be acknowledged by the stream named in
 * the settings before {@link #write} returns; a publish that is refused fails the write, and
 * messages already acknowledged stay. With {@code one_message_per_row=false} (the JSONEachRow
 * default) consecutive rows for the same subject share a message, one JSON object per line.
 */
final class NatsSink implements ExternalSink {
    /** Upper bound on the payload of a message holding several rows. */
    static final int BATCH_BYTES = 256 * 1024;
    /** Publishes awaiting acknowledgement before the sink waits for them. */
    private static final int IN_FLIGHT = 1_024;

    private final NatsSettings settings;
    private final NatsLink link;
    private final MessageCodec codec;
    private final int subjectColumn;
    private final PublishOptions options;
    private final List<Pending> pending = new ArrayList<>();

    NatsSink(NatsSettings settings, NatsLink link, MessageCodec codec, int subjectColumn) {
        this.settings = settings;
        this.link = link;
        this.codec = codec;
        this.subjectColumn = subjectColumn;
        this.options = PublishOptions.builder().expectedStream(settings.streamName()).build();
    }

    private record Pending(String subject, CompletableFuture<PublishAck> ack) {
    }

    @Override
    public void write(Chunk chunk) {
        JetStream jetStream;
        try {
            jetStream = link.connection().jetStream();
        } catch (IOException e) {
            throw link.failure("Cannot publish", e);
        }
        List<List<Object>> rows = JsonForms.rows(chunk, 0, chunk.size());
        String batchSubject = null;
        List<byte[]> batch = new ArrayList<>();
        int batchBytes = 0;
        for (List<Object> row : rows) {
            String subject = settings.subject();
            if (subjectColumn >= 0) {
                Object value = row.remove(subjectColumn);
                if (value != null && !value.toString().isEmpty()) {
                    subject = value.toString();
                }
            }
            byte[] payload = codec.encode(row);
            if (settings.oneMessagePerRow()) {
                publish(jetStream, subject, payload);
                continue;
            }
            if (!batch.isEmpty() && (!subject.equals(batchSubject) || batchBytes + payload.length + 1 > BATCH_BYTES)) {
                publish(jetStream, batchSubject, MessageCodec.join(batch));
                batch.clear();
                batchBytes = 0;
            }
            batchSubject = subject;
            batch.add(payload);
            batchBytes += payload.length + 1;
        }
        if (!batch.isEmpty()) {
            publish(jetStream, batchSubject, MessageCodec.join(batch));
        }
        awaitAcks();
    }

    private void publish(JetStream jetStream, String subject, byte[] payload) {
        if (subject.contains("*") || subject.contains(">")) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Cannot publish to the wildcard subject " + subject
                    + " of NATS stream " + settings.streamName() + ": declare a " + NatsExternalStream.SUBJECT_COLUMN
                    + " string column and give each row its subject");
        }
        pending.add(new Pending(subject, jetStream.publishAsync(subject, payload, options)));
        if (pending.size() >= IN_FLIGHT) {
            awaitAcks();
        }
    }

    private void awaitAcks() {
        try {
            for (Pending publish : pending) {
                try {
                    publish.ack().get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    throw new BrookException(ErrorCode.NETWORK_ERROR, "Cannot publish to subject " + publish.subject()
                            + " of NATS stream " + settings.streamName() + " on " + settings.url() + ": "
                            + NatsLink.message(cause));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        } finally {
            pending.clear();
        }
    }

    @Override
    public void finish() {
        awaitAcks();
    }

    @Override
    public void close() {
        pending.clear();
    }
}
