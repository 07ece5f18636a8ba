package io.brook.connector.nats;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.external.ExternalSink;
import io.brook.engine.external.format.MessageFormat;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;

import java.io.ByteArrayOutputStream;
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
 * default for JSONEachRow, CSV and TSV) consecutive rows for the same subject share a message,
 * one row per line.
 */
final class NatsSink implements ExternalSink {
    /** Upper bound on the payload of a message holding several rows. */
    static final int BATCH_BYTES = 256 * 1024;
    /** Publishes awaiting acknowledgement before the sink waits for them. */
    private static final int IN_FLIGHT = 1_024;

    private final NatsSettings settings;
    private final NatsLink link;
    private final MessageFormat format;
    private final int subjectColumn;
    private final PublishOptions options;
    private final List<Pending> pending = new ArrayList<>();

    NatsSink(NatsSettings settings, NatsLink link, MessageFormat format, int subjectColumn) {
        this.settings = settings;
        this.link = link;
        this.format = format;
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
        String batchSubject = null;
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        List<Object> row = new ArrayList<>(chunk.columnCount());
        for (int index = 0; index < chunk.size(); index++) {
            row.clear();
            String subject = settings.subject();
            for (int column = 0; column < chunk.columnCount(); column++) {
                Object value = VectorReader.value(chunk.column(column), chunk.position(index));
                if (column != subjectColumn) {
                    row.add(value);
                } else if (value != null && !value.toString().isEmpty()) {
                    subject = value.toString();
                }
            }
            byte[] payload = format.encode(row);
            if (settings.oneMessagePerRow()) {
                publish(jetStream, subject, payload);
                continue;
            }
            if (batch.size() > 0 && (!subject.equals(batchSubject) || batch.size() + payload.length + 1 > BATCH_BYTES)) {
                publish(jetStream, batchSubject, batch.toByteArray());
                batch.reset();
            }
            if (batch.size() > 0) {
                batch.writeBytes(format.rowSeparator());
            }
            batchSubject = subject;
            batch.writeBytes(payload);
        }
        if (batch.size() > 0) {
            publish(jetStream, batchSubject, batch.toByteArray());
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
